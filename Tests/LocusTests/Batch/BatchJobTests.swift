import Foundation
import Testing
@testable import Locus

/// A job from `input` text to a fresh output path, with the grid-reference geocoder.
private struct JobFixture {
    let inputPath = temporaryPath()
    let outputPath = temporaryPath()
    var job = BatchJob()

    init(_ input: [UInt8], configure: (inout BatchJob) -> Void = { _ in }) throws {
        try Data(input).write(to: URL(fileURLWithPath: inputPath))
        job.inputPath = inputPath
        job.outputPath = outputPath
        job.quiet = true
        configure(&job)
    }

    init(_ input: String, configure: (inout BatchJob) -> Void = { _ in }) throws {
        try self.init(Array(input.utf8), configure: configure)
    }

    func run(geocoder: any Geocoding = GridReferenceGeocoder()) -> BatchOutcome {
        job.run { (geocoder, "test-gazetteer 1") }
    }

    var output: String? { FileManager.default.contents(atPath: outputPath).map { String(decoding: $0, as: UTF8.self) } }

    /// Files left beside the output whose names start with `.<output name>.tmp-`.
    var temporaryFiles: [String] {
        let url = URL(fileURLWithPath: outputPath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(".\(url.lastPathComponent).tmp-") }
    }

    func remove() {
        for path in [inputPath, outputPath] { try? FileManager.default.removeItem(atPath: path) }
    }
}

