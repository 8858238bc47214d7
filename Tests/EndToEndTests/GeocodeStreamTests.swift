import Foundation
import Locus
import Testing

/// Large and interrupted runs of `locus geocode`: exact output of 100,000 rows on 1, 2 and 4 threads, a closed
/// pipe, a killed run, and the run's side files.
@Suite struct GeocodeStreamTests {
    /// Locations of the fixture gazetteer at every level, and texts with nothing to geocode (cheap, so that
    /// 100,000 rows stay quick in a debug build): location, postcode column, borough column.
    static let queries: [(String, String, String)] = [
        ("O/S 12 HIGH ST", "", "Croydon"), ("24 HIGH STREET", "", "Croydon"), ("EAST CROYDON STATION", "", ""),
        ("J/O HIGH ST & PARK LANE", "", "Croydon"), ("CR0 2AA", "", ""), ("SOMEWHERE UNHEARD OF", "CR0 2AA", ""),
        ("CR0 1XX", "", ""), ("", "", ""), ("NFA", "", ""), ("UNKNOWN", "", ""), ("NO FIXED ABODE", "", ""),
    ]
    static let matchingQueries = 7

    /// Row `n`: one row in 100 of each matching query, the rest with nothing to geocode; some notes quoted,
    /// some spanning two lines.
    static func row(_ n: Int) -> (fields: [String], query: Int) {
        let query = n % 100 < matchingQueries ? n % 100 : matchingQueries + n % (queries.count - matchingQueries)
        let note = n % 7 == 0 ? "said \"stop\", ran" : n % 13 == 0 ? "two\nlines" : "note \(n)"
        let (location, postcode, borough) = queries[query]
        return (["\(n)", location, postcode, borough, note], query)
    }

    @Test func hundredThousandRowsExactlyAndTheSameOnOneTwoAndFourThreads() throws {
        let count = 100_000
        let header = ["n", "location", "pc", "area", "note"]
        var input = GeocodeBinary.csvLine(header)
        var expectedText = GeocodeBinary.csvLine(header + GeocodeBinary.addedColumns)
        let expected = try ExpectedColumns()
        let added = Self.queries.map { location, postcode, borough in
            expected.added(text: location, postcode: postcode.isEmpty ? nil : postcode,
                           borough: borough.isEmpty ? nil : borough)
        }
        for n in 0..<count {
            let (fields, query) = Self.row(n)
            input += GeocodeBinary.csvLine(fields)
            expectedText += GeocodeBinary.csvLine(fields + added[query])
        }
        // Every matching query really matches the fixture gazetteer, so the rows are not all alike.
        #expect(added.prefix(Self.matchingQueries).filter { !$0[2].isEmpty }.count >= 5)
        let file = GeocodeBinary.scratchFile(".csv")
        try Data(input.utf8).write(to: file)
        for threads in ["1", "2", "4"] {
            let result = try GeocodeBinary.run([
                "--quiet", "--threads", threads, "--postcode-column", "pc", "--borough-column", "area", file.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == expectedText, "\(threads) threads")
        }
    }

    /// 300,000 rows of a location the fixture gazetteer matches, written once per test process.
    static let bigInput: URL = {
        let url = GeocodeBinary.scratchFile("-big.csv")
        var text = "Location\n"
        for i in 0..<300_000 { text += "O/S \(i % 200) HIGH ST CROYDON\n" }
        try? Data(text.utf8).write(to: url)
        return url
    }()

    @Test func aClosedPipeEndsAtOnceQuietlyWithStatusZero() throws {
        let run = try GeocodeBinary.shell("'\(Self.bigInput.path)' | head -5 > /dev/null")
        #expect(run.status == 0)
        // The whole input takes minutes in a debug build; the first chunk (64 rows) well under a second.
        #expect(run.seconds < 15)
        // Not a terminal: no progress line, and no summary for a run the reader cut short.
        #expect(run.stderr == "")
    }

    /// `locus` installs the handlers (`InterruptCleanup`) that remove the temporary file.
    @Test(arguments: [SIGTERM, SIGINT])
    func aKilledRunLeavesTheTargetUntouched(signal: Int32) throws {
        let target = GeocodeBinary.scratchFile("-out.csv")
        try Data("OLD".utf8).write(to: target)
        let process = Process()
        process.executableURL = LocusBinary.url
        process.arguments = [
            "geocode", "--quiet", "--threads", "1", "--gazetteer", try GeocodeBinary.gazetteer(), Self.bigInput.path,
            "-o", target.path,
        ]
        process.currentDirectoryURL = LocusBinary.repositoryRoot
        try process.run()
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(process.processIdentifier)").path
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && ((try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0) == 0 {
            usleep(10_000)
        }
        #expect(FileManager.default.fileExists(atPath: temporary), "the run was writing beside the target")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(try String(contentsOf: target, encoding: .utf8) == "OLD")
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    @Test func outputFileSummaryJSONAndUnmatchedFile() throws {
        let output = GeocodeBinary.scratchFile(".csv"), summary = GeocodeBinary.scratchFile(".json")
        let unmatched = GeocodeBinary.scratchFile("-unmatched.csv")
        let result = try GeocodeBinary.run([
            "--postcode-column", "Post Code", "--borough-column", "Borough Name", "-o", output.path,
            "--summary-json", summary.path, "--unmatched", unmatched.path, GeocodeBinary.fixture("sample-incidents.csv"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let rows = try GeocodeBinary.records(String(contentsOf: output, encoding: .utf8))
        let decoded = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: summary))
        #expect(decoded.rows == rows.count - 1)
        #expect(decoded.rows == 30)
        #expect(decoded.rowsByMatchType.values.reduce(0, +) == decoded.rows)
        #expect(decoded.gazetteerVersion.contains("schema"))
        let unmatchedRows = try GeocodeBinary.records(String(contentsOf: unmatched, encoding: .utf8))
        #expect(unmatchedRows[0] == rows[0])
        #expect(Array(unmatchedRows.dropFirst()) == rows.dropFirst().filter { $0[rows[0].firstIndex(of: "latitude")!].isEmpty })
        #expect(unmatchedRows.count > 1)
        // The summary on standard error says the same.
        #expect(result.stderr.contains("30 rows from Fixtures/batch/sample-incidents.csv to \(output.path)"))
        #expect(result.stderr.contains("projection: EPSG:27700 to EPSG:4326"))
    }
}
