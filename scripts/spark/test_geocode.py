"""Tests of the Spark stage (scripts/spark/geocode.py) against single `locus geocode` runs.

    python3 -m unittest discover -s scripts/spark -p 'test_*.py'

Needs pyspark (scripts/spark/requirements.txt), Java 17 and a built locus (LOCUS_BIN, else .build/release/locus,
else .build/debug/locus); the Spark tests skip without pyspark or Java. Spark runs in local mode on the matcher's
fixture gazetteer, which the tests build from Fixtures/match/ with `locus gazetteer build`, as the Swift
end-to-end tests do (Tests/EndToEndTests/GeocodeSupport.swift). The expected output is always a single run of
the same locus binary on the same file, never a stored answer.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import geocode  # noqa: E402
import locus_stage as stage  # noqa: E402

ADDED = ["latitude", "longitude", "easting", "northing", "match_type", "score", "precision_m", "matched",
         "postcode", "borough", "ward", "lsoa", "faults"]

# Locations for the fixture gazetteer (Croydon and Richmond streets, a station, a bus stop, postcodes), with
# texts it cannot place; (location, postcode, borough).
PLACES = [
    ("O/S 12 HIGH ST", "", "Croydon"), ("24 HIGH STREET", "CR0 1AB", ""), ("EAST CROYDON STATION", "", ""),
    ("J/O HIGH ST & PARK LANE", "", "Croydon"), ("CR0 2AA", "", ""), ("SOMEWHERE UNHEARD OF", "", ""),
    ("NFA", "", ""), ("OPP 3 PARK LANE", "CR0 1AD", "Croydon"), ("170 ASHBURNHAM RD", "", "Richmond upon Thames"),
    ("O/S 5 HIGH ST", "TW9 1AA", "Richmond upon Thames"), ("BUS STOP HIGH STREET / PARK LANE", "", ""),
    ('12 HIGH ST "B" BLOCK', "", "Croydon"), ("TESCO, HIGH ST", "", "Croydon"), ("", "", ""),
]


def locus_binary() -> str:
    for candidate in (os.environ.get("LOCUS_BIN"), os.path.join(ROOT, ".build/release/locus"),
                      os.path.join(ROOT, ".build/debug/locus")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise unittest.SkipTest("no locus binary: run swift build first (or set LOCUS_BIN)")


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def incident_row(i: int) -> str:
    """Row `i` of the generated incident log: id, Location, Post Code, Borough Name, Notes, with a line end.
    Its kind depends on i % 1000 only, so every block of 1,000 rows has the same bytes but for the ids."""
    k = i % 1000
    location, postcode, borough = PLACES[k % len(PLACES)]
    location = quoted(location) if ("," in location or '"' in location) else location
    notes = f"note {k}"
    if k % 7 == 1:
        notes = quoted(f"seen by {k}, then \"left\"\nwalking north")          # comma, quotes and an LF inside
    elif k % 7 == 3:
        notes = quoted(f"line one\r\nline two\r\nline {k} three")               # CRLFs inside quotes
    elif k % 7 == 5:
        notes = f'said "stop" {k}'                                              # quotes in an unquoted field
    fields = [f"{i:07d}", location, postcode, borough, notes]
    if k == 997:
        fields = fields[:4]                                                     # too few fields
    elif k == 998:
        fields.append("extra")                                                  # too many fields
    elif k == 999:
        fields[4] = '"closed"after "x'                                          # text after a closing quote
    end = "\r\n" if k % 11 == 0 else "\n"
    return ",".join(fields) + end


def write_incidents(path: str, rows: int, giant_lines: int = 0) -> None:
    """`rows` rows (a multiple of 2,000), with a record whose Notes field spans `giant_lines` lines in the
    middle, so that the middle of the file (where two partitions meet) falls inside it; the file ends with an
    unterminated quoted field and no line end."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeffid,Location,Post Code,Borough Name,Notes\n")
        for i in range(rows // 2):
            out.write(incident_row(i))
        if giant_lines:
            body = "\n".join(f"continued, {n:05d}, \"quoted\" text of a long statement" for n in range(giant_lines))
            out.write(f"{rows // 2:07d}-giant,O/S 12 HIGH ST,,Croydon,{quoted(body)}\n")
        for i in range(rows // 2, rows):
            out.write(incident_row(i))
        out.write('9999999,CR0 1AA,,,"never closed\nstill open')


def java_present() -> bool:
    return shutil.which("java") is not None


class PlanTests(unittest.TestCase):
    """The record boundaries without Spark: however a file's lines are cut into partitions, the plans give
    every line to exactly one stream, in order, and every stream starts at a record."""

    def test_every_cut_gives_whole_records_in_order(self):
        random.seed(20)
        text = "".join(incident_row(i) for i in range(2000)) + '1,"a\nb"c,"d\n'
        lines = text.split("\n")
        offsets, position = [], 0
        for line in lines:
            offsets.append(position)
            position += len(line) + 1
        pairs = list(zip(offsets, lines))
        # Where records start, read sequentially.
        starts, state = set(), stage.OUT
        for index, line in enumerate(lines):
            if state == stage.OUT:
                starts.add(index)
            state = stage.line_end_state(line, state, ",")
        self.assertGreater(len(lines) - len(starts), 500, "the file should have many multi-line records")
        for trial in range(200):
            cuts = sorted(random.sample(range(1, len(lines)), random.randint(1, 40)))
            if trial % 10 == 0:
                cuts = sorted(set(cuts + [cuts[0] + 1, cuts[0] + 2]))  # some empty or one-line partitions
            bounds = [0] + cuts + [len(lines)]
            groups = [pairs[a:b] for a, b in zip(bounds, bounds[1:])]
            plans = stage.plan_partitions([stage.shape_partition(i, g, ",") for i, g in enumerate(groups)])
            streams = {}
            for plan, group in zip(plans, groups):
                if not plan.has_records:
                    continue
                indices = list(range(bounds[plan.index] + plan.skip, bounds[plan.index + 1]))
                for j in plan.borrow_from:
                    take = plans[j].skip if plans[j].skip is not None else plans[j].lines
                    indices += list(range(bounds[j], bounds[j] + take))
                self.assertIn(indices[0], starts)
                streams[plan.index] = indices
            self.assertEqual([i for s in streams.values() for i in s], list(range(len(lines))))
            holders = [p.index for p in plans if p.holds_last_line]
            self.assertEqual(len(holders), 1)
            self.assertEqual(streams[holders[0]][-1], len(lines) - 1)

    def test_reader_states_follow_locus_csv_rules(self):
        self.assertEqual(stage.line_end_state('1,"open', stage.OUT, ","), stage.IN)
        self.assertEqual(stage.line_end_state('1,a"b', stage.OUT, ","), stage.OUT)        # a literal quote
        self.assertEqual(stage.line_end_state('1,"a"b"c', stage.OUT, ","), stage.OUT)     # text after the quote
        self.assertEqual(stage.line_end_state('closed" ,x', stage.IN, ","), stage.OUT)
        self.assertEqual(stage.line_end_state('a""b', stage.IN, ","), stage.IN)           # an escaped quote
        self.assertEqual(stage.line_end_state('1\r"a', stage.OUT, ","), stage.IN)         # CR ends a record
        self.assertEqual(stage.line_end_state('1;"a', stage.OUT, ","), stage.OUT)         # not after a delimiter
        self.assertEqual(stage.line_end_state('1;"a', stage.OUT, ";"), stage.IN)
        self.assertEqual(stage.detect_delimiter('a;b;"c,d,e";f'), ";")
        self.assertEqual(stage.detect_delimiter("a,b;c"), ",")                            # a tie: comma first


@unittest.skipUnless(java_present(), "no java")
class SparkStageTests(unittest.TestCase):
    sc = None

    @classmethod
    def setUpClass(cls):
        try:
            import pyspark  # noqa: F401
        except ImportError:
            raise unittest.SkipTest("pyspark is not installed (pip install -r scripts/spark/requirements.txt)")
        cls.locus = locus_binary()
        cls.folder = tempfile.mkdtemp(prefix="locus-spark-test-")
        cls.gazetteer = os.path.join(cls.folder, "match.sqlite")
        source = lambda name: os.path.join(ROOT, "Fixtures/match", name)
        subprocess.run([cls.locus, "gazetteer", "build", "-o", cls.gazetteer,
                        "--codepoint", source("codepoint-london.csv"), "--onspd", source("onspd.csv"),
                        "--area-names", source("boroughs-wards.csv"), "--lsoa-names", source("lsoa-names.csv"),
                        "--naptan", source("naptan.csv"), "--bus-stops", source("bus-stops.csv"),
                        "--premises", source("fhrs.csv")], check=True, capture_output=True, cwd=ROOT)
        cls.big = os.path.join(cls.folder, "incidents.csv")
        write_incidents(cls.big, 100_000, giant_lines=2000)
        cls.sc = geocode.spark_context("local[2]", progress=False)
        cls.sc.setLogLevel("OFF")

    @classmethod
    def tearDownClass(cls):
        if cls.sc is not None:
            cls.sc.stop()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def single(self, path: str, *options: str) -> tuple[bytes, dict]:
        out, summary = os.path.join(self.folder, "single.out"), os.path.join(self.folder, "single.json")
        subprocess.run([self.locus, "geocode", path, "--gazetteer", self.gazetteer, "-o", out, "--quiet",
                        "--summary-json", summary, *options], check=True, cwd=ROOT)
        with open(out, "rb") as a, open(summary) as b:
            return a.read(), json.load(b)

    def spark(self, path: str, *options: str, partitions: int = 2) -> tuple[bytes, dict]:
        out = os.path.join(self.folder, "spark.out")
        args = geocode.parser().parse_args(
            [path, "-o", out, "--gazetteer", self.gazetteer, "--locus", self.locus, "--partitions", str(partitions),
             *options])
        geocode.check_arguments(args)
        summary = geocode.geocode(self.sc, args)
        with open(out, "rb") as handle:
            return handle.read(), summary

    def assert_same_counts(self, spark: dict, single: dict):
        for key in stage.SUMMED + stage.SUMMED_BY_TYPE + ["gazetteerVersion"]:
            self.assertEqual(spark[key], single[key], key)

    big_runs: dict = {}

    def big_run(self) -> tuple[bytes, dict, bytes, dict]:
        """The 100,000-row file geocoded by Spark in 2 partitions and by a single run (once for all tests)."""
        if not self.big_runs:
            self.big_runs["spark"] = self.spark(self.big, partitions=2)
            self.big_runs["single"] = self.single(self.big)
        return self.big_runs["spark"] + self.big_runs["single"]

    def test_100k_rows_in_two_partitions_equal_a_single_run(self):
        output, summary, expected, single = self.big_run()
        self.assertGreaterEqual(summary["rows"], 100_000)
        self.assertEqual(summary["partitions"], 2)
        self.assertEqual(summary["partitionsStartingInsideQuotes"], 1, "the cut should fall in the long record")
        # Row for row after sorting by id (Spark's own order is not relied on) ...
        rows = lambda data: sorted(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        got, want = rows(output), rows(expected)
        self.assertEqual(len(got), len(want))
        for a, b in zip(got, want):
            self.assertEqual(a, b)
        # ... and byte for byte, since the stage keeps the input order.
        self.assertEqual(output, expected)
        self.assert_same_counts(summary, single)
        self.assertGreater(summary["locatedRows"], 30_000)
        self.assertGreater(summary["rowsByMatchType"]["none"], 5_000)

    def test_malformed_and_unmatched_rows_as_in_a_single_run(self):
        output, summary, _, single = self.big_run()
        records = {r[0]: r for r in csv.reader(io.StringIO(output.decode("utf-8"), newline=""))}
        header = records.pop("\ufeffid", None) or records.pop("id")
        self.assertEqual(header[-13:], ADDED)
        kind = header.index("match_type")
        faults = header.index("faults")
        fault = lambda row_id: records[row_id][faults].split(";")[0]
        self.assertEqual(fault("0050997"), "csv.too_few_fields")
        self.assertEqual(fault("0050998"), "csv.too_many_fields")
        self.assertEqual(records["0050998"][len(header)], "extra")                     # kept after the added columns
        self.assertEqual(fault("0050999"), "csv.text_after_quote")
        self.assertEqual(records["9999999"][4], "never closed\nstill open")
        self.assertEqual(fault("9999999"), "csv.unterminated_quote")
        self.assertEqual(records["0050006"][kind], "none")                             # NFA
        self.assertEqual(records["0050005"][kind], "none")                             # SOMEWHERE UNHEARD OF
        self.assertNotEqual(records["0050000"][0], "")
        self.assertEqual(summary["malformedRows"], single["malformedRows"])
        self.assertGreaterEqual(summary["malformedRows"], 300)

    def test_no_header_and_jsonl_equal_a_single_run(self):
        path = os.path.join(self.folder, "no-header.csv")
        with open(path, "w", encoding="utf-8", newline="") as out:
            for i in range(4000):
                out.write(incident_row(i + 1))  # the first row is whole and well-formed
        options = ["--no-header", "--address-column", "2", "--postcode-column", "3", "--format", "jsonl"]
        expected, single = self.single(path, *options)
        output, summary = self.spark(path, *options, partitions=5)
        self.assertEqual(output, expected)
        self.assert_same_counts(summary, single)
        self.assertEqual(summary["rows"], 4000)

    def test_a_record_longer_than_a_partition(self):
        path = os.path.join(self.folder, "long-record.csv")
        write_incidents(path, 2000, giant_lines=2000)
        expected, single = self.single(path)
        output, summary = self.spark(path, partitions=8)
        self.assertEqual(output, expected)
        self.assert_same_counts(summary, single)
        self.assertLess(summary["partitionsWithRecords"], 8, "some partition should lie inside the long record")

    def test_tab_delimited_with_options_equal_a_single_run(self):
        path = os.path.join(self.folder, "tabs.tsv")
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write("ref\tstreet\tnotes\r\n")
            for i in range(3000):
                place = PLACES[i % len(PLACES)][0]
                out.write(f"{i}\t{place}\t{quoted('a, b' + chr(10) * (i % 3))}\r\n")
        options = ["--address-column", "street", "--prefix", "locus_", "--crs", "EPSG:3857"]
        expected, single = self.single(path, *options)
        output, summary = self.spark(path, *options, partitions=4)
        self.assertEqual(output, expected)
        self.assertIn(b"\tlocus_x\tlocus_y", output.split(b"\n")[0])
        self.assert_same_counts(summary, single)

    def test_strict_failure_is_a_task_failure_with_locus_message(self):
        with self.assertRaises(stage.LocusStageError) as caught:
            self.spark(self.big, "--strict", partitions=2)
        message, status = caught.exception.args
        self.assertEqual(status, 65)
        # Both partitions hold a malformed row; whichever fails first is reported, with where its input starts.
        self.assertRegex(message, r"^locus geocode failed on partition [01] \(input from byte \d+")
        self.assertIn("the row has 4 fields where the header has 5", message)

    def test_a_bad_option_stops_before_the_job_with_locus_message(self):
        with self.assertRaises(stage.LocusStageError) as caught:
            self.spark(self.big, "--address-column", "Street")
        self.assertIn('--address-column Street: no such column; the columns are: "id"', caught.exception.args[0])
        self.assertEqual(caught.exception.args[1], 64)
        with self.assertRaises(stage.LocusStageError) as caught:
            self.spark(os.path.join(self.folder, "absent.csv"))
        self.assertRegex(caught.exception.args[0], r"absent\.csv: cannot open: .*absent\.csv does not exist")
        with self.assertRaises(stage.LocusStageError) as caught:
            geocode.check_arguments(geocode.parser().parse_args(
                [self.big, "-o", "x", "--gazetteer", self.gazetteer, "--encoding", "windows-1252"]))
        self.assertIn("convert the file first", caught.exception.args[0])


if __name__ == "__main__":
    unittest.main()
