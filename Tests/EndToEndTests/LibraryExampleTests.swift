import Foundation
import Locus
import Testing

/// The README's "Use as a library" example, compiled and run here with a plain `import Locus` (so it uses
/// the public API only), and checked to be the README's text line for line.
@Suite struct LibraryExampleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lines between the `README example` markers of this file, without their common indentation.
    static func exampleLines() throws -> [String] {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(source.firstIndex { $0.hasSuffix("// README example begin") })
        let end = try #require(source.firstIndex { $0.hasSuffix("// README example end") })
        let lines = source[(start + 1)..<end]
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }
    }

    /// The first ```swift block after the README's "## Use as a library" heading.
    static func readmeLines() throws -> [String] {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
            .components(separatedBy: "\n")
        let section = try #require(readme.firstIndex(of: "## Use as a library"))
        let open = try #require(readme[section...].firstIndex(of: "```swift"))
        let close = try #require(readme[(open + 1)...].firstIndex(of: "```"))
        return Array(readme[(open + 1)..<close])
    }

    @Test func theReadmeShowsThisFilesExample() throws {
        #expect(try Self.readmeLines() == Self.exampleLines())
    }

    @Test func theExampleRuns() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-library-example-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixtures = Self.repository.appendingPathComponent("Fixtures/match")
        let input = folder.appendingPathComponent("in.csv")
        try "id,location\n1,O/S 12 HIGH ST CROYDON\n".write(to: input, atomically: true, encoding: .utf8)
        func source(_ name: String) -> URL { fixtures.appendingPathComponent(name) }
        let gazetteerURL = folder.appendingPathComponent("fixture.sqlite")
        let inputPath = input.path, outputPath = folder.appendingPathComponent("out.csv").path

        // README example begin
        // Build a gazetteer from source files (once; `locus gazetteer build` does the same from the London pack).
        let sources = GazetteerSources(
            codePoint: [source("codepoint-london.csv")], onspd: source("onspd.csv"),
            areaNames: source("boroughs-wards.csv"), lsoaNames: source("lsoa-names.csv"),
            naptan: source("naptan.csv"), busStops: source("bus-stops.csv"), premises: source("fhrs.csv"))
        let built = try GazetteerBuilder(sources: sources).build(to: gazetteerURL)
        print("gazetteer", built.contentDigest)

        // Open it and geocode one text, with optional postcode and borough evidence.
        let matcher = Matcher(store: try GazetteerStore(path: gazetteerURL))
        let result = matcher.geocode(LocationQuery(text: "O/S 12 HIGH ST CROYDON", postcode: nil, borough: "Croydon"))
        print(result.level, result.matched, result.score, result.faults)

        // The point in British National Grid metres, and in WGS 84 degrees.
        if let easting = result.easting, let northing = result.northing {
            let toWGS84 = try ProjectionSpec.bngToWGS84.makeProjector()
            let wgs84 = toWGS84.transform(x: easting, y: northing)
            print("easting", easting, "northing", northing, "latitude", wgs84.y, "longitude", wgs84.x)
        }

        // Stream a CSV through the same matcher: every row out once, in order, with the result's columns added.
        var job = BatchJob()
        job.inputPath = inputPath
        job.outputPath = outputPath
        job.quiet = true
        job.options.addressColumns = [ColumnSelector("location")]
        let outcome = job.run { (geocoder: matcher, gazetteerVersion: built.contentDigest) }
        print("outcome", outcome)  // .completed, or what kind of failure (BatchOutcome)
        // README example end

        #expect(result.level == .address)
        #expect(result.easting == 532300 && result.northing == 165100)
        let point = try ProjectionSpec.bngToWGS84.makeProjector().transform(x: 532300, y: 165100)
        #expect(abs(point.y - 51.369557) < 0.000001 && abs(point.x - -0.100772) < 0.000001)
        #expect(outcome == .completed)
        let written = try String(contentsOfFile: outputPath, encoding: .utf8).components(separatedBy: "\n")
        #expect(written.count == 3 && written[1].hasPrefix("1,O/S 12 HIGH ST CROYDON,") && written[1].contains("532300"))
    }

    /// The example compiles as a program outside this package would: `swiftc -typecheck` against the built
    /// `Locus` module without this package's name, so the `package` declarations the `locus` command and
    /// the tests use are out of its sight, and only the public API is.
    @Test func theExampleNeedsOnlyThePublicAPI() throws {
        let modules = Self.repository.appendingPathComponent(".build/debug/Modules")
        try #require(FileManager.default.fileExists(atPath: modules.appendingPathComponent("Locus.swiftmodule").path),
                     "no \(modules.path)/Locus.swiftmodule: run `swift build` (default build folder) first")
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-public-api-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = folder.appendingPathComponent("main.swift")
        let example = try Self.exampleLines().map { "    " + $0 }.joined(separator: "\n")
        try """
            import Foundation
            import Locus
            func source(_ name: String) -> URL { URL(fileURLWithPath: name) }
            let gazetteerURL = URL(fileURLWithPath: "g.sqlite")
            let inputPath = "in.csv", outputPath = "out.csv"
            func example() throws {
            \(example)
            }

            """.write(to: program, atomically: true, encoding: .utf8)
        // The C modules Locus imports (PROJ's, SQLite's through GRDB, and its dependencies'), by their maps.
        var maps: [String] = []
        for folder in ["Sources", ".build/checkouts"] {
            let walker = FileManager.default.enumerator(at: Self.repository.appendingPathComponent(folder),
                                                        includingPropertiesForKeys: nil)
            while let file = walker?.nextObject() as? URL {
                if file.lastPathComponent == "module.modulemap" { maps += ["-Xcc", "-fmodule-map-file=\(file.path)"] }
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", program.path, "-I", modules.path] + maps
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the README example does not compile as an outside program:\n\(message)")
    }
}
