"""Measures Locus end to end and prints one table. Called by scripts/bench.sh after the release build.

Usage: python3 scripts/bench/run.py REPOSITORY LOCUS_BINARY SHARED_DIR WORK_DIR
Environment: BENCH_RUNS (runs of each whole-command measurement, default 3), BENCH_FIRST_ROW_RUNS (default 11),
BENCH_GAZETTEER_RUNS (default 3), BENCH_BATCH_ROWS (default 1000000), BENCH_BATCH_BUDGET (seconds the
large batch runs may take together, default 240: beyond it, as many rows as fit, once), BENCH_SKIP_ORDO=1 (leave out the
Benchmarks/ package figures).
"""
import csv
import os
import re
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import Figure, machine, run_timed, table, time_to_first_row  # noqa: E402
import ordo  # noqa: E402

repository, locus, shared, work = sys.argv[1:5]
runs = int(os.environ.get("BENCH_RUNS", "3"))
first_row_runs = int(os.environ.get("BENCH_FIRST_ROW_RUNS", "11"))
gazetteer_runs = int(os.environ.get("BENCH_GAZETTEER_RUNS", "3"))
batch_rows = int(os.environ.get("BENCH_BATCH_ROWS", "1000000"))
batch_budget = int(os.environ.get("BENCH_BATCH_BUDGET", "240"))
dev_set = os.path.join(shared, "eval", "dev", "london-dev.csv")
gazetteer = os.path.join(work, "london.sqlite")
os.makedirs(work, exist_ok=True)
started = time.perf_counter()


def progress(message):
    print("bench [%3.0f s] %s" % (time.perf_counter() - started, message), file=sys.stderr, flush=True)


def dev_cases():
    with open(dev_set, newline="", encoding="utf-8") as f:
        return [(row["query"], row["hint_area"]) for row in csv.DictReader(f)]


HOUSE_NUMBER = re.compile(r"\b(\d{1,4})\b")


def police_input(rows, cases, shifted=True):
    """A CSV of `rows` rows cycling through the dev queries (id, location, borough), made once. With `shifted`,
    from the second cycle on the first house number of a query moves up by 2 per cycle (same side of the street),
    so that a matcher that remembers results cannot answer most rows from memory; queries without a number
    repeat. Without it, the dev queries repeat as they are (the issue's benchmark input)."""
    path = os.path.join(work, "input-v2-%d.csv" % rows if shifted else "input-repeat-%d.csv" % rows)
    if not os.path.exists(path):
        with open(path + ".tmp", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "location", "borough"])
            for i in range(rows):
                query, borough = cases[i % len(cases)]
                cycle = i // len(cases)
                if cycle and shifted:
                    query = HOUSE_NUMBER.sub(lambda m: str(int(m.group(1)) + 2 * cycle), query, count=1)
                writer.writerow([i, query, borough])
        os.rename(path + ".tmp", path)
    return path


def geocode(path):
    return [locus, "geocode", path, "--address-column", "location", "--borough-column", "borough",
            "--gazetteer", gazetteer, "--prefix", "locus_", "--quiet"]


figures, notes = [], []
build_memory = None

# Gazetteer build: wall time of `locus gazetteer build` on ../shared/data/london, and the file's size.
build_seconds, build_cpu, sizes = [], [], []
for i in range(gazetteer_runs):
    progress("gazetteer build %d/%d" % (i + 1, gazetteer_runs))
    seconds, cpu, build_memory = run_timed([locus, "gazetteer", "build", "-o", gazetteer, "--shared-data",
                                            os.path.join(shared, "data", "london")])
    build_seconds.append(seconds)
    build_cpu.append(cpu)
    sizes.append(os.path.getsize(gazetteer) / 1048576)
figures.append(Figure("gazetteer build, full London, wall clock", "s", build_seconds, 60, higher_is_better=False))
figures.append(Figure("gazetteer build, full London, CPU time", "s", build_cpu, 60, higher_is_better=False))
figures.append(Figure("gazetteer file size", "MB", sizes))
env = dict(os.environ, LOCUS_GAZETTEER=gazetteer, LOCUS_SHARED_DIR=shared)

