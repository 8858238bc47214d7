#!/usr/bin/env python3
"""Runs hostile inputs through `locus geocode`, one process per case, and prints wall time, CPU time and peak
memory of each run (issue 15: no row may cost more than 1 s of CPU).

    scripts/adversarial.py [--locus .build/release/locus] [--gazetteer G] [--scale 1.0] [--keep DIR]

Each case is a CSV file `id,address` with a plain row, the hostile row, and another plain row (the case's
own shape where the hostile part is the file itself: columns, header, missing newline). CPU is user + system
time of the child process from its resource usage (os.wait4), peak memory its max RSS. The `baseline` case is
the same three rows with nothing hostile: a case's CPU above it is what its hostile row cost. Each run is
checked: exit status 0, every input row out once, and the faults the hostile row gets are printed.
The gazetteer is $LOCUS_GAZETTEER, else /work/gaz/london.sqlite, else gazetteer/london.sqlite.
"""
import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time

csv.field_size_limit(1 << 30)

PLAIN_1 = "12 HIGH STREET, CROYDON"
PLAIN_2 = "O/S 1 PARLIAMENT SQUARE"


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def three_rows(hostile_field):
    """A header and three rows, the middle one carrying `hostile_field` (written as is)."""
    return ("id,address\n1," + quoted(PLAIN_1) + "\n2," + hostile_field + "\n3," + quoted(PLAIN_2) + "\n").encode(
        "utf-8", "surrogatepass")


