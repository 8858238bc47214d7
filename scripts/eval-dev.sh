#!/bin/sh
# Geocodes both dev evaluation files, with and without the borough column, and scores the four runs.
#   scripts/eval-dev.sh [extra `locus geocode` options]
# Environment:
#   LOCUS_BIN        the locus binary (default: a release build, built first)
#   LOCUS_GAZETTEER  the gazetteer (default: gazetteer/london.sqlite, built first when missing)
#   LOCUS_SHARED_DIR the shared folder holding eval/ (default: ../shared)
#   EVAL_OUT         where outputs go (default: .build/eval-dev)
#   EVAL_FULL=1      print the scorer's full tables, not only the summary lines
# Output: EVAL_OUT/<file>-<with|none>.csv, one summary line per run (correct %, precision %, and the
# calibration per match type), and EVAL_OUT/summary.txt.
set -eu
cd "$(dirname "$0")/.."
shared=${LOCUS_SHARED_DIR:-../shared}
out=${EVAL_OUT:-.build/eval-dev}
if [ -z "${LOCUS_BIN:-}" ]; then
    swift build -c release --product locus >/dev/null
    LOCUS_BIN=.build/release/locus
fi
gazetteer=${LOCUS_GAZETTEER:-gazetteer/london.sqlite}
if [ ! -f "$gazetteer" ]; then
    "$LOCUS_BIN" gazetteer build -o "$gazetteer"
fi
mkdir -p "$out"
: > "$out/summary.txt"
for file in london-dev london-dev-more-kinds; do
    cases="$shared/eval/dev/$file.csv"
    for borough in with none; do
        result="$out/$file-$borough.csv"
        if [ "$borough" = with ]; then
            "$LOCUS_BIN" geocode "$cases" --address-column query --borough-column hint_area \
                --gazetteer "$gazetteer" -q -o "$result" "$@"
        else
            "$LOCUS_BIN" geocode "$cases" --address-column query --gazetteer "$gazetteer" -q -o "$result" "$@"
        fi
        if [ "${EVAL_FULL:-0}" = 1 ]; then
            echo "== $file, borough $borough"
            python3 "$shared/eval/score.py" "$cases" "$result"
        fi
        python3 "$shared/eval/score.py" --json "$cases" "$result" | python3 scripts/eval-summary.py "$file" "$borough" \
            | tee -a "$out/summary.txt"
    done
done
