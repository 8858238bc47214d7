import Foundation
import Testing

/// `locus gazetteer build|info` run as a user would.
@Suite struct GazetteerCommandTests {
    static let fixtures = LocusBinary.repositoryRoot.appendingPathComponent("Fixtures/gazetteer")

    @Test func buildFromFixturesThenInfo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-gz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("test.sqlite").path
        func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }
        let build = try LocusBinary.run([
            "gazetteer", "build", "-o", output, "--codepoint", fixture("codepoint-os.zip"),
            "--codepoint", fixture("codepoint-london.csv"), "--onspd", fixture("onspd.csv"),
            "--naptan", fixture("naptan.csv"), "--bus-stops", fixture("bus-stops.csv"),
            "--premises", fixture("fhrs.csv"), "--open-names", fixture("open-names-tq36.csv"),
            "--points", fixture("points.csv"),
        ])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("fhrs.csv: 8 rows, 1 malformed"))
        #expect(build.stdout.contains("fhrs.csv:9: no coordinates and no known postcode"))
        let info = try LocusBinary.run(["gazetteer", "info", output])
        #expect(info.status == 0)
        #expect(info.stdout.contains("schema_version: 1"))
        #expect(info.stdout.contains("codepoint-os.zip [codepoint-os-zip]"))
        #expect(info.stdout.contains("postcode.terminated: 1"))
        #expect(info.stdout.contains("Powered by TfL Open Data"))
    }

    @Test func missingSourceIsNamed() throws {
        let result = try LocusBinary.run([
            "gazetteer", "build", "-o", "/tmp/locus-never-written.sqlite", "--codepoint", "/no/such/codepoint.csv",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the Code-Point Open source is missing: /no/such/codepoint.csv"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/locus-never-written.sqlite"))
    }

    /// A folder laid out like the pack, from the gazetteer fixtures, with a manifest (edition `test-2`).
    static func packFolder(damaging damaged: String? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-pack-\(UUID().uuidString)")
        var files: [[String: Any]] = []
        for (path, fixture) in [("postcodes/codepoint-open-london.csv", "codepoint-london.csv"),
                                ("postcodes/onspd-london.csv", "onspd.csv"), ("areas/boroughs-wards.csv", "boroughs-wards.csv"),
                                ("areas/lsoa-names.csv", "lsoa-names.csv"), ("stations/naptan-london.csv", "naptan.csv"),
                                ("busstops/tfl-bus-stops.csv", "bus-stops.csv"), ("addresses/fhrs-london-2020.csv", "fhrs.csv")] {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let bytes = try Data(contentsOf: fixtures.appendingPathComponent(fixture))
            try (path == damaged ? bytes + Data("x".utf8) : bytes).write(to: target)
            files.append(["path": path, "size": bytes.count, "sha256": try sha256(bytes)])
        }
        try JSONSerialization.data(withJSONObject: ["edition": "test-2", "files": files])
            .write(to: folder.appendingPathComponent("MANIFEST.json"))
        return folder
    }

    /// SHA-256 by `sha256sum`, independent of Locus's own.
    static func sha256(_ data: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("locus-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    @Test func buildFromAPackFolderAndItsHiddenAlias() throws {
        let pack = try Self.packFolder()
        defer { try? FileManager.default.removeItem(at: pack) }
        let output = pack.appendingPathComponent("out/a.sqlite").path
        let build = try LocusBinary.run(["gazetteer", "build", "--sources", pack.path, "-o", output])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("building from the source pack \(pack.path) (edition test-2)"))
        let info = try LocusBinary.run(["gazetteer", "info", output])
        #expect(info.stdout.contains("pack_edition: test-2"))
        let alias = try LocusBinary.run(["gazetteer", "build", "--shared-data", pack.path, "-o", output + "2"])
        #expect(alias.status == 0, "\(alias.stderr)")
        let digest = { (text: String) in text.components(separatedBy: "content digest ").last }
        #expect(digest(alias.stdout) == digest(build.stdout))
        #expect(!(try LocusBinary.run(["gazetteer", "build", "--help"])).stdout.contains("--shared-data"))
    }

    @Test func aDamagedPackIsRefusedNamingTheFile() throws {
        let pack = try Self.packFolder(damaging: "busstops/tfl-bus-stops.csv")
        defer { try? FileManager.default.removeItem(at: pack) }
        let output = pack.appendingPathComponent("never.sqlite").path
        let build = try LocusBinary.run(["gazetteer", "build", "--sources", pack.path, "-o", output])
        #expect(build.status == 65)
        #expect(build.stderr.contains("busstops/tfl-bus-stops.csv in the source pack \(pack.path) is damaged"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let missing = try LocusBinary.run(["gazetteer", "build", "--sources", "/no/such/pack.zip", "-o", output])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("the source pack /no/such/pack.zip does not exist"))
    }

    @Test func infoOnAMissingFileSaysHowToBuild() throws {
        let result = try LocusBinary.run(["gazetteer", "info", "/no/such/gazetteer.sqlite"])
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("locus gazetteer info: error: no gazetteer at /no/such/gazetteer.sqlite"))
        #expect(result.stderr.contains("locus gazetteer build"))
    }
}

