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
        #expect(result.stdout.contains("result: address score 99 at 532300, 165100 precision 125 m matched \"12 HIGH STREET\""))
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
}
