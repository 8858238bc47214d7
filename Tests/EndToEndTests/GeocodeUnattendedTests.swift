import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs a bash script in the repository root with `GEOCODE` set to `locus geocode --gazetteer <fixture>`.
enum UnattendedShell {
    static func run(_ script: String) throws -> LocusBinary.Result {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "GEOCODE() { \"$LOCUS_BIN\" geocode --gazetteer \"$LOCUS_GAZ\" \"$@\"; }\n" + script]
        shell.currentDirectoryURL = LocusBinary.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["LOCUS_BIN"] = LocusBinary.url.path
        environment["LOCUS_GAZ"] = try GeocodeBinary.gazetteer()
        shell.environment = environment
        let out = GeocodeBinary.scratchFile(".out"), err = GeocodeBinary.scratchFile(".err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        shell.standardOutput = try FileHandle(forWritingTo: out)
        shell.standardError = try FileHandle(forWritingTo: err)
        try shell.run()
        shell.waitUntilExit()
        return LocusBinary.Result(
            status: shell.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// `stat` of a path, following links or not.
    static func info(_ path: String, follow: Bool = true) -> stat? {
        var info = stat()
        return (follow ? stat(path, &info) : lstat(path, &info)) == 0 ? info : nil
    }

    /// The names in `folder` (temporary files included).
    static func names(_ folder: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    }

    static func folder() throws -> URL {
        let url = GeocodeBinary.scratchFile("-dir")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Issue 16, item 1: `-o` onto a symlink, a FIFO, a device or a folder, and the mode and owner of the result.
@Suite struct GeocodeOutputFileTests {
    static let sample = GeocodeBinary.fixture("sample-incidents.csv")

    @Test func aSymlinkIsFollowedAndTheTargetKeepsItsModeAndOwner() throws {
        let folder = try UnattendedShell.folder()
        let target = folder.appendingPathComponent("target.csv"), link = folder.appendingPathComponent("link.csv")
        try Data("OLD\n".utf8).write(to: target)
        chmod(target.path, 0o640)
        let isRoot = getuid() == 0
        if isRoot { chown(target.path, 1234, 2345) }
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.csv")
        let result = try GeocodeBinary.run(["--quiet", "-o", link.path, Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        let linkInfo = try #require(UnattendedShell.info(link.path, follow: false))
        #expect(linkInfo.st_mode & S_IFMT == S_IFLNK, "the link stays a link")
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("Incident Ref,Reported At,Location,"))
        #expect(written.split(separator: "\n").count == 31)
        let info = try #require(UnattendedShell.info(target.path, follow: false))
        #expect(info.st_mode & S_IFMT == S_IFREG)
        #expect(info.st_mode & 0o7777 == 0o640, "mode \(String(info.st_mode & 0o7777, radix: 8))")
        if isRoot { #expect(info.st_uid == 1234 && info.st_gid == 2345) } else { #expect(info.st_uid == getuid()) }
        #expect(UnattendedShell.names(folder) == ["target.csv", "link.csv"], "no temporary file is left")
    }

    @Test func aDanglingSymlinkMakesItsTarget() throws {
        let folder = try UnattendedShell.folder()
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "made.csv")
        let result = try GeocodeBinary.run(["--quiet", "-o", link.path, Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(UnattendedShell.info(link.path, follow: false)!.st_mode & S_IFMT == S_IFLNK)
        #expect(UnattendedShell.info(folder.appendingPathComponent("made.csv").path, follow: false)!.st_mode & S_IFMT == S_IFREG)
    }

    @Test func aNewFileGetsTheUmaskAndAnExistingOneKeepsItsMode() throws {
        let folder = try UnattendedShell.folder()
        let run = try UnattendedShell.run("""
            umask 027; GEOCODE -q -o '\(folder.path)/new.csv' --unmatched '\(folder.path)/un.csv' \
              --summary-json '\(folder.path)/s.json' '\(Self.sample)' &&
            umask 000; touch '\(folder.path)/kept.csv' && chmod 604 '\(folder.path)/kept.csv' &&
            GEOCODE -q -o '\(folder.path)/kept.csv' '\(Self.sample)'
            """)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["new.csv", "un.csv", "s.json"] {
            let mode = UnattendedShell.info(folder.appendingPathComponent(name).path)!.st_mode & 0o7777
            #expect(mode == 0o640, "\(name): \(String(mode, radix: 8))")
        }
        let kept = UnattendedShell.info(folder.appendingPathComponent("kept.csv").path)!
        #expect(kept.st_mode & 0o7777 == 0o604 && kept.st_size > 1000)
    }

    @Test func aFIFOIsWrittenDirectly() throws {
        let folder = try UnattendedShell.folder()
        let fifo = folder.appendingPathComponent("pipe"), copy = folder.appendingPathComponent("copy.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let run = try UnattendedShell.run("""
            cat '\(fifo.path)' > '\(copy.path)' & GEOCODE -q -o '\(fifo.path)' '\(Self.sample)'; status=$?; wait; exit $status
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(UnattendedShell.info(fifo.path, follow: false)!.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        let copied = try String(contentsOf: copy, encoding: .utf8)
        #expect(copied.split(separator: "\n").count == 31)
        #expect(UnattendedShell.names(folder) == ["pipe", "copy.csv"])
    }

    /// A device node of our own (the same device as /dev/full) in a scratch folder: a regression can only
    /// replace the copy, never the machine's /dev/full. Needs root (mknod); skipped otherwise.
    @Test func aDeviceIsWrittenDirectlyAndAWriteErrorExits74() throws {
        let folder = try UnattendedShell.folder()
        let device = folder.appendingPathComponent("full")
        guard let full = UnattendedShell.info("/dev/full"), mknod(device.path, S_IFCHR | 0o666, full.st_rdev) == 0 else { return }
        let summary = folder.appendingPathComponent("s.json")
        let result = try GeocodeBinary.run(["--quiet", "-o", device.path, "--summary-json", summary.path, Self.sample])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(device.path): No space left on device"))
        #expect(UnattendedShell.info(device.path, follow: false)!.st_mode & S_IFMT == S_IFCHR, "still a device")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        #expect(json["exitStatus"] as? Int == 74)
        #expect((json["error"] as? String)?.contains("No space left on device") == true)
        #expect(UnattendedShell.names(folder) == ["full", "s.json"])
    }

    @Test func aFolderAsOutputExits73() throws {
        let folder = try UnattendedShell.folder()
        let result = try GeocodeBinary.run(["--quiet", "-o", folder.path, Self.sample])
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot create \(folder.path): it is a directory"))
        #expect(UnattendedShell.names(folder).isEmpty)
    }
}

/// Issue 16, item 3: the summary JSON is written on every exit, with time, status, version and fault counts,
/// and every output path is checked before the input is read.
@Suite struct GeocodeSummaryJSONTests {
    static let sample = GeocodeBinary.fixture("sample-incidents.csv")

    static func summary(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func isTimestamp(_ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil
    }

    @Test func aSuccessfulRunRecordsTimeStatusVersionFaultsAndTheSlowestRow() throws {
        let folder = try UnattendedShell.folder()
        let out = folder.appendingPathComponent("out.csv"), json = folder.appendingPathComponent("run.json")
        let result = try GeocodeBinary.run(["--quiet", "-o", out.path, "--summary-json", json.path, Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try Self.summary(json)
        #expect(summary["exitStatus"] as? Int == 0)
        #expect(summary.keys.contains("error") && summary["error"] is NSNull)
        #expect(Self.isTimestamp(summary["startedAt"]) && Self.isTimestamp(summary["finishedAt"]))
        #expect((summary["startedAt"] as! String) <= (summary["finishedAt"] as! String))
        let version = try LocusBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(summary["locusVersion"] as? String == version)
        // faultCounts agrees with the faults column of the output.
        let records = try GeocodeBinary.records(String(contentsOf: out, encoding: .utf8))
        let faultsColumn = try #require(records[0].firstIndex(of: "faults"))
        var counted: [String: Int] = [:]
        for record in records.dropFirst() {
            for code in record[faultsColumn].split(separator: ";") { counted[String(code), default: 0] += 1 }
        }
        #expect(!counted.isEmpty)
        #expect(summary["faultCounts"] as? [String: Int] == counted)
        let line = try #require(summary["slowestRowLine"] as? Int)
        #expect(line >= 2 && line <= 31)
        let seconds = try #require(summary["slowestRowSeconds"] as? Double)
        #expect(seconds > 0 && seconds <= (summary["seconds"] as! Double))
    }

    @Test(arguments: [
        (["Fixtures/batch/no-such-file.csv"], 66, "cannot open Fixtures/batch/no-such-file.csv"),
        (["--strict", GeocodeBinary.fixture("ragged.csv")], 65,
         "line 2, column 3: the row has 2 fields where the header has 3 (--strict); fix the row or run without --strict"),
        ([GeocodeBinary.fixture("windows-1252.csv")], 65,
         "not valid utf-8; if the file comes from Windows or Excel, try --encoding windows-1252"),
        (["--format", "xml", GeocodeBinary.fixture("ragged.csv")], 64, "--format: use csv, jsonl or geojson"),
        (["--encoding=ebcdic", GeocodeBinary.fixture("ragged.csv")], 64, "--encoding: use utf-8, windows-1252 or latin-1"),
        (["--delimiter", "::", GeocodeBinary.fixture("ragged.csv")], 64, "--delimiter: use comma, tab, semicolon or pipe"),
        (["--crs", "WGS84", GeocodeBinary.fixture("ragged.csv")], 64, "--crs: write the system as EPSG:nnnn"),
        (["--no-header", "--address-column", "2", "--postcode-column", "pc", GeocodeBinary.fixture("ragged.csv")], 64,
         "--postcode-column: with --no-header, columns are picked by number (1 to 3)"),
        (["--threads", "0", GeocodeBinary.fixture("ragged.csv")], 64, "--threads: give at least 1"),
        (["--address-column", "Street", GeocodeBinary.fixture("ragged.csv")], 64, "no such column"),
        (["--gazetteer", "/nonexistent/g.sqlite", GeocodeBinary.fixture("ragged.csv")], 69, "/nonexistent/g.sqlite"),
    ])
    func aFailedRunReplacesYesterdaysSummary(arguments: [String], status: Int, message: String) throws {
        let folder = try UnattendedShell.folder()
        let out = folder.appendingPathComponent("out.csv"), json = folder.appendingPathComponent("run.json")
        try Data("{\"exitStatus\": 0, \"rows\": 30}\n".utf8).write(to: json)
        let result = try GeocodeBinary.run(["--quiet", "-o", out.path, "--summary-json", json.path] + arguments)
        #expect(result.status == Int32(status), "\(result.stderr)")
        let summary = try Self.summary(json)
        #expect(summary["exitStatus"] as? Int == status)
        let error = try #require(summary["error"] as? String)
        #expect(error.contains(message), "\(error)")
        #expect(result.stderr == "locus geocode: error: \(error)\n")
        #expect(Self.isTimestamp(summary["finishedAt"]) && summary["locusVersion"] is String)
        #expect(UnattendedShell.names(folder) == ["run.json"], "no output and no temporary file")
    }

    @Test func aBadSummaryPathIsFoundBeforeAnyOutputIsWritten() throws {
        let folder = try UnattendedShell.folder()
        let out = folder.appendingPathComponent("out.csv")
        let result = try GeocodeBinary.run(["-o", out.path, "--summary-json", "/nonexistent/dir/run.json", Self.sample])
        #expect(result.status == 73)
        #expect(result.stderr == "locus geocode: error: cannot create /nonexistent/dir/run.json: No such file or directory\n")
        #expect(UnattendedShell.names(folder).isEmpty)
    }

    @Test func twoOutputsNamingTheSameFileExit64() throws {
        let folder = try UnattendedShell.folder()
        let out = folder.appendingPathComponent("out.csv"), link = folder.appendingPathComponent("link.csv")
        let same = try GeocodeBinary.run(["-o", out.path, "--unmatched", out.path, Self.sample])
        #expect(same.status == 64)
        #expect(same.stderr.contains("-o \(out.path) and --unmatched \(out.path) both name \(out.path); "
                                     + "give each output a file of its own"))
        try Data("x\n".utf8).write(to: out)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "out.csv")
        let viaLink = try GeocodeBinary.run(["-o", out.path, "--summary-json", link.path, Self.sample])
        #expect(viaLink.status == 64)
        #expect(viaLink.stderr.contains("--summary-json \(link.path)"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "x\n")
        #expect(UnattendedShell.names(folder) == ["out.csv", "link.csv"])
    }
}

/// Issue 16, item 5: a long row's extra fields go after the added columns, so a reader going by header name
/// (Python's csv.DictReader here) reads every added column's own value.
@Suite struct GeocodeLongRowTests {
    @Test func theAddedColumnsStayUnderTheirHeaders() throws {
        let folder = try UnattendedShell.folder()
        let input = folder.appendingPathComponent("in.csv"), out = folder.appendingPathComponent("out.csv")
        try Data("ref,address,borough_name,crime\nA1,O/S 12 HIGH ST CROYDON,Croydon,Theft\nA2,FLAT 3, 45 RYE LANE,Southwark,Burglary\n".utf8)
            .write(to: input)
        let result = try GeocodeBinary.run(["--quiet", "-o", out.path, input.path])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try UnattendedShell.run("""
            python3 -c 'import csv, sys
            rows = list(csv.DictReader(open(sys.argv[1])))
            for r in rows: print(r["ref"], r["crime"], r["match_type"], r["faults"], r.get(None))' '\(out.path)'
            """)
        guard check.status == 0 || !check.stderr.contains("python3: command not found") else { return }
        #expect(check.status == 0, "\(check.stderr)")
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // The long row: its 5th field (Burglary) is an extra, not the latitude; match_type is a match type.
        let long = lines[1].split(separator: " ", maxSplits: 3).map(String.init)
        #expect(long[0] == "A2" && long[1] == "Southwark")
        #expect(GeocodeBinary.addedColumns.count == 13)
        #expect(["none", "street", "address", "interpolated", "postcode", "postcode_sector", "postcode_district",
                 "locality", "borough", "landmark", "junction"].contains(long[2]), "\(lines[1])")
        #expect(lines[1].contains("csv.too_many_fields") && lines[1].hasSuffix("['Burglary']"), "\(lines[1])")
    }
}

/// Issue 16, item 4: a row without coordinates always carries a reason in `faults`.
@Suite struct GeocodeReasonTests {
    @Test func everyRowWithoutCoordinatesSaysWhy() throws {
        let texts = ["TQ 3003 8001", "KINGS X STN", "M25 J28", "NFA - CALLER UNABLE TO GIVE LOCATION",
                     "UNKNOWN, CALLER HUNG UP", "NFA", "", "ZZZZ QQQQ", "O/S 12 HIGH ST CROYDON"]
        let input = "id,location\n" + texts.enumerated().map { "\($0.offset),\"\($0.element)\"\n" }.joined()
        let result = try GeocodeBinary.run(["--quiet", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try GeocodeBinary.records(result.stdout)
        let latitude = try #require(records[0].firstIndex(of: "latitude"))
        let faults = try #require(records[0].firstIndex(of: "faults"))
        #expect(records.count == texts.count + 1)
        var located = 0
        for record in records.dropFirst() {
            if record[latitude].isEmpty {
                #expect(!record[faults].isEmpty, "\(record)")
            } else {
                located += 1
            }
        }
        #expect(located >= 1, "the High Street row is located on the fixture gazetteer")
        #expect(records[7][faults] == "nothing_to_geocode.empty")
    }
}

/// Issue 16, item 6 (part): the location column is found under the names crime extracts use.
@Suite struct GeocodeAddressHeaderTests {
    @Test(arguments: ["Crime Location", "Incident Location", "Location Description", "Address", "Locus", "crime_location"])
    func theLocationColumnIsFoundByItsHeader(header: String) throws {
        let result = try GeocodeBinary.run(["--quiet", "-"], stdin: Data("Ref,\(header)\n1,O/S 12 HIGH ST CROYDON\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try GeocodeBinary.records(result.stdout)
        let matchType = try #require(records[0].firstIndex(of: "match_type"))
        #expect(records[1][matchType] != "none", "\(records[1])")
    }
}
