import Foundation
import Locus
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs `locus geocode` on the matcher's fixture gazetteer (hand-laid Croydon and Richmond streets from
/// `Fixtures/match/`), which the binary itself builds once per test process with `locus gazetteer build` into a
/// temporary folder. The tests never depend on a gazetteer that happens to exist, need nothing from ../shared
/// and never skip.
enum GeocodeBinary {
    static let addedColumns = [
        "latitude", "longitude", "easting", "northing", "match_type", "score", "precision_m", "matched",
        "postcode", "borough", "ward", "lsoa", "faults",
    ]

    /// `Fixtures/batch/<name>`, relative to the repository root (where the binary runs).
    static func fixture(_ name: String) -> String { "Fixtures/batch/\(name)" }

    /// The absolute URL of `Fixtures/batch/<name>`.
    static func fixtureURL(_ name: String) -> URL { LocusBinary.repositoryRoot.appendingPathComponent(fixture(name)) }

    /// The fixture gazetteer's path; the first call builds it through the binary.
    static func gazetteer() throws -> String { try built.get() }

    /// A folder of this test process's own, removed when the process ends.
    static let scratch: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-\(getpid())")
            try? FileManager.default.removeItem(at: folder)
        }
        return folder
    }()

    /// A new file name in `scratch`.
    static func scratchFile(_ suffix: String) -> URL {
        scratch.appendingPathComponent("\(UUID().uuidString)\(suffix)")
    }

    /// The arguments of `locus gazetteer build` for the sources in `Fixtures/match/`.
    static func buildArguments(output: String) -> [String] {
        let source = { (name: String) in "Fixtures/match/\(name)" }
        return [
            "gazetteer", "build", "-o", output, "--codepoint", source("codepoint-london.csv"),
            "--onspd", source("onspd.csv"), "--area-names", source("boroughs-wards.csv"),
            "--lsoa-names", source("lsoa-names.csv"), "--naptan", source("naptan.csv"),
            "--bus-stops", source("bus-stops.csv"), "--premises", source("fhrs.csv"),
        ]
    }

    struct BuildFailed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "locus gazetteer build exited \(status): \(stderr)" }
    }

    private static let built: Result<String, any Error> = Result {
        let path = scratch.appendingPathComponent("match.sqlite").path
        let result = try LocusBinary.run(buildArguments(output: path))
        guard result.status == 0 else { throw BuildFailed(status: result.status, stderr: result.stderr) }
        return path
    }

    /// `locus geocode --gazetteer <fixture gazetteer> <arguments>`.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> LocusBinary.Result {
        try LocusBinary.run(["geocode", "--gazetteer", try gazetteer()] + arguments, stdin: stdin)
    }

    /// Runs `bash -c "set -o pipefail; <geocode> <command>"` in the repository root, where `<geocode>` is
    /// `locus geocode --gazetteer <fixture gazetteer>`; returns its status, standard error and duration.
    static func shell(_ command: String) throws -> (status: Int32, stderr: String, seconds: Double) {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "set -o pipefail; '\(LocusBinary.url.path)' geocode --gazetteer '\(try gazetteer())' \(command)"]
        shell.currentDirectoryURL = LocusBinary.repositoryRoot
        let errors = Pipe()
        shell.standardError = errors
        let started = Date()
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        return (shell.terminationStatus, message, Date().timeIntervalSince(started))
    }

    /// Parses CSV output back into records with Locus's reader.
    static func records(_ text: String) throws -> [[String]] {
        let url = scratchFile(".csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = CSVReader(source: try ByteSource(path: url.path))
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        return records
    }

    /// One CSV line as RFC 4180 writes it (quoted only when needed, LF at the end); written here apart from
    /// Locus's writer so that the expected output does not come from the code under test.
    static func csvLine(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field in
            let special: Set<Unicode.Scalar> = [delimiter.unicodeScalars.first!, "\"", "\n", "\r"]
            guard field.unicodeScalars.contains(where: special.contains) else {
                return field
            }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: String(delimiter)) + "\n"
    }
}

/// The added columns a row must get, computed in the test process with the library on the same gazetteer file
/// (the matcher, then PROJ) and formatted here, independently of the batch encoder: fixed decimals rounded
/// half away from zero, empty for no value.
final class ExpectedColumns {
    let matcher: Matcher
    let projector: Projector

    init() throws {
        matcher = Matcher(store: try GazetteerStore(path: URL(fileURLWithPath: try GeocodeBinary.gazetteer())))
        projector = try ProjectionSpec.bngToWGS84.makeProjector()
    }

    /// The 13 added values for `query`, after the CSV reader's fault codes `csvFaults`.
    func added(for query: LocationQuery, csvFaults: [String] = []) -> [String] {
        let result = matcher.geocode(query)
        var longitude: Double?, latitude: Double?
        if let e = result.easting, let n = result.northing {
            let point = projector.transform(x: e, y: n)
            longitude = point.x
            latitude = point.y
        }
        // A row without coordinates always says why (issue 16): `not_found` when the matcher gave no fault.
        let reason = latitude == nil && result.faults.isEmpty
            ? [query.text.isEmpty ? "nothing_to_geocode.empty" : "not_found"] : []
        return [
            Self.fixed(latitude, 6), Self.fixed(longitude, 6), Self.fixed(result.easting, 1),
            Self.fixed(result.northing, 1), result.level.rawValue, Self.fixed(result.score, 1),
            Self.fixed(result.precisionMeters, 0), result.matched, result.postcode ?? "", result.borough ?? "",
            result.ward ?? "", result.lsoa ?? "", (csvFaults + result.faults.map(\.code) + reason).joined(separator: ";"),
        ]
    }

    /// The query of a row whose location is `text` (trimmed, as the batch reads it).
    func added(text: String, postcode: String? = nil, borough: String? = nil, csvFaults: [String] = []) -> [String] {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        return added(for: LocationQuery(text: trimmed, postcode: postcode, borough: borough), csvFaults: csvFaults)
    }

    static func fixed(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let scale = pow(10.0, Double(decimals))
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        let text = String(format: "%.\(decimals)f", rounded)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
