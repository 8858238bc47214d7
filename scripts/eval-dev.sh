#!/bin/sh
# Geocodes the dev evaluation set with a release build and scores it.
#   scripts/eval-dev.sh [extra `locus geocode` options]
# Uses $LOCUS_GAZETTEER or gazetteer/london.sqlite (built first when missing), ../shared/eval/dev/london-dev.csv
# (address column `query`, borough column `hint_area`) and ../shared/eval/score.py. Output: .build/eval-dev.csv.
set -eu
cd "$(dirname "$0")/.."
shared=${LOCUS_SHARED_DIR:-../shared}
swift build -c release --product locus >/dev/null
gazetteer=${LOCUS_GAZETTEER:-gazetteer/london.sqlite}
if [ ! -f "$gazetteer" ]; then
    .build/release/locus gazetteer build -o "$gazetteer"
fi
.build/release/locus geocode "$shared/eval/dev/london-dev.csv" --address-column query --borough-column hint_area \
    --gazetteer "$gazetteer" -o .build/eval-dev.csv "$@"
python3 "$shared/eval/score.py" "$shared/eval/dev/london-dev.csv" .build/eval-dev.csv
