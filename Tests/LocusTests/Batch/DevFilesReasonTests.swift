import Foundation
import Testing

/// Issue 16 item 4 on real data: the built `locus` binary geocodes both dev files (without the borough column)
/// and the sample on the full London gazetteer from the pack; no row comes out with empty coordinates and an
/// empty `faults`.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipMessage))
struct DevFilesReasonTests {
    /// The `locus` executable beside the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("locus")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return TestGazetteer.repository.appendingPathComponent(".build/debug/locus")
    }

    /// Rows (as JSON objects) of `locus geocode --format jsonl` on `input`.
    static func geocode(_ input: URL, _ extra: [String]) throws -> [[String: Any]] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("locus-reasons-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["geocode", "--quiet", "--format", "jsonl", "--gazetteer", try TestGazetteer.london().path,
                             "-o", output.path, input.path] + extra
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test(arguments: ["dev/london-dev.csv", "dev/london-dev-more-kinds.csv", "sample"])
    func noRowWithoutCoordinatesLacksAReason(_ file: String) throws {
        let sample = file == "sample"
        let input = sample ? TestGazetteer.repository.appendingPathComponent("Fixtures/batch/sample-incidents.csv")
            : SharedData.eval(file)
        let rows = try Self.geocode(input, sample ? [] : ["--address-column", "query"])
        #expect(rows.count > 25)
        var without = 0
        for row in rows where !(row["latitude"] is Double) {
            without += 1
            let faults = row["faults"] as? [String] ?? []
            #expect(!faults.isEmpty, "\(row[sample ? "Location" : "query"] ?? "") has no reason")
        }
        #expect(without > 0)
        if sample {
            let reasons = rows.compactMap { ($0["faults"] as? [String])?.first { $0.hasPrefix("nothing_to_geocode.") } }
            #expect(Set(reasons) == ["nothing_to_geocode.no_fixed_abode", "nothing_to_geocode.unknown"])
        }
    }
}
