import Foundation
@testable import Locus

/// Gazetteers built for tests, once per test run and cached between runs under `.build/locus-test-cache/`,
/// keyed by the source files, the schema version and the builder's code (so a change to either rebuilds).
///
/// `TestGazetteer.london()` is the full London gazetteer from the pack in `gazetteer/london/` (the matcher's
/// tests reuse it);
/// `TestGazetteer.fixture()` is a small one from `Fixtures/gazetteer/`.
enum TestGazetteer {
    /// The repository root (holding Package.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let cacheFolder = repository.appendingPathComponent(".build/locus-test-cache")

    /// `Fixtures/gazetteer/<name>`.
    static func fixtureFile(_ name: String) -> URL {
        repository.appendingPathComponent("Fixtures/gazetteer").appendingPathComponent(name)
    }

    /// Every fixture source, one per importer.
    static var fixtureSources: GazetteerSources {
        GazetteerSources(
            codePoint: [fixtureFile("codepoint-london.csv")], onspd: fixtureFile("onspd.csv"),
            areaNames: fixtureFile("boroughs-wards.csv"), lsoaNames: fixtureFile("lsoa-names.csv"),
            naptan: fixtureFile("naptan.csv"), busStops: fixtureFile("bus-stops.csv"),
            premises: fixtureFile("fhrs.csv"), openNames: [fixtureFile("open-names-tq36.csv")],
            points: [fixtureFile("points.csv")])
    }

    /// The London source pack shipped in the repository.
    static let packFile = repository.appendingPathComponent("gazetteer/london/london-pack.zip")

    /// The full London gazetteer built from the shipped pack (no `../shared` needed).
    static func london() throws -> URL { try londonBuild.get() }

    /// The fixture gazetteer.
    static func fixture() throws -> URL { try fixtureBuild.get() }

    private static let londonBuild: Result<URL, Error> = Result {
        try cachedBuild(name: "london", sources: SourcePack(packFile).gazetteerSources)
    }

    private static let fixtureBuild: Result<URL, Error> = Result {
        try cachedBuild(name: "fixture", sources: fixtureSources)
    }

    /// Builds `sources` into the cache unless a build with the same key is there.
    static func cachedBuild(name: String, sources: GazetteerSources) throws -> URL {
        let url = cacheFolder.appendingPathComponent("\(name)-\(try cacheKey(sources)).sqlite")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        _ = try GazetteerBuilder(sources: sources).build(to: url)
        return url
    }

    /// Sizes and modification times of the sources and of the gazetteer code, and the schema version.
    private static func cacheKey(_ sources: GazetteerSources) throws -> String {
        var parts = ["schema \(GazetteerSchema.version)"]
        let code = repository.appendingPathComponent("Sources/Locus")
        var files = sources.pack.map { [$0.location] } ?? sources.allFiles
        if let walker = FileManager.default.enumerator(at: code, includingPropertiesForKeys: nil) {
            // The matcher only reads gazetteers: changing it must not rebuild them.
            for case let file as URL in walker where file.pathExtension == "swift"
                && !file.path.contains("/Sources/Locus/Match/") { files.append(file) }
        }
        for file in files.sorted(by: { $0.path < $1.path }) {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(file.path) \(attributes[.size] ?? 0) \(modified)")
        }
        return String(SHA256Hasher.hex(Array(parts.joined(separator: "\n").utf8)).prefix(16))
    }
}