@Suite struct BatchJobTests {
    @Test func aSuccessfulRunReplacesTheTargetAndWritesTheSummaryJSON() throws {
        let summaryPath = temporaryPath(".json"), unmatchedPath = temporaryPath()
        let fixture = try JobFixture("address\n530000 180000\nNO\n") {
            $0.summaryJSONPath = summaryPath
            $0.unmatchedPath = unmatchedPath
        }
        defer {
            fixture.remove()
            for path in [summaryPath, unmatchedPath] { try? FileManager.default.removeItem(atPath: path) }
        }
        try Data("OLD".utf8).write(to: URL(fileURLWithPath: fixture.outputPath))
        #expect(fixture.run() == .completed)
        #expect(fixture.output?.hasPrefix("address,latitude,") == true)
        #expect(fixture.temporaryFiles.isEmpty)
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: URL(fileURLWithPath: summaryPath)))
        #expect(summary.rows == 2 && summary.gazetteerVersion == "test-gazetteer 1")
        #expect(summary.rowsByMatchType["none"] == 1 && summary.output == fixture.outputPath)
        let unmatched = try String(contentsOfFile: unmatchedPath, encoding: .utf8)
        #expect(unmatched.split(separator: "\n").count == 2)
    }

    @Test func aFailedRunLeavesTheTargetUntouchedAndNoTemporaryFile() throws {
        // 50,000 good rows, then invalid UTF-8: the run fails after output has been written.
        var input = Array("id,address\n".utf8)
        for i in 0..<50_000 { input += Array("\(i),530000 180000\n".utf8) }
        input += [0x31, 0x2C, 0xE9, 0x0A]
        let fixture = try JobFixture(input) { $0.options.threads = 2 }
        defer { fixture.remove() }
        try Data("OLD".utf8).write(to: URL(fileURLWithPath: fixture.outputPath))
        #expect(fixture.run() == .invalidInput)
        #expect(fixture.output == "OLD")
        #expect(fixture.temporaryFiles.isEmpty)

        let strict = try JobFixture("id,address\n1,x\n2,\"y\"z\n") { $0.options.strict = true }
        defer { strict.remove() }
        #expect(strict.run() == .invalidInput)
        #expect(strict.output == nil && strict.temporaryFiles.isEmpty)
    }

    @Test func everyErrorPathHasItsOutcome() throws {
        let cases: [(String, BatchOutcome, (inout BatchJob) -> Void)] = [
            ("address\nx\n", .inputUnavailable, { $0.inputPath = "/nonexistent/in.csv" }),
            ("address\nx\n", .inputUnavailable, { $0.inputPath = "/tmp" }),
            ("address\nx\n", .outputUncreatable, { $0.outputPath = "/nonexistent/dir/out.csv" }),
            ("address\nx\n", .unusableRequest, { $0.targetCRS = "WGS84" }),
            ("address\nx\n", .unusableRequest, { $0.targetCRS = "EPSG:999999" }),
            ("address\nx\n", .unusableRequest, { $0.options.threads = 0 }),
            ("id,name\n1,x\n", .unusableRequest, { _ in }),
            ("address,lsoa\nx,y\n", .unusableRequest, { $0.options.prefix = "" }),
        ]
        for (input, status, configure) in cases {
            let fixture = try JobFixture(input, configure: configure)
            defer { fixture.remove() }
            #expect(fixture.run() == status, "\(input) \(fixture.job.inputPath) \(String(describing: fixture.job.targetCRS))")
            #expect(fixture.output == nil && fixture.temporaryFiles.isEmpty)
        }
        let noGazetteer = try JobFixture("address\nx\n")
        defer { noGazetteer.remove() }
        let status = noGazetteer.job.run {
            throw BatchError.gazetteerUnavailable(path: "gazetteer/london.sqlite", reason: "no such readable file")
        }
        #expect(status == .gazetteerUnavailable && noGazetteer.output == nil)
        let unknown = thrownError { _ = try CoordinateProjection.proj(targetCRS: "EPSG:999999") }
        #expect(unknown as? BatchError == .unusableCRS(crs: "EPSG:999999", reason: "PROJ does not know EPSG:999999 "
            + "as a coordinate system; give an EPSG code it knows, for example EPSG:3857 (web maps) or EPSG:32630 (UTM 30N)"))
    }

    /// Each error's outcome, and its message in the library's words: no option name (the command line adds
    /// those, tested by the end-to-end tests).
    @Test func outcomesAndMessagesForEachError() {
        let cases: [(any Error, BatchOutcome, String)] = [
            (BatchError.tooFewThreads(0), .unusableRequest, "0 worker threads: give at least 1"),
            (BatchError.malformedCRS("WGS84"), .unusableRequest, "coordinate system WGS84: write it as EPSG:nnnn"),
            (BatchError.unknownColumn(.postcode, name: "pc", available: ["a"]), .unusableRequest,
             "the postcode column pc: no such column; the columns are: \"a\""),
            (BatchError.columnNumberOutOfRange(.location, number: 3, width: 2), .unusableRequest,
             "the location column 3: the input has 2 columns; give a number from 1 to 2"),
            (BatchError.columnNeedsNumber(.borough, name: "b", width: 2), .unusableRequest,
             "the borough column: the input has no header; give its number (1 to 2)"),
            (BatchError.sameOutputFile(first: .rows, firstPath: "a", second: .summary, secondPath: "b", path: "/x/a"),
             .unusableRequest, "the rows output a and the summary output b both name /x/a"),
            (BatchError.refused(reason: "because"), .unusableRequest, "because"),
            (BatchError.columnClash(names: ["lsoa"], inputs: ["lsoa"]), .unusableRequest, "choose another prefix"),
            (BatchError.columnClash(names: ["ward", "lsoa"], inputs: [" Ward", "lsoa"]), .unusableRequest,
             "the added columns ward (input \" Ward\"), lsoa would repeat input column names (compared ignoring case)"),
            (BatchError.malformedRow(input: "in.csv", line: 7, column: 2, problem: "p"), .invalidInput, "in.csv: line 7, column 2: p"),
            (InputError.invalidEncoding(name: "in.csv", line: 3, column: 4, encoding: "utf-8"), .invalidInput,
             "in.csv: line 3, column 4: the text is not valid utf-8"),
            (InputError.cannotOpen(path: "in.csv", reason: "No such file or directory"), .inputUnavailable,
             "cannot open in.csv: No such file or directory"),
            (InputError.readFailed(name: "stdin", reason: "Input/output error"), .ioFailure, "cannot read stdin"),
            (BatchError.gazetteerUnavailable(path: "g.sqlite", reason: "no such readable file"), .gazetteerUnavailable,
             "cannot use the gazetteer g.sqlite: no such readable file"),
            (BatchError.projUnavailable(reason: "PROJ cannot start: proj.db was not found"), .gazetteerUnavailable,
             "PROJ cannot start: proj.db was not found"),
            (BatchError.internalFailure("x"), .internalFailure, "internal error: x"),
            (OutputError.cannotCreate(path: "out.csv", reason: "Permission denied"), .outputUncreatable,
             "cannot create out.csv: Permission denied"),
            (OutputError.writeFailed(name: "out.csv", reason: "No space left on device"), .ioFailure, "cannot write out.csv"),
            (OutputError.brokenPipe, .outputClosed, ""),
            (GazetteerStoreError.missing(path: "g.sqlite"), .gazetteerUnavailable, "no gazetteer at g.sqlite"),
            (GazetteerStoreError.wrongSchema(path: "g.sqlite", found: 1, expected: 2), .gazetteerUnavailable, "rebuild"),
        ]
        for (error, outcome, message) in cases {
            #expect(BatchOutcome(failure: error) == outcome, "\(error)")
            #expect(message.isEmpty || "\(error)".contains(message), "\(error)")
            #expect(!"\(error)".contains("--"), "\(error)")
        }
        #expect(BatchOutcome(failure: nil) == .completed)
        #expect(BatchOutcome.allCases.filter(\.succeeded) == [.completed, .outputClosed])
    }

    /// The summary records the exit status the caller's table gives (none without one) and the caller's message.
    @Test func theSummaryRecordsTheCallersStatusAndMessage() throws {
        for table in [true, false] {
            let summary = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: summary) }
            let fixture = try JobFixture("address\nx\n") { job in
                job.summaryJSONPath = summary
                job.options.threads = 0
                if table { job.exitStatus = { $0 == .unusableRequest ? 64 : 1 } }
                job.describe = { "told: \($0)" }
            }
            defer { fixture.remove() }
            #expect(fixture.run() == .unusableRequest)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as! [String: Any]
            #expect(table ? json["exitStatus"] as? Int == 64 : json["exitStatus"] is NSNull)
            #expect(json["error"] as? String == "told: 0 worker threads: give at least 1")
        }
    }

    @Test func gazetteerVersionFromItsMetadata() {
        let meta = ["schema_version": "3", "built_at": "2026-11-29T01:00:00Z", "content_digest": "1a2b3c4d5e6f7a8b9c"]
        #expect(BatchSummary.gazetteerVersion(meta: meta) == "schema 3, built 2026-11-29T01:00:00Z, digest 1a2b3c4d5e6f")
        #expect(BatchSummary.gazetteerVersion(meta: [:]) == "unknown")
    }

    @Test func optionParsing() throws {
        #expect(TextEncoding(name: "CP1252") == .windows1252 && TextEncoding(name: "ebcdic") == nil)
        #expect(try BatchOptions.parseCRS("epsg:3857") == "EPSG:3857")
        #expect(thrownError { _ = try BatchOptions.parseCRS("EPSG:abc") } as? BatchError != nil)
    }

    /// Kills a real process in the middle of writing its output: the target keeps its old content and the
    /// program's signal handler removes the temporary file with `AtomicOutputFile.removeAllPending()`. The process is this test binary running `interruptedChild`.
    @Test(arguments: [SIGTERM, SIGINT])
    func aKilledRunLeavesTheTargetUntouched(signal: Int32) throws {
        var input = "id,address\n"
        for i in 0..<100_000 { input += "\(i),530000 180000\n" }
        let fixture = try JobFixture(input)
        defer { fixture.remove() }
        try Data("OLD".utf8).write(to: URL(fileURLWithPath: fixture.outputPath))
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--testing-library", "swift-testing", "--filter", "interruptedChild"]
        var environment = ProcessInfo.processInfo.environment
        environment["LOCUS_KILL_TEST_INPUT"] = fixture.inputPath
        environment["LOCUS_KILL_TEST_OUTPUT"] = fixture.outputPath
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let temporary = URL(fileURLWithPath: fixture.outputPath).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: fixture.outputPath).lastPathComponent).tmp-\(child.processIdentifier)").path
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && ((try? FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int) ?? 0) == 0 {
            usleep(10_000)
        }
        #expect(FileManager.default.fileExists(atPath: temporary), "the child never started writing")
        kill(child.processIdentifier, signal)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == signal)
        #expect(fixture.output == "OLD")
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    /// Only runs as the child of `aKilledRunLeavesTheTargetUntouched`: a slow job that is killed midway.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOCUS_KILL_TEST_INPUT"] != nil))
    func interruptedChild() {
        let environment = ProcessInfo.processInfo.environment
        // The library installs no handler; a program does, as `locus` does.
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { sig in
                AtomicOutputFile.removeAllPending()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        var job = BatchJob()
        job.inputPath = environment["LOCUS_KILL_TEST_INPUT"]!
        job.outputPath = environment["LOCUS_KILL_TEST_OUTPUT"]!
        job.quiet = true
        job.options.chunkRows = 50
        _ = job.run { (SlowGeocoder(), "slow") }
    }
}

/// The grid-reference geocoder at a millisecond a row, so a run lasts long enough to be killed.
private struct SlowGeocoder: Geocoding {
    func geocode(_ query: LocationQuery) -> GeocodeResult {
        usleep(1_000)
        return GridReferenceGeocoder().geocode(query)
    }
}
