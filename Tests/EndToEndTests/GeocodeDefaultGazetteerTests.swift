import Foundation
import Testing

/// `locus geocode` with no gazetteer named builds the default one first when it is missing, as the README's
/// first command does on a fresh machine. Here the "shared data" folder is the matcher's fixture sources laid
/// out like `shared/data/london`, so the build takes a second and needs no network.
@Suite struct GeocodeDefaultGazetteerTests {
    /// A working folder and a `shared/data/london` of fixture files beside it; returns (work, environment).
    static func freshMachine() throws -> (work: URL, environment: [String: String]) {
        let root = GeocodeBinary.scratchFile("-fresh")
        let london = root.appendingPathComponent("shared/data/london")
        let layout = [
            "postcodes/codepoint-open-london.csv": "codepoint-london.csv", "postcodes/onspd-london.csv": "onspd.csv",
            "areas/boroughs-wards.csv": "boroughs-wards.csv", "areas/lsoa-names.csv": "lsoa-names.csv",
            "stations/naptan-london.csv": "naptan.csv", "busstops/tfl-bus-stops.csv": "bus-stops.csv",
            "addresses/fhrs-london-2020.csv": "fhrs.csv",
        ]
        for (path, fixture) in layout {
            let target = london.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: target, withDestinationURL: LocusBinary.repositoryRoot.appendingPathComponent("Fixtures/match/\(fixture)"))
        }
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["LOCUS_GAZETTEER"] = nil
        environment["LOCUS_SHARED_DIR"] = root.appendingPathComponent("shared").path
        return (work, environment)
    }

    @Test func theDefaultGazetteerIsBuiltWhenMissingThenReused() throws {
        let (work, environment) = try Self.freshMachine()
        let sample = GeocodeBinary.fixtureURL("sample-incidents.csv").path
        let first = try LocusBinary.run(["geocode", sample], environment: environment, directory: work)
        #expect(first.status == 0, "\(first.stderr)")
        let built = work.appendingPathComponent("gazetteer/london.sqlite").path
        #expect(first.stderr.contains("locus: no gazetteer at \(built) yet: building the default one from "))
        #expect(first.stderr.contains("shared/data/london, once"))
        #expect(first.stderr.contains("30 rows from \(sample) to stdout"))
        #expect(FileManager.default.fileExists(atPath: built))
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
        let (work, environment) = try Self.freshMachine()
        let sample = GeocodeBinary.fixtureURL("sample-incidents.csv").path
        let result = try LocusBinary.run(
            ["geocode", "--gazetteer", "gazetteer/london.sqlite", sample], environment: environment, directory: work)
        #expect(result.status == 69)
        #expect(result.stderr.contains("no gazetteer at "))
        #expect(result.stderr.contains("build one with `locus gazetteer build`"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("gazetteer/london.sqlite").path))
    }

    @Test func aDefaultBuildThatFailsExits69() throws {
        var (work, environment) = try Self.freshMachine()
        // The shared folder has Code-Point Open but not the ONS directory the shared layout names.
        let onspd = URL(fileURLWithPath: environment["LOCUS_SHARED_DIR"]!).appendingPathComponent("data/london/postcodes/onspd-london.csv")
        try FileManager.default.removeItem(at: onspd)
        work = work.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let result = try LocusBinary.run(["geocode", GeocodeBinary.fixtureURL("sample-incidents.csv").path],
                                         environment: environment, directory: work)
        #expect(result.status == 69)
        #expect(result.stderr.contains("gazetteer/london.sqlite: it could not be built: the ONSPD source is missing"))
    }
}
