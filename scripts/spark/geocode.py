#!/usr/bin/env python3
"""Locus as an Apache Spark stage: geocodes a CSV (a local path or any Hadoop URI) by piping each partition's
whole records through `locus geocode -` on the executors, and writes the same bytes a single `locus geocode`
run writes (header once, rows in input order).

    spark-submit --files locus,london.sqlite scripts/spark/geocode.py \\
        --locus locus --gazetteer london.sqlite hdfs:///crime/2025.csv -o hdfs:///crime/2025-geocoded \\
        --address-column Location

or, on one machine, `python3 scripts/spark/geocode.py --master 'local[2]' IN.csv -o OUT.csv --gazetteer G`.
The `locus geocode` options below are passed to every partition's run unchanged. See README.md, "Scale-out".
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import locus_stage as stage  # noqa: E402
from locus_stage import LocusStageError  # noqa: E402

TEXT_INPUT = "org.apache.hadoop.mapreduce.lib.input.TextInputFormat"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="geocode.py", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", help="the CSV: a local path or a Hadoop URI (hdfs://, s3a://, file://)")
    p.add_argument("-o", "--output", required=True,
                   help="a local file (written atomically as one file), or a Hadoop URI: a folder of part files "
                        "that concatenate, in name order, to that file")
    p.add_argument("--gazetteer", default=os.environ.get("LOCUS_GAZETTEER"),
                   help="the gazetteer file on the driver, shipped to the executors (default: $LOCUS_GAZETTEER)")
    p.add_argument("--locus", default=None,
                   help="the locus executable on the driver, shipped to the executors (default: .build/release/locus, "
                        "else .build/debug/locus, else locus on PATH)")
    p.add_argument("--master", help="the Spark master when not run by spark-submit (default local[*])")
    p.add_argument("--partitions", type=int, help="split the input into about this many partitions "
                   "(default: Spark's default parallelism, at least one per 128 MB)")
    p.add_argument("--summary-json", help="write the aggregated summary as JSON to this local file")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on standard error")
    g = p.add_argument_group("locus geocode options, passed to every partition's run")
    g.add_argument("--address-column", action="append", default=[])
    g.add_argument("--postcode-column")
    g.add_argument("--borough-column")
    g.add_argument("--no-evidence-detection", action="store_true")
    g.add_argument("--no-header", action="store_true")
    g.add_argument("--delimiter", choices=sorted(stage.DELIMITERS))
    g.add_argument("--encoding", default="utf-8",
                   help="utf-8 only: Spark reads text as UTF-8 (convert other files first, e.g. with iconv)")
    g.add_argument("--format", default="csv", choices=["csv", "jsonl"],
                   help="csv or jsonl (geojson is one document and cannot be written in parts)")
    g.add_argument("--prefix")
    g.add_argument("--crs")
    g.add_argument("--max-precision-m")
    g.add_argument("--strict", action="store_true")
    g.add_argument("--threads", type=int,
                   help="threads of each partition's locus run (default: spark.task.cpus, 1 unless set)")
    return p


def locus_arguments(args: argparse.Namespace, delimiter_name: str, threads: int) -> list[str]:
    """The `locus geocode` options of every run, the delimiter always explicit."""
    out: list[str] = []
    for column in args.address_column:
        out += ["--address-column", column]
    for option in ("postcode_column", "borough_column", "prefix", "crs", "max_precision_m", "format"):
        value = getattr(args, option)
        if value is not None:
            out += ["--" + option.replace("_", "-"), value]
    for flag in ("no_evidence_detection", "no_header", "strict"):
        if getattr(args, flag):
            out.append("--" + flag.replace("_", "-"))
    return out + ["--delimiter", delimiter_name, "--threads", str(threads)]


def default_locus() -> str:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for build in ("release", "debug"):
        candidate = os.path.join(root, ".build", build, "locus")
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("locus") or "locus"


def check_arguments(args: argparse.Namespace) -> None:
    """Checks what can be checked before Spark starts; Locus checks the rest on the first record."""
    if args.encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise LocusStageError(f"--encoding {args.encoding}: Spark reads text as UTF-8; convert the file first "
                              "(iconv -f windows-1252 -t utf-8)")
    if not args.gazetteer:
        raise LocusStageError("--gazetteer: give the gazetteer file (or set LOCUS_GAZETTEER)")
    if not os.path.isfile(args.gazetteer):
        raise LocusStageError(f"--gazetteer {args.gazetteer}: no such file (build one with locus gazetteer build)")
    args.locus = args.locus or default_locus()
    if os.path.isfile(args.locus):
        args.locus = os.path.abspath(args.locus)  # a bare name is a file here, not a command on PATH
    if os.path.isfile(args.locus) and not os.access(args.locus, os.X_OK):
        try:
            os.chmod(args.locus, 0o755)  # shipped by spark-submit --files, which may drop the executable bit
        except OSError:
            pass
    if not (os.path.isfile(args.locus) and os.access(args.locus, os.X_OK)):
        raise LocusStageError(f"--locus {args.locus}: not an executable file (swift build -c release)")
    if args.partitions is not None and args.partitions < 1:
        raise LocusStageError("--partitions: give at least 1")
    if args.threads is not None and args.threads < 1:
        raise LocusStageError("--threads: give at least 1")


def spark_context(master: str | None, progress: bool = True):
    """The running SparkContext (spark-submit's), else a new one on `master` or local[*]."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setAppName("locus-geocode")
    if not progress:
        conf.set("spark.ui.showConsoleProgress", "false")
    if master:
        conf.setMaster(master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    return SparkContext.getOrCreate(conf)


def summaries_accumulator(sc):
    """An accumulator of {partition: summary counts}: a task that runs twice reports the same entry twice."""
    from pyspark.accumulators import AccumulatorParam

    class ByPartition(AccumulatorParam):
        def zero(self, value):
            return {}

        def addInPlace(self, a, b):
            a.update(b)
            return a
    return sc.accumulator({}, ByPartition())


def run_preamble(locus: str, gazetteer: str, arguments: list[str], text: bytes) -> tuple[bytes, dict]:
    """Runs `locus geocode` on the driver over the first record alone: checks the options against the header
    (a bad option stops here, with Locus's message and exit status, before any Spark job), and gives the header
    line to write once, the number of lines Locus writes for it, and what it adds to a summary."""
    with tempfile.TemporaryDirectory(prefix="locus-spark-") as folder:
        summary_path = os.path.join(folder, "summary.json")
        result = subprocess.run([locus, "geocode", "-", "--gazetteer", gazetteer, "--quiet", "--summary-json",
                                 summary_path, *arguments], input=text, capture_output=True)
        if result.returncode != 0:
            raise LocusStageError(result.stderr.decode("utf-8", "replace").strip(), result.returncode)
        return result.stdout, stage.read_summary(summary_path)


def has_verify(locus: str) -> bool:
    result = subprocess.run([locus, "gazetteer", "--help"], capture_output=True, text=True)
    return bool(re.search(r"^\s+verify\b", result.stdout, re.MULTILINE))


def hadoop_file(sc, uri: str):
    """(length, ends with LF) of a single input file through Hadoop's FileSystem."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    try:
        fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
        status = fs.getFileStatus(path)
    except Exception as error:  # py4j wraps java.io.FileNotFoundException and the like
        reason = re.search(r"(?:java|org)\.[\w.]*(?:Exception|Error): (.*)", str(error))
        raise LocusStageError(f"{uri}: cannot open: {reason.group(1) if reason else error}") from None
    if status.isDirectory():
        raise LocusStageError(f"{uri}: a folder; give one CSV file")
    length = status.getLen()
    ends_with_lf = True
    if length:
        stream = fs.open(path)
        try:
            stream.seek(length - 1)
            ends_with_lf = stream.read() == 0x0A
        finally:
            stream.close()
    return length, ends_with_lf


def task_error(error: Exception) -> LocusStageError:
    """Locus's message (and exit status) out of a failed Spark job."""
    text = str(error)
    match = re.search(r"LocusStageError: (.*?)(?:\n\s*at |\n\n|\Z)", text, re.DOTALL)
    if not match:
        return LocusStageError(f"the Spark job failed: {text.strip().splitlines()[0] if text.strip() else error}")
    message = match.group(1).strip()
    status = re.search(r"\(exit (\d+)\)", message)
    return LocusStageError(message, int(status.group(1)) if status else 1)


def is_local_output(sc, uri: str) -> bool:
    scheme = urlparse(uri).scheme
    if scheme == "file":
        return True
    if scheme:
        return False
    return sc._jsc.hadoopConfiguration().get("fs.defaultFS", "file:///").startswith("file:")


def ship(sc, path: str, python: bool = False) -> str:
    """Adds `path` to the files every executor gets, unless spark-submit's --files (--py-files for Python)
    already did; returns its name there."""
    name = os.path.basename(path)
    key = "spark.submit.pyFiles" if python else "spark.files"
    shipped = [os.path.basename(f) for f in sc.getConf().get(key, "").split(",") if f]
    if name not in shipped:
        (sc.addPyFile if python else sc.addFile)(os.path.abspath(path))
    return name


def geocode(sc, args: argparse.Namespace) -> dict:
    """Runs the stage on `sc` and returns the summary; raises LocusStageError on failure."""
    started = time.monotonic()
    ship(sc, stage.__file__, python=True)
    length, ends_with_lf = hadoop_file(sc, args.input)
    threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    default_partitions = max(sc.defaultParallelism, math.ceil(length / (128 << 20)))
    wanted = args.partitions or default_partitions
    conf = {"textinputformat.record.delimiter": "\n",
            "mapreduce.input.fileinputformat.split.minsize": "1",
            "mapreduce.input.fileinputformat.split.maxsize": str(max(1, math.ceil(length / wanted)))}
    lines = sc.newAPIHadoopFile(args.input, TEXT_INPUT, "org.apache.hadoop.io.LongWritable",
                                "org.apache.hadoop.io.Text", conf=conf)
    count = lines.getNumPartitions()

    # The first record, and the delimiter from its first line as Locus detects it.
    given = stage.DELIMITERS[args.delimiter] if args.delimiter else None
    preamble, state, delimiter = sc.runJob(lines, lambda it: [stage.first_record(it, given)], [0])[0] \
        if length else ([], stage.OUT, given or ",")
    if state == stage.IN and count > 1:
        # A first record longer than a partition: rare enough to read it through all of them.
        preamble, state, delimiter = stage.first_record(lines.toLocalIterator(), given)
    delimiter_name = next(k for k, v in stage.DELIMITERS.items() if v == delimiter)
    arguments = locus_arguments(args, delimiter_name, threads)
    whole_file = sum(len(l.encode("utf-8")) + 1 for l in preamble) >= length
    preamble_text = "\n".join(preamble) + ("" if whole_file and not ends_with_lf else "\n") if preamble else ""
    header, preamble_summary = run_preamble(args.locus, args.gazetteer, arguments, preamble_text.encode("utf-8"))

    # Pass 1: each partition's shape; the driver chains them into plans.
    shapes = lines.mapPartitionsWithIndex(
        lambda i, it: [stage.shape_partition(i, it, delimiter)]).collect()
    plans = stage.plan_partitions(shapes)
    needed = sorted({j for p in plans for j in p.borrow_from})
    takes = {j: plans[j].skip if plans[j].skip is not None else plans[j].lines for j in needed}
    borrowed = dict(sc.runJob(
        lines.mapPartitionsWithIndex(lambda i, it: [(i, [l for _, l in itertools.islice(it, takes[i])])]),
        lambda it: list(it), needed)) if needed else {}
    first = next((p.index for p in plans if p.lines), 0)

    gazetteer_sha256 = stage.file_sha256(args.gazetteer)
    verify = has_verify(args.locus)
    if verify:  # the driver's copy first: a failure here is the file's (or the command's), not the shipping's
        result = subprocess.run([args.locus, "gazetteer", "verify", args.gazetteer], capture_output=True)
        if result.returncode != 0:
            raise LocusStageError(f"locus gazetteer verify {args.gazetteer} failed on the driver: "
                                  + result.stderr.decode("utf-8", "replace").strip(), result.returncode)
    job = stage.StageJob(
        locus_name=ship(sc, args.locus), gazetteer_name=ship(sc, args.gazetteer), gazetteer_sha256=gazetteer_sha256,
        has_verify=verify, arguments=arguments, plans=plans, first=first, preamble=preamble,
        header_mode=not args.no_header, header=header if not args.no_header else b"",
        preamble_output_lines=header.count(b"\n"), preamble_counts=preamble_summary,
        last_line_unterminated=not ends_with_lf)
    shared = sc.broadcast(borrowed)
    reports = summaries_accumulator(sc)

    def task(index, iterator):
        return stage.geocode_partition(job, shared.value, index, iterator,
                                       lambda i, c: reports.add({i: c}))

    output = lines.mapPartitionsWithIndex(task)
    if not any(p.has_records for p in plans):  # an empty file
        output = sc.parallelize([header[:-1]] if header else [], 1)
    local = is_local_output(sc, args.output)
    target = os.path.abspath(urlparse(args.output).path) if local else args.output
    parts = f"{target}.spark-{os.getpid()}" if local else target
    try:
        output.saveAsTextFile(("file://" + parts) if local else parts)
    except Exception as error:
        if local:
            shutil.rmtree(parts, ignore_errors=True)
        if isinstance(error, LocusStageError):
            raise
        raise task_error(error) from None
    if local:
        temporary = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.tmp-{os.getpid()}")
        try:
            with open(temporary, "wb") as out:
                for name in sorted(n for n in os.listdir(parts) if n.startswith("part-")):
                    with open(os.path.join(parts, name), "rb") as part:
                        shutil.copyfileobj(part, out, 1 << 20)
            os.replace(temporary, target)
        finally:
            shutil.rmtree(parts, ignore_errors=True)
            if os.path.exists(temporary):
                os.unlink(temporary)
    shared.unpersist()

    total: dict = {}
    for index in sorted(reports.value):
        total = stage.add_counts(total, reports.value[index])
    if not total:  # a header alone, or an empty file
        total = stage.counts(preamble_summary)
    if total["gazetteerVersion"] != preamble_summary.get("gazetteerVersion"):
        raise LocusStageError(f"the executors read gazetteer {total['gazetteerVersion']!r}, the driver "
                              f"{preamble_summary.get('gazetteerVersion')!r}")
    seconds = time.monotonic() - started
    rows = total["rows"]
    total.update(
        input=args.input, output=args.output, seconds=round(seconds, 3),
        rowsPerSecond=round(rows / seconds, 1) if seconds else 0.0,
        locatedPercent=round(100.0 * total["locatedRows"] / rows, 1) if rows else 0.0,
        partitions=count, partitionsWithRecords=sum(1 for p in plans if p.has_records),
        partitionsStartingInsideQuotes=sum(1 for p in plans if p.lines and p.starts == stage.IN),
        threadsPerTask=threads, columns=preamble_summary.get("columns"), gazetteerSHA256=gazetteer_sha256,
        gazetteerVerified=job.has_verify, master=sc.master)
    return total


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        check_arguments(args)
        sc = spark_context(args.master, progress=not args.quiet)
        try:
            summary = geocode(sc, args)
        finally:
            sc.stop()
    except Exception as error:
        if not isinstance(error, LocusStageError):
            if type(error).__name__ != "Py4JJavaError":
                raise
            error = task_error(error)
        status = error.args[1] if len(error.args) > 1 else 1
        print(f"locus spark: error: {error.args[0]}", file=sys.stderr)
        return status
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as handle:
            json.dump(summary, handle, indent=1, sort_keys=True)
            handle.write("\n")
    if not args.quiet:
        sys.stderr.write(stage.summary_text(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
