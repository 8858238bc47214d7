#!/bin/sh
# Issue 18 figures: over the dev files' located rows, the distance from the exact point to its map point
# (median, 95th percentile), the share of map points whose catchment meets the threshold, and the cost of
# --anonymise: wall-clock and CPU (user + system) seconds with and without it, medians of RUNS interleaved runs
# (the two modes alternate which goes first), on both dev files, on london-dev ten times over (29,630 rows,
# mostly answered from the matcher's memory of results, so the per-row cost of --anonymise shows most) and on
# as many unique texts (both dev files, the first house number moved up by 2 per cycle, repeats dropped).
#   LOCUS_BIN=.build/release/locus LOCUS_GAZETTEER=/tmp/x/london.sqlite scripts/anonymise-measure.sh
# Environment: LOCUS_BIN, LOCUS_GAZETTEER (needs map points), LOCUS_SHARED_DIR (default ../shared),
#   OUT (default .build/anonymise-measure), RUNS (default 5), THREADS (default 2), FILES (default all four:
#   london-dev london-dev-more-kinds london-dev-x10 unique), BEFORE_BIN (optional: another locus whose
#   --anonymise runs are interleaved too and reported as "before", to measure a change in the same conditions).
set -eu
cd "$(dirname "$0")/.."
bin=${LOCUS_BIN:-.build/release/locus}
gazetteer=${LOCUS_GAZETTEER:?set LOCUS_GAZETTEER}
shared=${LOCUS_SHARED_DIR:-../shared}
out=${OUT:-.build/anonymise-measure}
mkdir -p "$out"
exec python3 - "$bin" "$gazetteer" "$shared/eval/dev" "$out" "${RUNS:-5}" "${THREADS:-2}" \
    "${FILES:-london-dev london-dev-more-kinds london-dev-x10 unique}" "${BEFORE_BIN:-}" <<'PY'
import csv, json, math, os, re, sqlite3, statistics, subprocess, sys, time
binary, gazetteer, dev, out, runs, threads, files, before = sys.argv[1:9]
runs, files = int(runs), files.split()
modes = ["plain", "anonymise"] + (["before"] if before else [])

def rows(name):
    with open(os.path.join(dev, name + ".csv"), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def write(path, records):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(records[0].keys()))
        w.writeheader()
        w.writerows(records)

inputs = {name: os.path.join(dev, name + ".csv") for name in ["london-dev", "london-dev-more-kinds"]}
base = rows("london-dev")
inputs["london-dev-x10"] = os.path.join(out, "london-dev-x10.csv")
write(inputs["london-dev-x10"], base * 10)
both, number, seen, unique, cycle = base + rows("london-dev-more-kinds"), re.compile(r"\b(\d{1,4})\b"), set(), [], 0
while len(unique) < 10 * len(base) and cycle < 100:
    for r in both:
        q = number.sub(lambda m: str(int(m.group(1)) + 2 * cycle), r["query"], count=1) if cycle else r["query"]
        if q not in seen and len(unique) < 10 * len(base):
            seen.add(q)
            unique.append(dict(r, query=q))
    cycle += 1
inputs["unique"] = os.path.join(out, "unique.csv")
write(inputs["unique"], unique)

def run(name, mode):
    """Wall-clock and CPU seconds of one geocode run (CPU: the child's user + system time)."""
    command = [before if mode == "before" else binary, "geocode", "--quiet", "--threads", threads, "--format", "jsonl", "--address-column", "query",
               "--gazetteer", gazetteer, inputs[name], "-o", os.path.join(out, "%s-%s.jsonl" % (name, mode))]
    if mode != "plain":
        command.insert(2, "--anonymise")
    start = time.monotonic()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit("%s failed (status %d)" % (" ".join(command), status))
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime

times = {}
for name in files:
    for i in range(runs):
        for mode in (modes if i % 2 == 0 else modes[::-1]):
            times.setdefault((name, mode), []).append(run(name, mode))

distances, dropped, located = [], 0, 0
for name in ["london-dev", "london-dev-more-kinds"]:
    if name not in files:
        continue
    plain = [json.loads(l) for l in open(os.path.join(out, name + "-plain.jsonl"))]
    anon = [json.loads(l) for l in open(os.path.join(out, name + "-anonymise.jsonl"))]
    assert len(plain) == len(anon)
    for p, a in zip(plain, anon):
        if p["easting"] is None:
            continue
        located += 1
        if a["easting"] is None:
            dropped += 1
            continue
        distances.append(math.hypot(p["easting"] - a["easting"], p["northing"] - a["northing"]))
if distances:
    distances.sort()
    pct = lambda q: distances[min(len(distances) - 1, int(q * len(distances)))]
    print("located rows %d; snapped %d, dropped %d" % (located, len(distances), dropped))
    print("exact -> map point distance: median %.0f m, p95 %.0f m, max %.0f m" % (pct(0.5), pct(0.95), distances[-1]))
db = sqlite3.connect("file:%s?mode=ro" % gazetteer, uri=True)
threshold = int(db.execute("SELECT value FROM meta WHERE key='map_point_threshold'").fetchone()[0])
total, empty, meeting = db.execute(
    "SELECT COUNT(*), SUM(units = 0), SUM(units > 0 AND addresses >= ?) FROM map_point", (threshold,)).fetchone()
print("map points %d: %d hold no units; %d of %d with units meet the threshold %d (%.1f %%)"
      % (total, empty, meeting, total - empty, threshold, 100.0 * meeting / max(1, total - empty)))
print("--anonymise cost, medians of %d interleaved runs, %s threads (wall-clock s; CPU s, user + system):" % (runs, threads))
for name in files:
    count = sum(1 for _ in open(inputs[name], encoding="utf-8")) - 1
    p, a = times[(name, "plain")], times[(name, "anonymise")]
    pw, aw = statistics.median(t[0] for t in p), statistics.median(t[0] for t in a)
    pc, ac = statistics.median(t[1] for t in p), statistics.median(t[1] for t in a)
    print("  %-22s %6d rows: wall %.2f -> %.2f (%+.1f %%); CPU %.2f -> %.2f (%+.1f %%)"
          % (name, count, pw, aw, 100 * (aw - pw) / pw, pc, ac, 100 * (ac - pc) / pc))
    if before:
        b = times[(name, "before")]
        bw, bc = statistics.median(t[0] for t in b), statistics.median(t[1] for t in b)
        print("  %-22s %6s       before: --anonymise wall %.2f (%+.1f %%); CPU %.2f (%+.1f %%)"
              % ("", "", bw, 100 * (bw - pw) / pw, bc, 100 * (bc - pc) / pc))
PY
