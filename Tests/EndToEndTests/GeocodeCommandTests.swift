import Foundation
import Locus
import Testing

/// Whether the built `locus` has the `geocode` command and a usable gazetteer (the default one, or
/// `$LOCUS_GAZETTEER`). The tests below wait for them rather than fail: the command is registered once the
/// matcher is wired in.
enum GeocodeBinary {
    static let isRegistered: Bool = {
        guard let help = try? LocusBinary.run(["geocode", "--help"]) else { return false }
        return help.status == 0 && help.stdout.contains("USAGE: locus geocode")
    }()

    static let canGeocode: Bool = {
        guard isRegistered else { return false }
        let result = try? LocusBinary.run(["geocode", "--quiet"], stdin: Data("address\nO/S 12 HIGH ST CROYDON\n".utf8))
        return result?.status == 0
    }()

    static func fixture(_ name: String) -> String { "Fixtures/batch/\(name)" }

    /// Parses CSV output back into records with Locus's reader.
    static func records(_ text: String) throws -> [[String]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-\(UUID().uuidString).csv").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = CSVReader(source: try ByteSource(path: path))
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        return records
    }

    static let addedColumns = [
        "latitude", "longitude", "easting", "northing", "match_type", "score", "precision_m", "matched",
        "postcode", "borough", "ward", "lsoa", "faults",
    ]
}

@Suite(.enabled(if: GeocodeBinary.isRegistered, "locus geocode is not registered yet (it waits for the matcher)"))
struct GeocodeArgumentTests {
    @Test(arguments: [
        (["--format", "xml"], "--format: use csv, jsonl or geojson"),
        (["--delimiter", "::"], "--delimiter: use comma, tab, semicolon or pipe"),
        (["--encoding", "ebcdic"], "--encoding: use utf-8, windows-1252 or latin-1"),
        (["--threads", "0"], "--threads: give at least 1"),
        (["--crs", "WGS84"], "--crs: write the system as EPSG:nnnn"),
        (["--no-such-option"], "Unknown option"),
    ])
    func unusableArgumentsExit64(arguments: [String], message: String) throws {
        let result = try LocusBinary.run(["geocode"] + arguments + [GeocodeBinary.fixture("sample-incidents.csv")])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
    }

    @Test func aMissingInputExits66() throws {
        let result = try LocusBinary.run(["geocode", "Fixtures/batch/no-such-file.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("cannot open Fixtures/batch/no-such-file.csv: No such file or directory"))
    }

    @Test func aMissingGazetteerExits69SayingHowToBuildIt() throws {
        let result = try LocusBinary.run(
            ["geocode", "--gazetteer", "/nonexistent/london.sqlite", GeocodeBinary.fixture("sample-incidents.csv")])
        #expect(result.status == 69)
        #expect(result.stderr.contains("no gazetteer at /nonexistent/london.sqlite"))
        #expect(result.stderr.contains("locus gazetteer build"))
    }
}

@Suite(.enabled(if: GeocodeBinary.canGeocode, "needs locus geocode wired to a built gazetteer"))
struct GeocodeEndToEndTests {
    @Test(arguments: ["sample-incidents.csv", "quoting-crlf-bom.csv", "one-column.tsv", "ragged.csv"])
    func everyRowComesOutOnceWithItsColumnsUnchanged(fixture: String) throws {
        let result = try LocusBinary.run(["geocode", "--quiet", "--prefix", "locus_", GeocodeBinary.fixture(fixture)])
        #expect(result.status == 0, "\(result.stderr)")
        let input = try GeocodeBinary.records(String(decoding: FileManager.default.contents(
            atPath: LocusBinary.repositoryRoot.appendingPathComponent(GeocodeBinary.fixture(fixture)).path)!, as: UTF8.self))
        let output = try GeocodeBinary.records(result.stdout)
        #expect(output.count == input.count)
        #expect(output[0] == input[0] + GeocodeBinary.addedColumns.map { "locus_" + $0 })
        for (inRow, outRow) in zip(input.dropFirst(), output.dropFirst()) {
            let width = max(inRow.count, input[0].count)
            #expect(Array(outRow.prefix(inRow.count)) == inRow)
            #expect(outRow.count == width + GeocodeBinary.addedColumns.count)
        }
    }

    @Test func emptyAndHeaderOnlyInputs() throws {
        let empty = try LocusBinary.run(["geocode", "--quiet", GeocodeBinary.fixture("empty.csv")])
        #expect(empty.status == 0 && empty.stdout.isEmpty)
        let header = try LocusBinary.run(["geocode", "--quiet", GeocodeBinary.fixture("header-only.csv")])
        #expect(header.status == 0)
        #expect(header.stdout == "incident_ref,location," + GeocodeBinary.addedColumns.joined(separator: ",") + "\n")
    }

    @Test func windows1252NeedsItsEncoding() throws {
        let refused = try LocusBinary.run(["geocode", "--quiet", GeocodeBinary.fixture("windows-1252.csv")])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 2, column 2") && refused.stderr.contains("--encoding windows-1252"))
        let read = try LocusBinary.run(
            ["geocode", "--quiet", "--encoding", "windows-1252", GeocodeBinary.fixture("windows-1252.csv")])
        #expect(read.status == 0)
        #expect(read.stdout.contains("1;O/S CAFÉ NERO, 12 HIGH ST;£5 – “stolen”;"))
    }

    @Test func malformedRowsPassThroughUnlessStrict() throws {
        let lenient = try LocusBinary.run(["geocode", GeocodeBinary.fixture("ragged.csv")])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("csv.too_few_fields") && lenient.stdout.contains("csv.unterminated_quote"))
        #expect(lenient.stderr.contains("malformed rows 4"))
        let strict = try LocusBinary.run(["geocode", "--strict", GeocodeBinary.fixture("ragged.csv")])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("ragged.csv: line 2, column 3: the row has 2 fields where the header has 3"))
    }