def postcode_shapes():
    """Every written shape of a postcode: the six unit formats, sectors, districts, areas, spaced, unspaced,
    lower case, with O/0 slips."""
    units = ["M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "SW1A 1AA", "E1 6AN"]
    forms = []
    for u in units:
        outward, inward = u.split()
        forms += [u, outward + inward, u.lower(), outward + "  " + inward, outward + " " + inward[0], outward,
                  "".join(c for c in outward if c.isalpha()), u.replace("0", "O"), u.replace("1", "I")]
    return forms


def cases(scale):
    """(name, CSV bytes, data rows), made one at a time."""
    n = lambda k: max(1, int(k * scale))
    yield "baseline", three_rows(quoted("10 DOWNING STREET")), 3
    yield "2 MB word", three_rows("A" * n(2_000_000)), 3
    yield "1 MB of words (HIGH ST)", three_rows(quoted(("HIGH ST " * n(131_072)).strip())), 3
    yield "100,000 commas", three_rows(quoted("," * n(100_000))), 3
    yield "10,000 J/O and &", three_rows(quoted("J/O & " * n(10_000))), 3
    yield "10,000 digits", three_rows("7" * n(10_000)), 3
    yield "10,000 digits, spaced", three_rows(quoted(" ".join("123456789"[i % 9] for i in range(n(10_000))))), 3
    shapes = postcode_shapes()
    text = []
    size = 0
    while size < n(1_000_000):
        s = shapes[len(text) % len(shapes)]
        text.append(s)
        size += len(s) + 1
    yield "every postcode shape, 1 MB", three_rows(quoted(" ".join(text))), 3
    yield "1 MB of NUL bytes", three_rows(quoted("\0" * n(1_000_000))), 3
    yield "deep quoting (500,000 quotes)", three_rows('"' + '""' * n(500_000) + '"'), 3
    yield "quotes inside a field", three_rows('A"' * n(500_000)), 3
    rng = random.Random(15)
    words = [rng.choice(["HIGH", "ST", "ROAD", "J/O", "&", "O/S", "12", "SW1A", "1AA", "LONDON", "THE", "OF"])
             for _ in range(n(100_000))]
    yield "1 MB mixed address words", three_rows(quoted(" ".join(words)[: n(1_000_000)])), 3
    wide = ",".join(["x"] * n(100_000))
    yield "100,000 columns in one row", ("id,address\n1," + quoted(PLAIN_1) + "\n2,HIGH ST," + wide + "\n3,"
                                               + quoted(PLAIN_2) + "\n").encode(), 3
    header = "id,address," + ",".join("c%d" % i for i in range(n(100_000) - 2))
    yield "header of 100,000 columns", (header + "\n1," + quoted(PLAIN_1) + "\n2," + quoted(PLAIN_2)
                                              + "\n3,HIGH ST\n").encode(), 3
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ      "
    blob = "".join(rng.choice(letters) for _ in range(n(10_000_000)))
    yield "10 MB line, no newline", ("id,address\n1," + quoted(PLAIN_1) + "\n2," + blob).encode(), 2


def run(locus, gazetteer, path, output):
    """Runs `locus geocode` on `path` under GNU time (its own small process forks locus, so the peak memory is
    locus's alone, not this script's copied at fork); returns (status, wall s, cpu s, max RSS MB, stderr)."""
    with tempfile.NamedTemporaryFile("r") as usage, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.run(
            ["/usr/bin/time", "-o", usage.name, "-f", "%U %S %M",
             locus, "geocode", path, "--address-column", "address", "--gazetteer", gazetteer, "-o", output,
             "--no-evidence-detection"], stdout=subprocess.DEVNULL, stderr=err)
        wall = time.monotonic() - started
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        fields = usage.read().split()[-3:]
    user, system, rss_kb = float(fields[0]), float(fields[1]), int(fields[2])
    return child.returncode, wall, user + system, rss_kb / 1024, stderr


def rows_out(path):
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        return list(csv.reader(f))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser.add_argument("--locus", default=os.path.join(root, ".build/release/locus"))
    default_gaz = os.environ.get("LOCUS_GAZETTEER") or next(
        (g for g in ["/work/gaz/london.sqlite", os.path.join(root, "gazetteer/london.sqlite")] if os.path.exists(g)),
        None)
    parser.add_argument("--gazetteer", default=default_gaz)
    parser.add_argument("--scale", type=float, default=1.0, help="input sizes times this (1.0: as in issue 15)")
    parser.add_argument("--keep", help="write the inputs and outputs into this folder and keep them")
    args = parser.parse_args()
    if not args.gazetteer or not os.path.exists(args.gazetteer):
        sys.exit("no gazetteer: give --gazetteer or set LOCUS_GAZETTEER")
    folder = args.keep or tempfile.mkdtemp(prefix="locus-adversarial-")
    os.makedirs(folder, exist_ok=True)
    print("locus %s, gazetteer %s, scale %g" % (args.locus, args.gazetteer, args.scale))
    print("| input | size | wall s | CPU s | max RSS MB | rows in/out | faults of the hostile row |")
    print("|---|---:|---:|---:|---:|---|---|")
    failures = 0
    worst = 0.0
    baseline_cpu = None
    for i, (name, data, inputs) in enumerate(cases(args.scale)):
        path = os.path.join(folder, "case%02d.csv" % i)
        output = os.path.join(folder, "case%02d.out.csv" % i)
        with open(path, "wb") as f:
            f.write(data)
        code, wall, cpu, rss, stderr = run(args.locus, args.gazetteer, path, output)
        note = ""
        if code != 0:
            failures += 1
            note = "EXIT %d: %s" % (code, stderr.strip()[:200])
            rows = []
        else:
            rows = rows_out(output)
        got = len(rows) - 1 if rows else 0
        if code == 0 and got != inputs:
            failures += 1
            note = "ROWS %d != %d" % (got, inputs)
        faults = ""
        if len(rows) > 2:
            header = rows[0]
            # The added columns follow all of a row's fields, however many: faults is the last.
            faults = rows[2][-1] if header[-1] == "faults" else "?"
            ids = [r[0] for r in rows[1:]]
            if ids != [str(k) for k in range(1, inputs + 1)]:
                failures += 1
                note = "ORDER %s" % ids
        if baseline_cpu is None:
            baseline_cpu = cpu
        else:
            worst = max(worst, cpu - baseline_cpu)
        print("| %s | %s | %.2f | %.2f | %.0f | %d/%d | %s %s |" % (
            name, human(len(data)), wall, cpu, rss, inputs, got, faults, note))
        sys.stdout.flush()
        if not args.keep:
            os.remove(path)
            if os.path.exists(output):
                os.remove(output)
    if not args.keep:
        os.rmdir(folder)
    print("\nworst CPU above baseline: %.2f s (target: at most 1 s per row); failures: %d" % (worst, failures))
    sys.exit(1 if failures else 0)


def human(n):
    for unit in ["B", "KB", "MB"]:
        if n < 1000 or unit == "MB":
            return ("%d %s" % (n, unit)) if unit == "B" else ("%.1f %s" % (n, unit))
        n /= 1000.0


if __name__ == "__main__":
    main()
