#!/usr/bin/env python3
"""Throughput of the Spark stage against a single `locus geocode` run on the same machine, printed as a
Markdown table (README.md, "Scale-out"):

    python3 scripts/spark/bench.py [--rows 1000000] [--gazetteer /work/gaz/london.sqlite] [--locus .build/release/locus]

Input: `id,location,borough` rows cycling through the dev queries (../shared/eval/dev/london-dev.csv) with, from
the second cycle on, the first house number moved up by 2 a cycle, so that most rows are new to the matcher
(the stricter input of scripts/bench). Runs, each timed as a whole process (wall clock, start-up included):
`locus geocode` with 1 thread and with all cores, then geocode.py with Spark local[1] and local[2] (one
executor core each running one locus with 1 thread). Each Spark output is checked byte for byte against the
single run's.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def make_input(path: str, rows: int, dev_set: str) -> None:
    if os.path.exists(path):
        return
    with open(dev_set, newline="", encoding="utf-8") as f:
        cases = [(row["query"], row["hint_area"]) for row in csv.DictReader(f)]
    number = re.compile(r"\b(\d{1,4})\b")
    with open(path + ".tmp", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "location", "borough"])
        for i in range(rows):
            query, borough = cases[i % len(cases)]
            cycle = i // len(cases)
            if cycle:
                query = number.sub(lambda m: str(int(m.group(1)) + 2 * cycle), query, count=1)
            writer.writerow([i, query, borough])
    os.rename(path + ".tmp", path)


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.monotonic() - started


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--gazetteer", default=os.environ.get("LOCUS_GAZETTEER", "/work/gaz/london.sqlite"))
    p.add_argument("--locus", default=os.path.join(ROOT, ".build/release/locus"))
    p.add_argument("--work", default="/tmp/locus-spark-bench")
    p.add_argument("--dev-set", default=os.path.join(ROOT, "../shared/eval/dev/london-dev.csv"))
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    source = os.path.join(args.work, f"input-{args.rows}.csv")
    make_input(source, args.rows, args.dev_set)
    options = ["--address-column", "location", "--borough-column", "borough", "--prefix", "locus_"]
    cores = os.cpu_count()
    results = []

    def single(threads: int) -> str:
        out = os.path.join(args.work, f"single-{threads}.csv")
        seconds = timed([args.locus, "geocode", source, "--gazetteer", args.gazetteer, "-o", out, "--quiet",
                         "--threads", str(threads), *options])
        results.append((f"`locus geocode --threads {threads}`", seconds, None))
        return out

    def spark(master: str, expected: str) -> None:
        out = os.path.join(args.work, f"spark-{master.strip('local[]')}.csv")
        summary = os.path.join(args.work, f"spark-{master.strip('local[]')}.json")
        seconds = timed([sys.executable, os.path.join(HERE, "geocode.py"), source, "-o", out, "--master", master,
                         "--gazetteer", args.gazetteer, "--locus", args.locus, "--summary-json", summary,
                         "--quiet", *options])
        with open(summary) as handle:
            stage = json.load(handle)
        if not filecmp.cmp(out, expected, shallow=False):
            raise SystemExit(f"bench: Spark {master} output differs from the single run's")
        results.append((f"Spark `{master}`, {stage['partitions']} partitions, 1 locus thread per task", seconds,
                        stage["seconds"]))

    print(f"bench: {args.rows:,} rows, {cores} cores, load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    one = single(1)
    single(cores)
    spark("local[1]", one)
    spark("local[2]", one)
    base = {1: results[0][1], 2: results[1][1]}
    print(f"| run ({args.rows:,} rows, {cores}-core VM) | wall clock (s) | rows/s | against one locus run |")
    print("| --- | ---: | ---: | --- |")
    for name, seconds, stage_seconds in results:
        against = ""
        if stage_seconds is not None:
            cores_used = 1 if "local[1]" in name else 2
            against = f"{seconds / base[cores_used]:.2f}× the time of `--threads {cores_used}`; stage alone " \
                      f"{stage_seconds:.1f} s"
        print(f"| {name} | {seconds:.1f} | {args.rows / seconds:,.0f} | {against} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} (the VM is shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
