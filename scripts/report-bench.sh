#!/usr/bin/env bash
# Measures `locus report` on 1,000,000 geocoded rows: generation time, page size and Chromium's load time.
#   scripts/report-bench.sh [ROWS]        (default 1000000; CONFIG=release for a release build)
# Input: the dev queries (../shared/eval/dev/london-dev.csv, address column `query`, borough `hint_area`)
# repeated to ROWS rows, geocoded for real on $LOCUS_GAZETTEER, else /work/gaz/london.sqlite, else
# gazetteer/london.sqlite. Load time: the page's own `data-loaded-ms` (performance.now() at the load event,
# from navigation start) read back with `chromium --headless --dump-dom`, median of 5 openings, and the
# wall time of each headless run (browser start-up included). Files go to .build/report-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
config=${CONFIG:-debug}
shared=${LOCUS_SHARED_DIR:-../shared}
dev="$shared/eval/dev/london-dev.csv"
gazetteer=${LOCUS_GAZETTEER:-}
if [ -z "$gazetteer" ]; then
    if [ -f /work/gaz/london.sqlite ]; then gazetteer=/work/gaz/london.sqlite; else gazetteer=gazetteer/london.sqlite; fi
fi
[ -f "$dev" ] || { echo "report-bench: needs $dev" >&2; exit 1; }
[ -f "$gazetteer" ] || { echo "report-bench: no gazetteer at $gazetteer (locus gazetteer build -o $gazetteer)" >&2; exit 1; }
swift build -c "$config" --product locus >/dev/null
locus=.build/$config/locus
out=.build/report-bench
mkdir -p "$out"

echo "report-bench: $rows rows of the dev queries, $config build, gazetteer $gazetteer" >&2
python3 - "$dev" "$out/input.csv" "$rows" <<'PY'
import csv, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline='') as f:
    rows = [(r['query'], r['hint_area']) for r in csv.DictReader(f)]
with open(dst, 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['id', 'query', 'hint_area'])
    for i in range(n):
        q, h = rows[i % len(rows)]
        w.writerow([i + 1, q, h])
PY
"$locus" geocode "$out/input.csv" --address-column query --borough-column hint_area --gazetteer "$gazetteer" \
    -o "$out/geocoded.csv" --summary-json "$out/summary.json" -q

start=$(date +%s.%N)
"$locus" report "$out/geocoded.csv" -o "$out/report.html" --summary-json "$out/summary.json" \
    --gazetteer "$gazetteer" --address-column query
end=$(date +%s.%N)
generation=$(echo "$end - $start" | bc)
bytes=$(stat -c %s "$out/report.html")

loads=(); walls=()
if command -v chromium >/dev/null; then
    for i in 1 2 3 4 5; do
        s=$(date +%s.%N)
        ms=$(chromium --headless --no-sandbox --disable-gpu --user-data-dir="$out/chromium-$i" \
            --dump-dom "file://$PWD/$out/report.html" 2>/dev/null | grep -o 'data-loaded-ms="[0-9]*"' | grep -o '[0-9]*')
        e=$(date +%s.%N)
        rm -rf "$out/chromium-$i"
        loads+=("$ms"); walls+=("$(echo "($e - $s) * 1000 / 1" | bc)")
    done
    load_median=$(printf '%s\n' "${loads[@]}" | sort -n | sed -n 3p)
    wall_median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
else
    load_median="n/a (no chromium)"; wall_median="n/a"
fi

echo "| figure | value |"
echo "| --- | --- |"
echo "| rows | $rows |"
echo "| locus report ($config build) | $(printf '%.1f' "$generation") s |"
echo "| page size | $bytes bytes ($((bytes / 1024)) KB) |"
echo "| Chromium load event, median of 5 (ms) | $load_median (all: ${loads[*]:-}) |"
echo "| headless Chromium run incl. start-up, median of 5 (ms) | $wall_median (all: ${walls[*]:-}) |"
