import Foundation
import Testing
@testable import Locus

/// `locus reproject` run as a user runs it: the built binary on the fixtures.
@Suite struct ReprojectCommandTests {
    static let fixture = "Fixtures/reproject/sample-incidents.csv"
    static let bngToWGS = ["--from", "EPSG:27700", "--to", "EPSG:4326", "--x-column", "easting", "--y-column", "northing"]

    /// PROJ sees only its database, never an OSTN15 grid a user may have installed, and no source pack gives
    /// Locus its grid: results are the Helmert's.
    static let noGridEnvironment: [String: String] = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-nogrid-\(getpid())").path
        PROJ.makeDatabaseOnlyFolder(dir)
        return ["PROJ_DATA": dir, "XDG_DATA_HOME": dir, "HOME": dir, "LOCUS_PACK": dir + "/no-pack.zip"]
    }()

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> LocusBinary.Result {
        try LocusBinary.run(["reproject"] + arguments, stdin: stdin, environment: noGridEnvironment)
    }

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: LocusBinary.repositoryRoot.appendingPathComponent("Fixtures/reproject/" + name),
                   encoding: .utf8)
    }

    @Test func fixtureGivesTheExpectedRowsAndAnHonestSummary() throws {
        let result = try Self.run([Self.fixture] + Self.bngToWGS)
        #expect(result.status == 0, "\(result.stderr)")
        // Checked against `cs2cs -d 8 EPSG:27700 EPSG:4326` (PROJ 9.1.1, no grid).
        #expect(result.stdout == (try Self.fixtureText("sample-incidents.wgs84-helmert.csv")))
        #expect(result.stderr.contains("8 rows: ok 5, empty 1, not_a_number 1, outside_area 1"))
        #expect(result.stderr.contains("OSGB36 to WGS 84 (6), 2 m, no grid: 5 points"))
        #expect(result.stderr.contains("needs uk_os_OSTN15_NTv2_OSGBtoETRS.tif, which was not found"))
        #expect(!result.stderr.contains("operation Inverse of British National Grid + OSGB36 to WGS 84 (9)"),
                "never claims OSTN15 without the grid")
    }

    @Test func badRowsKeepTheirPlaceWithAStatus() throws {
        let result = try Self.run([Self.fixture] + Self.bngToWGS)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.map { $0.split(separator: ",").first! }.dropFirst()
                == ["CAD-0001", "CAD-0002", "CAD-0003", "CAD-0004", "CAD-0005", "CAD-0006", "CAD-0007", "CAD-0008"])
        #expect(lines[5].hasSuffix("Unknown,,,,,empty"))
        #expect(lines[6].hasSuffix("TBC,190000,,,not_a_number"))
        #expect(lines[7].hasSuffix("5320000,164871,,,outside_area"))
    }

    @Test func stdinToStdoutWithAPrefix() throws {
        let input = Data("id,E,N\n1,530624.974,178388.464\n2,,\n".utf8)
        for source in [["-"], []] {
            let result = try Self.run(source + ["--from", "EPSG:27700", "--to", "EPSG:4326", "--x-column", "E",
                                               "--y-column", "N", "--prefix", "wgs84_"], stdin: input)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "id,E,N,wgs84_x,wgs84_y,wgs84_status\n"
                    + "1,530624.974,178388.464,-0.11995054,51.48936459,ok\n2,,,,,empty\n")
        }
    }

    @Test func reprojectsBackToBNGInMetres() throws {
        let input = Data("lon,lat\n-0.11995054,51.48936459\n120,30\n".utf8)
        let result = try Self.run(["--from", "EPSG:4326", "--to", "EPSG:27700", "--x-column", "lon", "--y-column", "lat"],
                                  stdin: input)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0] == ["lon", "lat", "x", "y", "status"])
        #expect(abs(Double(rows[1][2])! - 530624.974) < 0.01 && abs(Double(rows[1][3])! - 178388.464) < 0.01)
        #expect(rows[2] == ["120", "30", "", "", "outside_area"])
    }

    @Test func missingColumnIsAUsageErrorListingTheColumns() throws {
        let result = try Self.run([Self.fixture, "--from", "EPSG:27700", "--to", "EPSG:4326",
                                   "--x-column", "Easting_BNG", "--y-column", "northing"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no column 'Easting_BNG' (--x-column)"))
        #expect(result.stderr.contains("'ref', 'location', 'borough', 'easting', 'northing'"))
    }

    @Test func unusableArgumentsAndInputsHaveTheirExitCodes() throws {
        let unknown = try Self.run([Self.fixture, "--from", "EPSG:27700", "--to", "EPSG:999999",
                                    "--x-column", "easting", "--y-column", "northing"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown target CRS 'EPSG:999999'"))
        let missingFile = try Self.run(["no-such-file.csv"] + Self.bngToWGS)
        #expect(missingFile.status == 66 && missingFile.stderr.contains("cannot open no-such-file.csv"))
        let noColumns = try Self.run(["--from", "EPSG:27700", "--to", "EPSG:4326"])
        #expect(noColumns.status == 64 && noColumns.stderr.contains("--x-column NAME --y-column NAME"))
        let clash = try Self.run(["-", "--from", "EPSG:27700", "--to", "EPSG:4326", "--x-column", "x",
                                  "--y-column", "y"], stdin: Data("x,y\n530000,180000\n".utf8))
        #expect(clash.status == 64 && clash.stderr.contains("--prefix"))
        let empty = try Self.run(["-"] + Self.bngToWGS, stdin: Data())
        #expect(empty.status == 65 && empty.stderr.contains("stdin is empty"))
    }

    @Test func missingPROJDatabaseSaysWhereToPointPROJ() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try LocusBinary.run(
            ["reproject", "--info", "--from", "EPSG:27700", "--to", "EPSG:4326"],
            environment: ["PROJ_DATA": empty.path, "XDG_DATA_HOME": empty.path, "HOME": empty.path,
                          "LOCUS_PACK": empty.path + "/no-pack.zip"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("proj.db was not found"))
    }

    @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("incidents-wgs84.csv")
        let result = try Self.run([Self.fixture, "-o", out.path] + Self.bngToWGS)
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == (try Self.fixtureText("sample-incidents.wgs84-helmert.csv")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["incidents-wgs84.csv"])

        // A failing run leaves the earlier file as it was.
        let failed = try Self.run([Self.fixture, "-o", out.path, "--from", "EPSG:27700", "--to", "EPSG:4326",
                                   "--x-column", "nope", "--y-column", "northing"])
        #expect(failed.status == 64)
        #expect(try String(contentsOf: out, encoding: .utf8) == (try Self.fixtureText("sample-incidents.wgs84-helmert.csv")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["incidents-wgs84.csv"])

        let nowhere = try Self.run([Self.fixture, "-o", "/no/such/dir/out.csv"] + Self.bngToWGS)
        #expect(nowhere.status == 73 && nowhere.stderr.contains("cannot create /no/such/dir/out.csv"))
    }

    @Test func aClosedOutputPipeEndsQuietly() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("locus-e2e-pipe-\(UUID().uuidString).csv")
        var text = "id,easting,northing\n"
        for i in 0..<200_000 { text += "\(i),\(500_000 + i % 60_000),\(160_000 + i % 40_000)\n" }
        try Data(text.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -o pipefail; \"$0\" reproject \"$1\" --from EPSG:27700 --to EPSG:4326 "
                             + "--x-column easting --y-column northing 2>\"$1.err\" | head -n 2 >/dev/null",
                             LocusBinary.url.path, input.path]
        try process.run()
        process.waitUntilExit()
        let stderr = try String(contentsOfFile: input.path + ".err", encoding: .utf8)
        try? FileManager.default.removeItem(atPath: input.path + ".err")
        #expect(process.terminationStatus == 0)
        #expect(!stderr.contains("error"), "\(stderr)")
    }

    @Test func otherDelimitersAndProjectedTargets() throws {
        let result = try Self.run(["--delimiter", ";", "--from", "EPSG:27700", "--to", "EPSG:3857",
                                   "--x-column", "e", "--y-column", "n"], stdin: Data("e;n\n530000;180000\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "e;n;x;y;status\n530000;180000;-14288.295;6710932.763;ok\n")
    }

    @Test func infoSaysWhichOperationsAndWhichGridIsMissing() throws {
        let result = try Self.run(["--info", "--from", "EPSG:27700", "--to", "EPSG:4326"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("source: OSGB36 / British National Grid (EPSG:27700)"))
        #expect(result.stdout.contains("1. Inverse of British National Grid + OSGB36 to WGS 84 (6), 2 m, no grid"))
        #expect(result.stdout.contains("not usable, grid not found:"))
        #expect(result.stdout.contains("projsync --file uk_os_OSTN15_NTv2_OSGBtoETRS.tif"))
        #expect(result.stdout.contains("search paths: "))
    }

    /// The derived London grid in `shared/` (as `SharedData` in LocusTests finds it), nil when absent.
    static let derivedGrid: String? = {
        let env = ProcessInfo.processInfo.environment["LOCUS_SHARED_DIR"] ?? ""
        let shared = env.isEmpty ? LocusBinary.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
            : URL(fileURLWithPath: env)
        let grid = shared.appendingPathComponent("data/london/reprojection/derived-grid").path
        return FileManager.default.fileExists(atPath: grid) ? grid : nil
    }()

    @Test(.enabled(if: derivedGrid != nil, "needs the shared London data at ../shared or $LOCUS_SHARED_DIR"))
    func withTheGridTheSummaryAndInfoSayOSTN15() throws {
        let grid = try #require(Self.derivedGrid)
        let info = try Self.run(["--info", "--from", "EPSG:27700", "--to", "EPSG:4326", "--proj-data", grid])
        #expect(info.stdout.contains("1. Inverse of British National Grid + OSGB36 to WGS 84 (9), 1 m, grid OSTN15_NTv2_OSGBtoETRS.gsb"))
        #expect(!info.stdout.contains("not usable"))
        let result = try Self.run([Self.fixture, "--proj-data", grid] + Self.bngToWGS)
        #expect(result.status == 0)
        #expect(result.stderr.contains("OSGB36 to WGS 84 (9), 1 m, grid OSTN15_NTv2_OSGBtoETRS.gsb: 5 points"))
        #expect(!result.stderr.contains("note:"))
        #expect(result.stdout.contains("CAD-0001,O/S 12 HIGH ST CROYDON,Croydon,532287,164871,-0.1010435"))
    }
}
