#!/bin/sh
# Times the full London gazetteer build from the source pack shipped in the repository (the README's set-up
# figure; issue 14's target is 60 s release on the 2-core machine) and prints, for each run, wall seconds, user
# and system CPU seconds, peak memory and the content digest, then the medians and the load average before and
# after. Every run must give the same content digest; so must a build from the same files unpacked, when a
# folder of them is given (BENCH_FOLDER, e.g. ../shared/data/london).
#
#   scripts/bench-gazetteer-build.sh [RUNS]          # default 3 runs
#
# Environment: LOCUS_BIN (default .build/release/locus, built in release unless BENCH_NO_BUILD=1),
# BENCH_WORK_DIR (default /tmp/locus-bench-gazetteer), BENCH_PACK (default gazetteer/london/london-pack.zip),
# BENCH_FOLDER (optional), BENCH_TIMINGS=1 (print each run's build phases, `locus gazetteer build --timings`).
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
work=${BENCH_WORK_DIR:-${TMPDIR:-/tmp}/locus-bench-gazetteer}
pack=${BENCH_PACK:-gazetteer/london/london-pack.zip}
bin=${LOCUS_BIN:-.build/release/locus}
if [ -z "${LOCUS_BIN:-}" ] && [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    swift build -c release --product locus >&2
fi
mkdir -p "$work"
echo "# gazetteer build from $pack, $runs runs, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run  wall_s  user_s  sys_s  max_rss_MB  digest"
times=$work/times
: > "$times"
one() { # name, extra options
    name=$1
    shift
    out=$work/$name.sqlite
    rm -f "$out"
    /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$bin" gazetteer build -o "$out" --timings "$@" \
        > "$work/$name.out" 2> "$work/$name.err"
    digest=$(sed -n 's/.*content digest \([0-9a-f]*\).*/\1/p' "$work/$name.out")
    read -r wall user sys rss < "$work/$name.time"
    printf '%-4s %7s %7s %6s %11d  %s\n' "$name" "$wall" "$user" "$sys" $((rss / 1024)) "$digest"
    echo "$wall $user $sys $digest" >> "$times"
    if [ "${BENCH_TIMINGS:-0}" = 1 ]; then sed -n '/build phases/,$p' "$work/$name.err" | sed 1d; fi
    rm -f "$out"
}
i=1
while [ "$i" -le "$runs" ]; do
    one "$i" --sources "$pack"
    i=$((i + 1))
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median wall $(cut -d' ' -f1 "$times" | median) s, median user CPU $(cut -d' ' -f2 "$times" | median) s, median system CPU $(cut -d' ' -f3 "$times" | median) s"
digests=$(cut -d' ' -f4 "$times" | sort -u | wc -l)
if [ -n "${BENCH_FOLDER:-}" ]; then
    one folder --sources "$BENCH_FOLDER"
    digests=$(cut -d' ' -f4 "$times" | sort -u | wc -l)
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$digests" -ne 1 ]; then
    echo "DIGESTS DIFFER between runs" >&2
    exit 1
fi
echo "content digest identical in every run"
