"""Runs the Benchmarks/ package's targets (ordo-one/benchmark) and reads their wall-clock and CPU percentiles."""
import glob
import os
import re
import shutil
import subprocess

UNITS = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def run_targets(repository, targets, export_dir, env, log_path):
    """Builds (incrementally) and runs `swift package benchmark` for targets, exporting percentiles into
    export_dir. Returns the targets that exist in Benchmarks/Package.swift and were run."""
    with open(os.path.join(repository, "Benchmarks", "Package.swift")) as f:
        manifest = f.read()
    present = [t for t in targets if 'benchmarkTarget("%s")' % t in manifest]
    if not present:
        return []
    shutil.rmtree(export_dir, ignore_errors=True)
    os.makedirs(export_dir)
    argv = ["swift", "package", "--allow-writing-to-directory", export_dir, "benchmark"]
    for target in present:
        argv += ["--target", target]
    argv += ["--metric", "wallClock", "--metric", "cpuTotal", "--time-units", "nanoseconds",
             "--format", "histogramPercentiles", "--path", export_dir, "--no-progress"]
    with open(log_path, "w") as log:
        result = subprocess.run(argv, cwd=os.path.join(repository, "Benchmarks"), stdout=log,
                                stderr=subprocess.STDOUT, env=env)
    if result.returncode != 0:
        raise SystemExit("bench: `swift package benchmark` failed (exit %d); see %s" % (result.returncode, log_path))
    return present


def percentiles(export_dir, target, name_pattern, metric):
    """(p0, p50, p100) in seconds of one benchmark's metric ("wallClock" or "cpuTotal"), and the benchmark's
    file name; None when it was not exported."""
    for path in sorted(glob.glob(os.path.join(export_dir, "*.%s.*.%s.histogram.percentiles.tsv" % (target, metric)))):
        base = os.path.basename(path)
        if not re.search(name_pattern, base):
            continue
        with open(path) as f:
            header = f.readline()
            rows = dict(line.split("\t") for line in f if "\t" in line)
        unit = re.search(r"\((\S+?)\)", header)
        scale = UNITS.get(unit.group(1), None) if unit else None
        if scale is None:
            raise SystemExit("bench: unknown unit in %s: %s" % (path, header.strip()))
        return tuple(float(rows[p]) * scale for p in ("0", "50", "100")), base
    return None
