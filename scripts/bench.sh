#!/bin/sh
# One command that measures Locus and prints one Markdown table (see README, "Performance"):
#   scripts/bench.sh > bench.md        # progress goes to standard error
# Builds `locus` in release (incrementally), builds a full London gazetteer from ../shared/data/london (or
# $LOCUS_SHARED_DIR/data/london) into $BENCH_WORK_DIR (default /tmp/locus-bench, with the generated inputs),
# runs the Benchmarks/ package targets Normalise, Match and Projection (ordo-one/benchmark), times
# `locus geocode` on 1, 10,000 and 1,000,000 rows, and scores the dev set. Knobs: BENCH_RUNS,
# BENCH_FIRST_ROW_RUNS, BENCH_GAZETTEER_RUNS, BENCH_BATCH_ROWS, BENCH_SKIP_ORDO=1 (scripts/bench/run.py).
set -eu
cd "$(dirname "$0")/.."
shared=$(cd "${LOCUS_SHARED_DIR:-../shared}" && pwd)
work=${BENCH_WORK_DIR:-${TMPDIR:-/tmp}/locus-bench}
start=$(date +%s)
echo "bench: swift build -c release --product locus" >&2
swift build -c release --product locus >&2
echo "bench: release build took $(($(date +%s) - start)) s" >&2
python3 scripts/bench/run.py "$PWD" "$PWD/.build/release/locus" "$shared" "$work"
echo "bench: whole command took $(($(date +%s) - start)) s" >&2