    /// The sample rows repeated to 100,000: the same output whatever the thread count, every row once in order.
    @Test func hundredThousandRowsAreTheSameOnOneTwoAndFourThreads() throws {
        let sample = try GeocodeBinary.records(String(contentsOf: LocusBinary.repositoryRoot
            .appendingPathComponent(GeocodeBinary.fixture("sample-incidents.csv")), encoding: .utf8))
        var input: [UInt8] = []
        CSVWriter.encode(["n"] + sample[0], into: &input)
        for i in 0..<100_000 { CSVWriter.encode([String(i)] + sample[1 + i % (sample.count - 1)], into: &input) }
        var outputs: [String] = []
        for threads in ["1", "2", "4"] {
            let result = try LocusBinary.run(
                ["geocode", "--quiet", "--prefix", "locus_", "--threads", threads], stdin: Data(input))
            #expect(result.status == 0)
            outputs.append(result.stdout)
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
        let rows = try GeocodeBinary.records(outputs[0])
        #expect(rows.count == 100_001)
        #expect(rows.dropFirst().enumerated().allSatisfy { $0.element[0] == String($0.offset) })
    }

    @Test func aClosedPipeEndsQuietlyWithStatusZero() throws {
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-big-\(UUID().uuidString).csv")
        var text = "Location\n"
        for i in 0..<300_000 { text += "O/S \(i % 200) HIGH ST CROYDON\n" }
        try Data(text.utf8).write(to: big)
        defer { try? FileManager.default.removeItem(at: big) }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "set -o pipefail; '\(LocusBinary.url.path)' geocode --quiet '\(big.path)' | head -5 > /dev/null"]
        shell.currentDirectoryURL = LocusBinary.repositoryRoot
        let errors = Pipe()
        shell.standardError = errors
        let started = Date()
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(errors.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }

    @Test func aKilledRunLeavesTheTargetUntouched() throws {
        let dir = FileManager.default.temporaryDirectory
        let big = dir.appendingPathComponent("locus-e2e-kill-\(UUID().uuidString).csv")
        let target = dir.appendingPathComponent("locus-e2e-kill-\(UUID().uuidString)-out.csv")
        var text = "Location\n"
        for i in 0..<2_000_000 { text += "O/S \(i % 200) HIGH ST CROYDON\n" }
        try Data(text.utf8).write(to: big)
        try Data("OLD".utf8).write(to: target)
        defer { for url in [big, target] { try? FileManager.default.removeItem(at: url) } }
        let process = Process()
        process.executableURL = LocusBinary.url
        process.arguments = ["geocode", "--quiet", "--threads", "1", big.path, "-o", target.path]
        process.currentDirectoryURL = LocusBinary.repositoryRoot
        try process.run()
        let temporary = dir.appendingPathComponent(".\(target.lastPathComponent).tmp-\(process.processIdentifier)").path
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && ((try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0) == 0 {
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try String(contentsOf: target, encoding: .utf8) == "OLD")
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    @Test func summaryJSONAndUnmatchedFile() throws {
        let dir = FileManager.default.temporaryDirectory
        let summary = dir.appendingPathComponent("locus-e2e-\(UUID().uuidString).json")
        let unmatched = dir.appendingPathComponent("locus-e2e-\(UUID().uuidString).csv")
        defer { for url in [summary, unmatched] { try? FileManager.default.removeItem(at: url) } }
        let result = try LocusBinary.run([
            "geocode", "--quiet", "--postcode-column", "Postcode", "--borough-column", "Borough",
            "--summary-json", summary.path, "--unmatched", unmatched.path, GeocodeBinary.fixture("sample-incidents.csv"),
        ])
        #expect(result.status == 0)
        let decoded = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: summary))
        #expect(decoded.rows == 10)
        let unmatchedRows = try GeocodeBinary.records(String(contentsOf: unmatched, encoding: .utf8))
        // Unmatched means no coordinates: match_type none, or a coarse level whose coordinates were withheld.
        let output = try GeocodeBinary.records(result.stdout)
        let latitude = try #require(output.first?.firstIndex(of: "latitude"))
        #expect(unmatchedRows.count - 1 == output.dropFirst().filter { $0[latitude].isEmpty }.count)
        #expect(unmatchedRows.count - 1 >= decoded.rowsByMatchType["none"] ?? 0)
    }
}