# Benchmarks/ package: normalisations/s, matches/s (single thread, dev queries), reprojection points/s.
ordo_figures = []
if os.environ.get("BENCH_SKIP_ORDO") != "1":
    progress("swift package benchmark (Normalise, Match, Projection, Batch)")
    export = os.path.join(work, "ordo")
    present = ordo.run_targets(repository, ["Normalise", "Match", "Projection", "Batch"], export, env,
                               os.path.join(work, "benchmark.log"))

    def per_second(target, pattern, label, target_rate, metric, unit="/s"):
        """A rate from the percentiles of one benchmark's time per (scaled) iteration. An iteration is one
        item, except where the benchmark's name gives how many it did at once ("Match 2963 dev queries")."""
        found = ordo.percentiles(export, target, pattern, metric)
        if found is None:
            why = "the %s benchmark is not in Benchmarks/ on this commit" % target if target not in present \
                else "no %s export for %s" % (metric, target)
            return Figure(label, unit, [], note=why)
        (p0, p50, p100), name = found
        words = name.split(".", 2)[2]
        at_once = re.match(r"%s_(\d+)_" % target, words)
        count = int(at_once.group(1)) if at_once else 1
        # The fastest iteration gives the highest rate; the median iteration the median rate.
        return Figure(label, unit, [count / p100, count / p50, count / p0], target_rate, runs="p0/p50/p100")

    ordo_figures = [
        per_second("Normalise", r"Normalise", "normalisations, 1 thread, wall clock", 300_000, "wallClock"),
        per_second("Match", r"Match_\d+_dev_queries,_one", "matches, 1 thread, dev queries, wall clock", 50_000,
                   "wallClock"),
        per_second("Match", r"Match_\d+_dev_queries,_one", "matches, 1 thread, dev queries, CPU time", 50_000,
                   "cpuTotal"),
        per_second("Match", r"first_sight,", "matches, 1 thread, dev queries, first sight, wall clock", None,
                   "wallClock"),
        per_second("Match", r"first_sight_SQLite", "matches, 1 thread, dev queries, first sight, SQLite only, "
                   "wall clock", None, "wallClock"),
    ]
    ordo_figures[-2].note = "nothing remembered, memory index read"
    ordo_figures[-1].note = "nothing remembered, no memory index"
    for metric, suffix in (("wallClock", "wall clock"), ("cpuTotal", "CPU time")):
        projector = per_second("Projection", r"Locus", "reprojection BNG→WGS84, Locus Projector, %s" % suffix,
                               None, metric, "points/s")
        raw = per_second("Projection", r"raw_PROJ", "reprojection BNG→WGS84, raw PROJ, %s" % suffix, None,
                         metric, "points/s")
        if projector.samples and raw.samples:
            projector.note = "%.0f %% of raw PROJ (medians)" % (100 * projector.samples[1] / raw.samples[1])
        ordo_figures += [projector, raw]
    ordo_figures.append(per_second(
        "Batch", r"1M_rows,_2_threads", "batch pipeline ceiling: 1M rows, 2 threads, stand-in geocoder", None,
        "wallClock", "rows/s"))
    ordo_figures[-1].note = "CSV in, PROJ, CSV out; no matcher (Benchmarks/Batch)"
else:
    notes.append("Benchmarks/ package figures left out (BENCH_SKIP_ORDO=1).")

cases = dev_cases()

# Time to the first output row for a 1-row input, including process start and opening the gazetteer.
one_row = police_input(1, cases)
first_rows, whole_runs = [], []
progress("time to first row, %d runs" % first_row_runs)
for _ in range(first_row_runs):
    first, total = time_to_first_row(geocode(one_row), env)
    first_rows.append(first * 1000)
    whole_runs.append(total * 1000)
figures.append(Figure("time to first output row, 1-row input", "ms", first_rows, 100, higher_is_better=False))
figures.append(Figure("whole `locus geocode` run, 1-row input", "ms", whole_runs))

# Matches/s through `locus geocode --threads 1` on every dev query once: the matcher plus a pipeline that costs
# well under 1 % of it (see the pipeline ceiling) and the process start and gazetteer open (see the 1-row run).
every_query = police_input(len(cases), cases)
single_wall, single_cpu = [], []
for i in range(runs):
    progress("locus geocode --threads 1, %d dev queries %d/%d" % (len(cases), i + 1, runs))
    seconds, cpu, _ = run_timed(geocode(every_query) + ["--threads", "1"], env=env)
    single_wall.append(len(cases) / seconds)
    single_cpu.append(len(cases) / cpu)
