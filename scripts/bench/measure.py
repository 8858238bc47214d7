"""Small measuring helpers for scripts/bench.sh: timed runs, peak memory, statistics, the machine."""
import os
import platform
import re
import statistics
import subprocess
import time


def run_timed(argv, stdin=None, stdout=subprocess.DEVNULL, env=None):
    """Runs argv under /usr/bin/time; returns (wall seconds, CPU seconds (user + system), peak resident set size
    in MB). Fails loudly."""
    time_file = "/tmp/locus-bench-time-%d.txt" % os.getpid()
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-o", time_file, "-f", "%U %S %M"] + argv, stdin=stdin, stdout=stdout,
                            stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit("bench: %s failed (exit %d):\n%s" % (" ".join(argv[:3]), result.returncode,
                                                               result.stderr.decode(errors="replace")[-2000:]))
    with open(time_file) as f:
        user, system, kilobytes = f.read().split()[-3:]
    os.unlink(time_file)
    return wall, float(user) + float(system), int(kilobytes) / 1024


def time_to_first_row(argv, env=None):
    """Seconds from starting argv until the first data row (the second line) is on its standard output, and the
    process's whole wall time."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    lines = 0
    first_row = None
    for _ in process.stdout:
        lines += 1
        if lines == 2:
            first_row = time.perf_counter() - start
    process.wait()
    total = time.perf_counter() - start
    if process.returncode != 0 or first_row is None:
        raise SystemExit("bench: %s gave no data row (exit %d)" % (" ".join(argv[:3]), process.returncode))
    return first_row, total


class Figure:
    """One line of the table: a name, the unit, the samples, how to read them against the target."""

    def __init__(self, name, unit, samples, target=None, higher_is_better=True, note="", runs=None):
        self.name, self.unit, self.samples = name, unit, list(samples)
        self.target, self.higher_is_better, self.note = target, higher_is_better, note
        self.runs = runs if runs is not None else str(len(self.samples))

    def verdict(self):
        if self.target is None or not self.samples:
            return ""
        median = statistics.median(self.samples)
        met = median >= self.target if self.higher_is_better else median <= self.target
        return ("met" if met else "MISSED") + " (%s %s)" % ("≥" if self.higher_is_better else "≤",
                                                              number(self.target))


def number(value):
    """Readable figure: thousands separated, few decimals for small numbers."""
    if value >= 1000:
        return "{:,.0f}".format(value)
    if value >= 100:
        return "%.0f" % value
    if value >= 10:
        return "%.1f" % value
    return "%.2f" % value


def table(figures):
    """A Markdown table: figure, median, min, max, runs, target."""
    lines = ["| figure | median | min | max | runs | target / note |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for f in figures:
        if not f.samples:
            lines.append("| %s | not measured | | | | %s |" % (f.name, f.note))
            continue
        lines.append("| %s (%s) | %s | %s | %s | %s | %s |" % (
            f.name, f.unit, number(statistics.median(f.samples)), number(min(f.samples)), number(max(f.samples)),
            f.runs, "; ".join(x for x in (f.verdict(), f.note) if x)))
    return "\n".join(lines)


def command_output(argv, cwd=None):
    try:
        return subprocess.run(argv, cwd=cwd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def machine(repository):
    """The machine the figures were measured on, as Markdown lines."""
    with open("/proc/cpuinfo") as f:
        models = re.findall(r"^model name\s*:\s*(.*)$", f.read(), re.M)
    with open("/proc/meminfo") as f:
        memory_kb = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
    swift = command_output(["swift", "--version"]).splitlines()
    proj = command_output(["pkg-config", "--modversion", "proj"])
    commit = command_output(["git", "log", "-1", "--format=%h %cs %s"], cwd=repository)
    dirty = command_output(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repository)
    load = os.getloadavg()
    return [
        "- machine: %s, %d cores (`nproc`), %s, %.1f GB memory, %s" % (
            models[0] if models else platform.processor(), os.cpu_count(), platform.machine(),
            memory_kb / 1048576, platform.platform(terse=True)),
        "- load average when the run started: %.2f %.2f %.2f (a shared machine makes every figure noisier)" % load,
        "- %s; PROJ %s" % (swift[0] if swift else "swift ?", proj),
        "- commit %s%s" % (commit, " (with uncommitted changes)" if dirty else ""),
    ]
