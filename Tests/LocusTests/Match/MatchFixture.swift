import Foundation
@testable import Locus

/// The matcher's fixture gazetteer, built once per test run from `Fixtures/match/` (hand-laid streets in
/// Croydon and Richmond; `make-fixtures.py` there describes every point).
enum MatchFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/match")

    static var sources: GazetteerSources { sources(in: folder) }

    /// The source files of a fixture folder laid out as `Fixtures/match/`.
    static func sources(in folder: URL) -> GazetteerSources {
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        return GazetteerSources(
            codePoint: [file("codepoint-london.csv")], onspd: file("onspd.csv"), areaNames: file("boroughs-wards.csv"),
            lsoaNames: file("lsoa-names.csv"), naptan: file("naptan.csv"), busStops: file("bus-stops.csv"),
            premises: file("fhrs.csv"))
    }

    /// A matcher over the gazetteer built from `Fixtures/<name>/` into its own temporary file (call once per run,
    /// from a static let).
    static func built(from name: String) throws -> Matcher {
        let sources = sources(in: folder.deletingLastPathComponent().appendingPathComponent(name))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-\(name)-fixture-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("fixture.sqlite")
        if !FileManager.default.fileExists(atPath: url.path) { _ = try GazetteerBuilder(sources: sources).build(to: url) }
        return Matcher(store: try GazetteerStore(path: url))
    }

    /// The matcher over the fixture gazetteer.
    static func matcher() throws -> Matcher { try built.get() }

    /// The fixture gazetteer file.
    static func gazetteer() throws -> URL { try file.get() }

    /// A matcher over the fixture's sources as `change` alters them (other stops, stations), built once per
    /// test run into its own file named `name`.
    static func variant(_ name: String, _ change: (inout GazetteerSources) -> Void) throws -> Matcher {
        var changed = sources
        change(&changed)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-\(name)-fixture-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("\(name).sqlite")
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = try GazetteerBuilder(sources: changed).build(to: url)
        }
        return Matcher(store: try GazetteerStore(path: url))
    }

    /// A copy of the fixture's source file `name` with `line` added, in a folder of its own (for `variant`).
    static func amended(_ name: String, adding line: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-amended-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        var text = (try? String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        if !text.hasSuffix("\n") { text += "\n" }
        try? (text + line + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// How far a result's point is from (x, y); infinite when it has none.
    static func distance(_ r: GeocodeResult, _ x: Double, _ y: Double) -> Double {
        guard let e = r.easting, let n = r.northing else { return .infinity }
        return planeDistance(e, n, x, y)
    }

    private static let built: Result<Matcher, Error> = Result {
        Matcher(store: try GazetteerStore(path: try file.get()))
    }

    private static let file: Result<URL, Error> = Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-match-fixture-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("fixture.sqlite")
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = try GazetteerBuilder(sources: sources).build(to: url)
        }
        return url
    }
}
