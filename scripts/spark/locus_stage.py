"""The parts of the Spark stage that do not need Spark: where CSV records start, the pipe through
`locus geocode`, and the summaries. Imported by `geocode.py` on the driver and, shipped with it, by the
executors' Python workers.

Records and lines. Spark reads the input as lines split at LF (with a CR kept at the end of a CRLF line) and
cuts the file into byte ranges, so a quoted field with a newline can start in one partition and end in the
next. At the start of a line Locus's CSV reader is in one of two states: at the start of a record (OUT) or
inside a quoted field (IN). The reader is a small state machine (the one in Sources/Locus/IO/CSVReader.swift,
copied here), so each partition can be summarised independently for both possible start states; the driver
then chains the summaries from the first partition (which starts OUT) and tells every partition how many of its
leading lines still belong to a record begun before it, and which lines of later partitions complete its own
last record. Every partition then holds whole records, exactly those a single run reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Iterable, Iterator

OUT, IN = 0, 1

# The CSV reader's states inside a line.
_FIELD_START, _UNQUOTED, _QUOTED, _QUOTE_IN_QUOTED = 0, 1, 2, 3

DELIMITERS = {"comma": ",", "tab": "\t", "semicolon": ";", "pipe": "|"}
BOM = "\ufeff"


class LocusStageError(Exception):
    """A failure of the stage, with a message meant for the user (Locus's own when Locus failed)."""


def detect_delimiter(first_line: str) -> str:
    """The delimiter Locus detects from a first line: the most frequent of comma, tab, semicolon and pipe
    outside quotes; comma when none occurs, the earlier candidate on a tie (ColumnLayout.detectDelimiter)."""
    candidates = [",", "\t", ";", "|"]
    counts = [0, 0, 0, 0]
    in_quotes = False
    for char in first_line:
        if char == '"':
            in_quotes = not in_quotes
            continue
        if in_quotes:
            continue
        if char in "\r\n":
            break
        if char in candidates:
            counts[candidates.index(char)] += 1
    best = max(range(4), key=lambda i: (counts[i], -i))
    return candidates[best] if counts[best] else ","


def line_end_state(line: str, start: int, delimiter: str) -> int:
    """The reader's state (OUT or IN) after `line` and its LF, starting in `start`. A CR outside quotes ends a
    record as Locus's reader does (CR-only line ends); an LF ends one unless inside a quoted field."""
    if '"' not in line:
        return start
    state = _QUOTED if start == IN else _FIELD_START
    i, n = 0, len(line)
    while i < n:
        if state == _QUOTED:
            j = line.find('"', i)
            if j < 0:
                return IN
            state, i = _QUOTE_IN_QUOTED, j + 1
            continue
        if state == _UNQUOTED:
            # Quotes are literal here: skip to the next delimiter or CR.
            ends = [p for p in (line.find(delimiter, i), line.find("\r", i)) if p >= 0]
            if not ends:
                return OUT
            state, i = _FIELD_START, min(ends) + 1
            continue
        char = line[i]
        if char == '"':
            state = _QUOTED
        elif char == delimiter or char == "\r":
            state = _FIELD_START
        else:
            state = _UNQUOTED
        i += 1
    return IN if state == _QUOTED else OUT


@dataclass
class PartitionShape:
    """What pass 1 learns about one partition's lines, for both possible start states."""
    index: int
    lines: int = 0
    first_offset: int = -1
    end_from_out: int = OUT
    end_from_in: int = IN
    # Starting IN: how many leading lines finish the record begun earlier; None when all of them do.
    continuation_from_in: int | None = None

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def shape_partition(index: int, lines: Iterable[tuple[int, str]], delimiter: str) -> PartitionShape:
    """Pass 1: reads a partition's (byte offset, line) pairs once and follows both start states."""
    shape = PartitionShape(index)
    from_out, from_in, merged = OUT, IN, False
    for offset, line in lines:
        if shape.lines == 0:
            shape.first_offset = offset
        if offset == 0 and line.startswith(BOM):
            line = line[1:]
        shape.lines += 1
        merged = merged or from_in == from_out  # the two readings have met: from here on one is enough
        from_out = line_end_state(line, from_out, delimiter)
        from_in = from_out if merged else line_end_state(line, from_in, delimiter)
        if from_in == OUT and shape.continuation_from_in is None:
            shape.continuation_from_in = shape.lines
    shape.end_from_out, shape.end_from_in = from_out, from_in
    return shape


@dataclass
class PartitionPlan:
    """What pass 2 does with one partition's lines."""
    index: int
    starts: int                 # OUT or IN
    skip: int | None            # leading lines that belong to an earlier record; None: all (no record starts here)
    ends: int                   # the state after its last line
    borrow_from: list[int] = field(default_factory=list)  # later partitions whose leading lines end its last record
    holds_last_line: bool = False  # its stream ends with the file's last line
    lines: int = 0
    first_offset: int = -1

    @property
    def has_records(self) -> bool:
        """A record starts in this partition (else all its lines finish a record begun earlier, or it is empty)."""
        return self.skip is not None and self.skip < self.lines


def plan_partitions(shapes: list[PartitionShape]) -> list[PartitionPlan]:
    """Chains the shapes from the start of the file (OUT) into each partition's plan."""
    plans: list[PartitionPlan] = []
    state = OUT
    for shape in shapes:
        if state == OUT:
            plans.append(PartitionPlan(shape.index, OUT, 0, shape.end_from_out, lines=shape.lines,
                                       first_offset=shape.first_offset))
            state = shape.end_from_out
        else:
            plans.append(PartitionPlan(shape.index, IN, shape.continuation_from_in, shape.end_from_in,
                                       lines=shape.lines, first_offset=shape.first_offset))
            state = shape.end_from_in
    owner = None  # the latest partition in which a record starts
    for plan in plans:
        if plan.lines and plan.skip != 0 and owner is not None:
            plans[owner].borrow_from.append(plan.index)
        if plan.has_records:
            owner = plan.index
    last = max((p.index for p in plans if p.lines), default=None)
    if last is not None:
        holder = last if plans[last].has_records else next(p.index for p in plans if last in p.borrow_from)
        plans[holder].holds_last_line = True
    return plans


def first_record(lines: Iterable[tuple[int, str]], delimiter: str | None) -> tuple[list[str], int, str]:
    """The lines of the file's first record (a header with a quoted newline spans several), the state after
    them (IN when the lines ran out inside a quoted field), and the delimiter: `delimiter`, else the one Locus
    detects from the first line."""
    record, state = [], OUT
    for offset, line in lines:
        text = line[1:] if offset == 0 and line.startswith(BOM) else line
        if delimiter is None:
            delimiter = detect_delimiter(text)
        record.append(line)
        state = line_end_state(text, state, delimiter)
        if state == OUT:
            break
    return record, state, delimiter or ","


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run_locus(command: list[str], lines: Iterable[str], drop_lines: int, last_line_unterminated: bool,
              what: str, stderr_limit: int = 8000) -> Iterator[bytes]:
    """Pipes `lines` (each written with an LF, except the very last when `last_line_unterminated`) through
    `command` and yields its standard output in blocks of whole lines without their final LF (Spark's
    `saveAsTextFile` adds it back), after dropping the first `drop_lines` lines. This is what `RDD.pipe()` does,
    with two additions: Locus's standard error is kept, and a non-zero exit raises `LocusStageError` with it,
    so the Spark task fails with Locus's message rather than only an exit code."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    errors: list[bytes] = []
    write_failure: list[BaseException] = []

    def feed() -> None:
        try:
            batch, size, previous = [], 0, None
            for line in lines:
                if previous is not None:
                    batch.append(previous + "\n")
                    size += len(previous)
                    if size >= 1 << 20:
                        process.stdin.write("".join(batch).encode("utf-8"))
                        batch, size = [], 0
                previous = line
            if previous is not None:
                batch.append(previous if last_line_unterminated else previous + "\n")
            process.stdin.write("".join(batch).encode("utf-8"))
        except BrokenPipeError:
            pass  # Locus stopped reading; its exit status and message say why
        except BaseException as error:  # reading the partition failed: report it, not a pipe error
            write_failure.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    def drain_errors() -> None:
        total = 0
        for chunk in iter(lambda: process.stderr.read(4096), b""):
            if total < stderr_limit:
                errors.append(chunk)
            total += len(chunk)

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain_errors, daemon=True)]
    for thread in threads:
        thread.start()
    pending = b""
    to_drop = drop_lines
    try:
        for chunk in iter(lambda: process.stdout.read1(1 << 20), b""):
            pending += chunk
            while to_drop and pending:
                newline = pending.find(b"\n")
                if newline < 0:
                    break
                pending = pending[newline + 1:]
                to_drop -= 1
            if to_drop:
                continue
            cut = pending.rfind(b"\n")
            if cut >= 0:
                yield pending[:cut]
                pending = pending[cut + 1:]
    except GeneratorExit:
        process.kill()  # the consumer stopped early: end Locus too
        raise
    status = process.wait()
    for thread in threads:
        thread.join()
    if write_failure:
        raise write_failure[0]
    if status != 0:
        message = b"".join(errors).decode("utf-8", "replace").strip()
        raise LocusStageError(f"locus geocode failed on {what} (exit {status}): {message}")
    if pending:
        yield pending


SUMMED = ["rows", "malformedRows", "locatedRows"]
SUMMED_BY_TYPE = ["rowsByMatchType", "locatedRowsByMatchType", "rowsWithoutCoordinatesByMatchType"]


def read_summary(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def counts(summary: dict, sign: int = 1) -> dict:
    """The additive part of a `--summary-json` summary (row counts, overall and by match type)."""
    out = {key: sign * summary.get(key, 0) for key in SUMMED}
    for key in SUMMED_BY_TYPE:
        out[key] = {k: sign * v for k, v in summary.get(key, {}).items()}
    out["gazetteerVersion"] = summary.get("gazetteerVersion")
    out["projOperation"] = summary.get("projOperation")
    return out


def add_counts(a: dict, b: dict) -> dict:
    """Sums two `counts` results (a gazetteer or PROJ operation that differs between them is an error)."""
    if not a:
        return dict(b)
    out = {key: a[key] + b[key] for key in SUMMED}
    for key in SUMMED_BY_TYPE:
        kinds = list(a[key]) + [k for k in b[key] if k not in a[key]]  # Locus's order of match types
        out[key] = {k: a[key].get(k, 0) + b[key].get(k, 0) for k in kinds}
    for key in ("gazetteerVersion", "projOperation"):
        if a.get(key) != b.get(key):
            raise LocusStageError(f"partitions disagree on {key}: {a.get(key)!r} and {b.get(key)!r}")
        out[key] = a[key]
    return out


def summary_text(summary: dict) -> str:
    """The stage's summary in the shape of `locus geocode`'s."""
    rows = summary["rows"]
    pct = lambda n: f"{100.0 * n / rows:.1f}%" if rows else "0.0%"
    lines = [
        f"locus spark: {rows} rows from {summary['input']} to {summary['output']} in {summary['seconds']:.2f} s "
        f"({summary['rowsPerSecond']:.0f} rows/s, {summary['partitions']} partitions)",
        f"  located {summary['locatedRows']} ({pct(summary['locatedRows'])}) with coordinates; "
        f"malformed rows {summary['malformedRows']}",
    ]
    order = ["address", "interpolated", "street", "junction", "landmark", "postcode", "postcode_sector",
             "postcode_district", "locality", "borough", "none"]
    kinds = sorted(summary["rowsByMatchType"], key=lambda k: order.index(k) if k in order else len(order))
    for kind in kinds:
        n = summary["rowsByMatchType"][kind]
        if n or kind == "none":
            located = summary["locatedRowsByMatchType"].get(kind, 0)
            lines.append(f"  {kind}: {n} ({pct(n)}), located {located}")
    lines.append(f"  gazetteer: {summary['gazetteerVersion']}, sha256 {summary['gazetteerSHA256'][:12]} on every "
                 f"executor")
    return "\n".join(lines) + "\n"


@dataclass
class StageJob:
    """Everything an executor needs to geocode its partition; built by the driver, shipped with each task."""
    locus_name: str              # the binary's name among the Spark files
    gazetteer_name: str          # the gazetteer's name among the Spark files
    gazetteer_sha256: str        # the driver's digest of the file; every executor checks its copy against it
    has_verify: bool             # `locus gazetteer verify` exists and is run once per executor
    arguments: list[str]         # `locus geocode` options after `-` and `--gazetteer`
    plans: list[PartitionPlan]
    first: int                   # the partition holding the file's first line (and so the preamble)
    preamble: list[str]          # the file's first record: the header, or with --no-header the first row
    header_mode: bool
    header: bytes                # what a single run writes before the first row (empty for jsonl or --no-header)
    preamble_output_lines: int   # the lines Locus writes for the preamble alone
    preamble_counts: dict        # what the preamble adds to a summary (nothing for a header)
    last_line_unterminated: bool # the file does not end with a line end


_checked_gazetteers: set[str] = set()


def check_gazetteer(job: StageJob, locus: str, gazetteer: str) -> None:
    """Once per executor: the shipped gazetteer is the driver's file (same SHA-256), and passes
    `locus gazetteer verify` when that subcommand exists."""
    marker = f"{gazetteer}.checked-{job.gazetteer_sha256[:16]}"
    if gazetteer in _checked_gazetteers or os.path.exists(marker):
        return
    digest = file_sha256(gazetteer)
    if digest != job.gazetteer_sha256:
        raise LocusStageError(f"the gazetteer on this executor ({gazetteer}) has SHA-256 {digest}, "
                              f"the driver's has {job.gazetteer_sha256}")
    if job.has_verify:
        result = subprocess.run([locus, "gazetteer", "verify", gazetteer], capture_output=True)
        if result.returncode != 0:
            raise LocusStageError("locus gazetteer verify failed on an executor: "
                                  + result.stderr.decode("utf-8", "replace").strip())
    with open(marker + f".{os.getpid()}", "w") as handle:
        handle.write(digest + "\n")
    os.replace(marker + f".{os.getpid()}", marker)
    _checked_gazetteers.add(gazetteer)


def geocode_partition(job: StageJob, borrowed: dict[int, list[str]], index: int,
                      lines: Iterator[tuple[int, str]], report) -> Iterator[bytes]:
    """Pass 2 on an executor: pipes partition `index`'s whole records through `locus geocode` and yields the
    output lines in blocks; `report(index, counts)` receives the partition's summary counts."""
    import itertools
    import tempfile
    from pyspark import SparkFiles

    plan = job.plans[index]
    if not plan.has_records:
        return
    locus, gazetteer = SparkFiles.get(job.locus_name), SparkFiles.get(job.gazetteer_name)
    if not os.access(locus, os.X_OK):
        os.chmod(locus, 0o755)
    own = (line for _, line in itertools.islice(lines, plan.skip, None))
    check_gazetteer(job, locus, gazetteer)
    is_first = index == job.first
    stream = itertools.chain([] if is_first else job.preamble, own,
                             *(borrowed[j] for j in plan.borrow_from))
    handle, summary_path = tempfile.mkstemp(prefix="locus-summary-", suffix=".json")
    os.close(handle)
    try:
        command = [locus, "geocode", "-", "--gazetteer", gazetteer, "--quiet", "--summary-json", summary_path,
                   *job.arguments]
        if is_first and job.header:
            yield job.header[:-1]
        drop = job.preamble_output_lines if (job.header_mode or not is_first) else 0
        what = (f"partition {index} (input from byte {plan.first_offset}"
                + ("" if is_first else f", after the file's first {len(job.preamble)} line(s)") + ")")
        yield from run_locus(command, stream, drop, job.last_line_unterminated and plan.holds_last_line, what)
        summary = counts(read_summary(summary_path))
        if not job.header_mode and not is_first:
            summary = add_counts(summary, counts(job.preamble_counts, -1))
        report(index, summary)
    finally:
        os.unlink(summary_path)
