import Foundation
import Locus
import Testing

/// `locus geocode` with no gazetteer named builds the default one first when it is missing, as the README's
/// first command does on a fresh machine: from the source pack, into the per-user data folder (never the
/// working directory), announced on standard error even with `--quiet`. Here the pack (`LOCUS_PACK`) is a
/// folder of the matcher's fixture sources laid out like the London pack, so the build takes a second.
@Suite struct GeocodeDefaultGazetteerTests {
    /// A working folder, a pack folder of fixture files and a data folder; returns (work, environment, data).
    static func freshMachine() throws -> (work: URL, environment: [String: String], data: URL) {
        let root = GeocodeBinary.scratchFile("-fresh")
        let pack = root.appendingPathComponent("pack")
        let layout = [
            "postcodes/codepoint-open-london.csv": "codepoint-london.csv", "postcodes/onspd-london.csv": "onspd.csv",
            "areas/boroughs-wards.csv": "boroughs-wards.csv", "areas/lsoa-names.csv": "lsoa-names.csv",
            "stations/naptan-london.csv": "naptan.csv", "busstops/tfl-bus-stops.csv": "bus-stops.csv",
            "addresses/fhrs-london-2020.csv": "fhrs.csv",
        ]
        for (path, fixture) in layout {
            let target = pack.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: target, withDestinationURL: LocusBinary.repositoryRoot.appendingPathComponent("Fixtures/match/\(fixture)"))
        }
        // The shipped pack's OSTN15 grid, so that this pack reprojects as the shipped one does.
        let grid = pack.appendingPathComponent(SourcePack.ostn15GridPath)
        try FileManager.default.createDirectory(at: grid.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(try SourcePack.member(SourcePack.ostn15GridPath, of: LocusBinary.repositoryRoot
            .appendingPathComponent("gazetteer/london/london-pack.zip"))).write(to: grid)
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["LOCUS_GAZETTEER"] = nil
        environment["LOCUS_PACK"] = pack.path
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        return (work, environment, root.appendingPathComponent("data/locus"))
    }

    @Test func theDefaultGazetteerIsBuiltInTheDataFolderWhenMissingThenReused() throws {
        let (work, environment, data) = try Self.freshMachine()
        let sample = GeocodeBinary.fixtureURL("sample-incidents.csv").path
        let first = try LocusBinary.run(["geocode", "--quiet", sample], environment: environment, directory: work)
        #expect(first.status == 0, "\(first.stderr)")
        let built = data.appendingPathComponent("\(LondonPackEdition.edition).sqlite").path
        // Announced even with --quiet.
        #expect(first.stderr.contains("locus: no gazetteer at \(built) yet: building the default one from the source pack "))
        #expect(first.stderr.contains("locus: built \(built) in "))
        #expect(FileManager.default.fileExists(atPath: built))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("gazetteer").path))
        #expect(try GeocodeBinary.records(first.stdout).count == 31)
        // The same output as from the same sources built by `locus gazetteer build`.
        let named = try GeocodeBinary.run(["--quiet", sample])
        #expect(first.stdout == named.stdout)

        let second = try LocusBinary.run(["geocode", "--quiet", sample], environment: environment, directory: work)
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty)
        #expect(second.stdout == first.stdout)
    }

    @Test func aNamedGazetteerIsNeverBuilt() throws {
        let (work, environment, data) = try Self.freshMachine()
        let sample = GeocodeBinary.fixtureURL("sample-incidents.csv").path
        let result = try LocusBinary.run(
            ["geocode", "--gazetteer", "gazetteer/london.sqlite", sample], environment: environment, directory: work)
        #expect(result.status == 69)
        #expect(result.stderr.contains("no gazetteer at "))
        #expect(result.stderr.contains("build one with `locus gazetteer build`"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("gazetteer/london.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("\(LondonPackEdition.edition).sqlite").path))
    }

    @Test func aDefaultBuildThatFailsExits69() throws {
        let (work, environment, _) = try Self.freshMachine()
        // The pack has Code-Point Open but not the ONS directory the pack layout names.
        try FileManager.default.removeItem(atPath: environment["LOCUS_PACK"]! + "/postcodes/onspd-london.csv")
        let result = try LocusBinary.run(["geocode", GeocodeBinary.fixtureURL("sample-incidents.csv").path],
                                         environment: environment, directory: work)
        #expect(result.status == 69)
        #expect(result.stderr.contains(".sqlite: it could not be built: the ONSPD source is missing"))
    }

    @Test func aGazetteerWithoutStreetsIsSaidOnEveryRunEvenQuiet() throws {
        let output = GeocodeBinary.scratchFile("-postcodes.sqlite").path
        let build = try LocusBinary.run(["gazetteer", "build", "-o", output, "--codepoint",
                                         "Fixtures/match/codepoint-london.csv"])
        #expect(build.status == 0, "\(build.stderr)")
        let summary = GeocodeBinary.scratchFile(".json")
        let run = try LocusBinary.run(["geocode", "--quiet", "--gazetteer", output, "--summary-json", summary.path,
                                       GeocodeBinary.fixtureURL("sample-incidents.csv").path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: the gazetteer \(output) has no streets (a postcode-only build)"))
        // And in the summary, for a monitor (issue 16 item 2).
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        #expect(json["gazetteerHasStreets"] as? Bool == false)
        #expect((json["notes"] as? [String])?.contains { $0.contains("has no streets (a postcode-only build)") } == true)
        // Also with --anonymise, whose geocoder wraps the matcher.
        let anonymised = try LocusBinary.run(["geocode", "--quiet", "--anonymise", "--gazetteer", output,
                                              GeocodeBinary.fixtureURL("sample-incidents.csv").path])
        #expect(anonymised.status == 0, "\(anonymised.stderr)")
        #expect(anonymised.stderr.contains("warning: the gazetteer \(output) has no streets (a postcode-only build)"))
        let full = try GeocodeBinary.run(["--quiet", "--summary-json", summary.path,
                                          GeocodeBinary.fixtureURL("sample-incidents.csv").path])
        #expect(!full.stderr.contains("no streets"))
        let fullJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        #expect(fullJSON["gazetteerHasStreets"] as? Bool == true)
        #expect((fullJSON["notes"] as? [String])?.isEmpty == true)
    }
}
