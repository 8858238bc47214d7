#!/bin/sh
# Runs the fuzz harness (`locus-fuzz`, release) at length, split into shards (one process each) over disjoint
# case ranges of one seed, and prints the sum: cases run, CPU seconds, rule failures, crashes and the slowest
# case (CPU time of its thread) with the command that makes it again.
#
#   scripts/fuzz-all.sh [SHARDS [LOCATIONS]]     # default 2 shards, 10,000,000 locations in all
#   scripts/fuzz-all.sh --summary DIR            # sums the logs of a run (also one still running or stopped)
#
# Environment: LOCUS_FUZZ_BIN (default .build/release/locus-fuzz, built if absent), LOCUS_GAZETTEER (the
# gazetteer for the matcher; FUZZ_NO_MATCHER=1 for the normaliser alone), FUZZ_SEED (15), FUZZ_CSV (CSV
# documents in all, 0 by default: run as further shards), FUZZ_OUT (log folder, default /tmp/locus-fuzz-<seed>),
# FUZZ_NICE (nice level, 10). Shard i runs cases i*N/SHARDS ..< (i+1)*N/SHARDS, so a case is named by its seed and
# index whichever shard ran it: `locus-fuzz --show location --seed S --index I`.
set -eu
cd "$(dirname "$0")/.."

summary() {
    dir=$1
    # Each shard's log ends with the report lines (`<what>: N cases in X s CPU, failures F; slowest Y ms (seed S,
    # index I: ...)`); a shard still running or stopped counts up to its last progress line.
    for log in "$dir"/shard-*.log; do
        [ -f "$log" ] || continue
        awk -v file="$log" '
            /^(locations|csv|normaliser|normaliser and matcher|CSV reader): [0-9]+ cases in/ {
                kind = ($1 ~ /^(CSV|csv)/) ? "csv" : "locations"
                n = $0; sub(/^[^:]*: /, "", n); split(n, w, " ")
                if (w[1] + 0 == 0) next
                final[kind] = w[1]; cpu[kind] = w[4]
                f = $0; sub(/.*failures /, "", f); sub(/;.*/, "", f); fails[kind] = f + 0
                if (match($0, /slowest [0-9.]+ ms \(seed [0-9]+, index [0-9]+/)) {
                    s = substr($0, RSTART, RLENGTH); gsub(/[(,]/, "", s); split(s, t, " ")
                    slow[kind] = t[2]; slowat[kind] = "--seed " t[5] " --index " t[7]
                    msg = $0; sub(/.*index [0-9]+: /, "", msg); sub(/\)$/, "", msg); slowmsg[kind] = msg
                }
                next
            }
            /^  (locations|csv): [0-9]+ cases, / {
                kind = $1; sub(/:/, "", kind); progress[kind] = $2
                f = $0; sub(/.*failures /, "", f); pfails[kind] = f + 0
                s = $0; sub(/.*slowest /, "", s); sub(/ ms.*/, "", s); pslow[kind] = s
            }
            /CRASH/ { crash++ ; crashline = $0 }
            END {
                for (k in progress) if (!(k in final)) {
                    printf "%s %s %s %s %s %s - running-or-stopped\n", file, k, progress[k], "-", pfails[k], pslow[k]
                }
                for (k in final) {
                    printf "%s %s %s %s %s %s %s %s\n", file, k, final[k], cpu[k], fails[k], slow[k], slowat[k], slowmsg[k]
                }
                if (crash) printf "%s crash %d %s\n", file, crash, crashline
            }' "$log"
    done | awk '
        $2 == "crash" { crashes += $3; print "CRASH: " $0; next }
        {
            kind = $2; cases[kind] += $3; if ($4 != "-") cpu[kind] += $4; fails[kind] += $5
            if ($6 != "-" && $6 + 0 > slow[kind] + 0) {
                slow[kind] = $6; rest = $0
                for (i = 1; i <= 6; i++) sub(/^[^ ]+ /, "", rest)
                slowinfo[kind] = rest
            }
            if ($0 ~ /running-or-stopped/) partial[kind]++
            shards[kind]++
        }
        END {
            for (k in cases) {
                printf "%s: %d cases in %d shards%s, %.0f s CPU (finished shards), rule failures %d, slowest %s ms CPU",
                    k, cases[k], shards[k], (partial[k] ? " (" partial[k] " not finished: counted to their last progress line)" : ""),
                    cpu[k], fails[k], slow[k]
                if (slowinfo[k] != "" && slowinfo[k] !~ /running-or-stopped/) printf " (%s)", slowinfo[k]
                printf "\n"
            }
            printf "crashes: %d\n", crashes + 0
        }'
}

if [ "${1:-}" = "--summary" ]; then
    summary "${2:?--summary needs the log folder}"
    exit 0
fi

shards=${1:-2}
total=${2:-10000000}
seed=${FUZZ_SEED:-15}
csv=${FUZZ_CSV:-0}
out=${FUZZ_OUT:-${TMPDIR:-/tmp}/locus-fuzz-$seed}
bin=${LOCUS_FUZZ_BIN:-.build/release/locus-fuzz}
if [ ! -x "$bin" ]; then swift build -c release --product locus-fuzz >&2; fi
matcher=""
if [ "${FUZZ_NO_MATCHER:-0}" = 1 ]; then matcher="--no-matcher"; elif [ -n "${LOCUS_GAZETTEER:-}" ]; then
    matcher="--gazetteer $LOCUS_GAZETTEER"
fi
mkdir -p "$out"
rm -f "$out"/shard-*.log
echo "fuzz-all: $shards shards, $total locations and $csv CSV documents, seed $seed, logs in $out" >&2
start=$(date +%s)
pids=""
i=0
while [ "$i" -lt "$shards" ]; do
    from=$((total * i / shards)); to=$((total * (i + 1) / shards))
    # shellcheck disable=SC2086
    nice -n "${FUZZ_NICE:-10}" "$bin" --seed "$seed" --from "$from" --locations $((to - from)) --csv 0 $matcher \
        > "$out/shard-loc-$i.log" 2>&1 &
    pids="$pids $!"
    if [ "$csv" -gt 0 ]; then
        from=$((csv * i / shards)); to=$((csv * (i + 1) / shards))
        nice -n "${FUZZ_NICE:-10}" "$bin" --seed "$seed" --from "$from" --locations 0 --csv $((to - from)) \
            --no-matcher > "$out/shard-csv-$i.log" 2>&1 &
        pids="$pids $!"
    fi
    i=$((i + 1))
done
status=0
for pid in $pids; do wait "$pid" || status=1; done
echo "fuzz-all: $(($(date +%s) - start)) s wall" >&2
summary "$out"
exit $status