figures.append(Figure("geocoded rows, `locus geocode --threads 1`, dev queries, wall clock", "rows/s", single_wall,
                      50_000, note="matcher + pipeline + start-up"))
figures.append(Figure("geocoded rows, `locus geocode --threads 1`, dev queries, CPU time", "rows/s", single_cpu,
                      50_000, note="matcher + pipeline + start-up"))

# Batch: rows/s on batch_rows rows with all cores, and peak memory for 10,000 and batch_rows rows, on two inputs:
# the dev queries repeated as they are (the benchmark; repeated locations are answered from memory), and
# the stricter one where house numbers move every cycle (most rows are new to the matcher).
growth_lines = []


def batch_figures(shifted):
    kind = "house numbers moved each cycle" if shifted else "dev queries repeated as they are"
    small = police_input(10_000, cases, shifted)
    peaks_small, small_rates = [], []
    for i in range(runs):
        progress("batch 10,000 rows (%s) %d/%d" % (kind, i + 1, runs))
        seconds, _, peak = run_timed(geocode(small), env=env)
        peaks_small.append(peak)
        small_rates.append(10_000 / seconds)
    # batch_rows rows when they fit the time budget at the rate just measured; otherwise as many as fit, once.
    estimate = batch_rows / statistics.median(small_rates)
    big_rows, big_runs = batch_rows, runs
    if estimate * runs > batch_budget:
        big_rows = max(20_000, min(batch_rows, int(statistics.median(small_rates) * batch_budget) // 10_000 * 10_000))
        big_runs = 1
        notes.append("Batch (%s): %d runs of %s rows would take about %.0f min at the 10,000-row rate, over the %d s "
                     "budget (BENCH_BATCH_BUDGET): measured once, on %s rows." % (
                         kind, runs, "{:,}".format(batch_rows), runs * estimate / 60, batch_budget,
                         "{:,}".format(big_rows)))
    big = police_input(big_rows, cases, shifted)
    peaks_big, rates, cpu_rates = [], [], []
    for i in range(big_runs):
        progress("batch %s rows (%s) %d/%d" % ("{:,}".format(big_rows), kind, i + 1, big_runs))
        seconds, cpu, peak = run_timed(geocode(big), env=env)
        rates.append(big_rows / seconds)
        cpu_rates.append(big_rows / cpu)
        peaks_big.append(peak)
    label = "{:,}".format(big_rows)
    growth = max(peaks_big) - max(peaks_small)
    growth_lines.append("Peak memory from 10,000 to %s rows (%s): %+.0f MB (%+.0f %%); the target is flat (say "
                        "within 10 %%): %s." % (label, kind, growth, 100 * growth / max(peaks_small),
                                                 "met" if growth <= 0.1 * max(peaks_small) else "MISSED"))
    return [
        Figure("batch `locus geocode`, %s rows, %d threads, %s, wall clock" % (label, os.cpu_count(), kind), "rows/s",
               rates, 100_000, note="stricter than the issue's input" if shifted else "the issue's input"),
        Figure("batch, %s rows, %s, per CPU-second (all threads' time summed)" % (label, kind), "rows/s", cpu_rates),
        Figure("peak memory, 10,000 rows, %s" % kind, "MB", peaks_small, 500, higher_is_better=False),
        Figure("peak memory, %s rows, %s" % (label, kind), "MB", peaks_big, 500, higher_is_better=False),
    ]


figures += batch_figures(shifted=False)
figures += batch_figures(shifted=True)

# Accuracy: the dev set through `locus geocode`, scored by score.py.
progress("dev-set accuracy")
scored = os.path.join(work, "eval-dev.csv")
subprocess.run([locus, "geocode", dev_set, "--address-column", "query", "--borough-column", "hint_area",
                "--gazetteer", gazetteer, "--quiet", "-o", scored], check=True, env=env)
score = subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"), dev_set, scored],
                       capture_output=True, text=True, check=True).stdout

# The report.
print("## Locus benchmark\n")
print("\n".join(machine(repository)))
print("- whole run: %.0f s (after the release build)\n" % (time.perf_counter() - started))
print(table(figures[:3] + ordo_figures + figures[3:]))
print()
for line in growth_lines:
    print(line)
if build_memory is not None:
    print("Gazetteer build peak memory: %.0f MB." % build_memory)
for note in notes:
    print(note)
print("\n### Dev-set accuracy (score.py)\n\n```\n%s\n```" % score.rstrip())
