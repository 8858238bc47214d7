#!/bin/sh
# Issue 18 figures: over the dev files' located rows, the distance from the exact point to its map point
# (median, 95th percentile), the share of map points whose catchment meets the threshold, and throughput
# with and without --anonymise (best of RUNS runs each, same threads).
#   LOCUS_BIN=.build/release/locus LOCUS_GAZETTEER=/tmp/x/london.sqlite scripts/anonymise-measure.sh
# Environment: LOCUS_BIN, LOCUS_GAZETTEER (needs map points), LOCUS_SHARED_DIR (default ../shared),
#   OUT (default .build/anonymise-measure), RUNS (default 3), THREADS (default 2).
set -eu
cd "$(dirname "$0")/.."
bin=${LOCUS_BIN:-.build/release/locus}
gazetteer=${LOCUS_GAZETTEER:?set LOCUS_GAZETTEER}
shared=${LOCUS_SHARED_DIR:-../shared}
out=${OUT:-.build/anonymise-measure}
runs=${RUNS:-3}
threads=${THREADS:-2}
mkdir -p "$out"
for file in london-dev london-dev-more-kinds; do
    for mode in plain anonymise; do
        flag=""
        [ "$mode" = anonymise ] && flag=--anonymise
        best=""
        i=0
        while [ $i -lt "$runs" ]; do
            start=$(date +%s.%N)
            "$bin" geocode $flag --quiet --threads "$threads" --format jsonl --address-column query \
                --gazetteer "$gazetteer" "$shared/eval/dev/$file.csv" -o "$out/$file-$mode.jsonl"
            end=$(date +%s.%N)
            t=$(echo "$end - $start" | bc)
            if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
            i=$((i + 1))
        done
        echo "$file $mode $best" >> "$out/times.txt.$$"
    done
done
python3 - "$out" "$gazetteer" "$out/times.txt.$$" <<'PY'
import json, math, sqlite3, sys
out, gazetteer, times = sys.argv[1], sys.argv[2], sys.argv[3]
distances, dropped, located = [], 0, 0
for name in ["london-dev", "london-dev-more-kinds"]:
    plain = [json.loads(l) for l in open(f"{out}/{name}-plain.jsonl")]
    anon = [json.loads(l) for l in open(f"{out}/{name}-anonymise.jsonl")]
    assert len(plain) == len(anon)
    for p, a in zip(plain, anon):
        if p["easting"] is None: continue
        located += 1
        if a["easting"] is None: dropped += 1; continue
        distances.append(math.hypot(p["easting"] - a["easting"], p["northing"] - a["northing"]))
distances.sort()
def pct(q): return distances[min(len(distances) - 1, int(q * len(distances)))]
print(f"located rows {located}; snapped {len(distances)}, dropped {dropped}")
print(f"exact -> map point distance: median {pct(0.5):.0f} m, p95 {pct(0.95):.0f} m, max {distances[-1]:.0f} m")
db = sqlite3.connect(f"file:{gazetteer}?mode=ro", uri=True)
threshold = int(db.execute("SELECT value FROM meta WHERE key='map_point_threshold'").fetchone()[0])
total, empty, meeting = db.execute(
    "SELECT COUNT(*), SUM(units = 0), SUM(units > 0 AND addresses >= ?) FROM map_point", (threshold,)).fetchone()
print(f"map points {total}: {empty} hold no units; {meeting} of {total - empty} with units meet the threshold "
      f"{threshold} ({100.0 * meeting / max(1, total - empty):.1f} %)")
t = {}
for line in open(times):
    f, m, s = line.split(); t[(f, m)] = float(s)
for f in ["london-dev", "london-dev-more-kinds"]:
    p, a = t[(f, "plain")], t[(f, "anonymise")]
    print(f"{f}: plain {p:.2f} s, --anonymise {a:.2f} s ({100 * (a - p) / p:+.1f} %)")
PY
rm -f "$out/times.txt.$$"
