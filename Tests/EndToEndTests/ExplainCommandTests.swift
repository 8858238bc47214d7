import Foundation
import Testing

/// `locus explain` on a gazetteer built by `locus gazetteer build` from the matcher's fixture sources.
@Suite struct ExplainCommandTests {
    static let gazetteer: Result<String, Error> = Result {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-e2e-explain-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        let f = { (name: String) in "Fixtures/match/\(name)" }
        let build = try LocusBinary.run([
            "gazetteer", "build", "-o", path, "--codepoint", f("codepoint-london.csv"), "--onspd", f("onspd.csv"),
            "--area-names", f("boroughs-wards.csv"), "--lsoa-names", f("lsoa-names.csv"), "--naptan", f("naptan.csv"),
            "--bus-stops", f("bus-stops.csv"), "--premises", f("fhrs.csv"),
        ])
        guard build.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": build.stderr]) }
        return path
    }

    @Test func printsTheParseTheCandidatesAndTheResult() throws {
        let result = try LocusBinary.run([
            "explain", "--gazetteer", try Self.gazetteer.get(), "--borough", "Croydon", "O/S 12 HIGH ST CROYDON",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("qualifier     outside"))
        #expect(result.stdout.contains("street        HIGH STREET"))
        #expect(result.stdout.contains("  1. "))
        #expect(result.stdout.contains("result: address score 99 at 532300, 165100 (latitude 51.369557, longitude -0.100772) precision_m 125 matched \"12 HIGH STREET\""))
    }

    @Test func jsonCarriesTheTopCandidatesAndTheResult() throws {
        let result = try LocusBinary.run([
            "explain", "--json", "--top", "2", "--gazetteer", try Self.gazetteer.get(), "J/O HIGH ST & PARK LANE",
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(candidates.count == 2)
        let chosen = try #require(object["result"] as? [String: Any])
        #expect(chosen["level"] as? String == "junction")
        #expect(chosen["easting"] as? Double == 532310)
    }

    @Test func aMissingGazetteerExits69() throws {
        let result = try LocusBinary.run(["explain", "--gazetteer", "/nonexistent/g.sqlite", "12 HIGH ST"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("no gazetteer at /nonexistent/g.sqlite: build one with `locus gazetteer build`"))
    }

    /// Issue 16 item 7: the JSON carries the point `locus geocode` writes; the text rounds as the result does,
    /// names the runner-up by rank instead of repeating a candidate, and labels precision_m.
    @Test func explainAgreesWithGeocode() throws {
        let gazetteer = try Self.gazetteer.get()
        for text in ["O/S 12 HIGH ST CROYDON", "J/O HIGH ST & PARK LANE", "12 HIGH ST", "CR0 1NX"] {
            let json = try LocusBinary.run(["explain", "--json", "--gazetteer", gazetteer, text])
            #expect(json.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let result = try #require(object["result"] as? [String: Any])
            let line = "Location\n\"\(text)\"\n"
            let geocoded = try LocusBinary.run(["geocode", "--quiet", "--no-evidence-detection", "--gazetteer", gazetteer, "-"],
                                               stdin: Data(line.utf8))
            let row = try #require(try GeocodeBinary.records(geocoded.stdout).last)
            let latitude = result["latitude"] as? Double, longitude = result["longitude"] as? Double
            #expect(row[1] == (latitude.map { String(format: "%.6f", $0) } ?? ""), "\(text)")
            #expect(row[2] == (longitude.map { String(format: "%.6f", $0) } ?? ""), "\(text)")
            #expect(result.keys.contains("latitude") && result.keys.contains("longitude"))

            let explained = try LocusBinary.run(["explain", "--gazetteer", gazetteer, text]).stdout
            let lines = explained.split(separator: "\n").map(String.init)
            let resultLine = try #require(lines.first { $0.hasPrefix("result: ") })
            #expect(resultLine.contains(" precision_m "), "\(resultLine)")
            #expect(resultLine.contains(" score \(row[6].hasSuffix(".0") ? String(row[6].dropLast(2)) : row[6]) "),
                    "\(resultLine) vs \(row[6])")
            if let runnerUp = lines.first(where: { $0.hasPrefix("runner-up: ") }) {
                let shown = lines.filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isNumber == true }
                    .map { $0.split(separator: ".", maxSplits: 1)[1].dropFirst() }
                #expect(!shown.contains { runnerUp.hasSuffix($0) }, "\(runnerUp) repeats a candidate")
            }
        }
    }
}
