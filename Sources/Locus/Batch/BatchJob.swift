import Foundation

/// One `locus geocode` run from paths to exit status: opens the outputs (atomic files, or devices and FIFOs
/// written directly), the input and the geocoder, runs the batch, prints the summary and reports any error on
/// standard error. With `summaryJSONPath`, the summary is written (atomically) on every exit, success or not.
public struct BatchJob {
    /// The input file, or `-` for standard input.
    public var inputPath = "-"
    /// The output file, or nil for standard output.
    public var outputPath: String?
    /// Where unmatched rows also go, or nil.
    public var unmatchedPath: String?
    /// Where the summary is written as JSON, or nil.
    public var summaryJSONPath: String?
    /// No progress and no summary on standard error.
    public var quiet = false
    /// `--crs` as given (`EPSG:3857`), or nil; checked with PROJ before anything is read.
    public var targetCRS: String?
    /// What the batch is told (columns, format, threads…).
    public var options = BatchOptions()
    /// The exit status the summary records for an outcome (`BatchSummary.exitStatus`); nil records none.
    /// A command line gives its own table; the library has none.
    public var exitStatus: ((BatchOutcome) -> Int32)?
    /// The message printed, and recorded in the summary, for a failure (default: its `description`). A command
    /// line gives one naming its options.
    public var describe: (any Error) -> String = { String(describing: $0) }
    /// Put before the lines printed on standard error (`locus geocode: `).
    public var messagePrefix = "locus geocode: "

    /// A job reading standard input to standard output with the default options.
    public init() {}

    /// What the caller's geocoder factory returns: the geocoder and the gazetteer's version for the summary.
    public typealias GeocoderFactory = () throws -> (geocoder: any Geocoding, gazetteerVersion: String)

    /// Runs the job and returns how it ended. Errors are printed (with `describe`), not thrown.
    ///
    /// Order: the summary file is opened first (so that every later failure is recorded in it), then
    /// `configure` adjusts the options (a thrown error is a usage error like any other), the options are
    /// checked, every output is opened (and two naming the same file refused) before the input is opened
    /// or the gazetteer built; then the rows are geocoded.
    public func run(
        configure: (inout BatchOptions) throws -> Void = { _ in }, makeGeocoder: GeocoderFactory
    ) -> BatchOutcome {
        let startedAt = Date()
        var summary = BatchSummary(
            input: inputPath == "-" ? "stdin" : inputPath, output: outputPath ?? "stdout", threads: options.threads)
        var summaryFile: AtomicOutputFile?
        var outputs: [AtomicOutputFile] = []
        defer {
            for file in outputs { file.discard() }
            summaryFile?.discard()
        }
        var failure: (any Error)?
        var streets: (has: Bool, warning: String?)?
        do {
            if let summaryJSONPath { summaryFile = try AtomicOutputFile(targetPath: summaryJSONPath) }
            var options = self.options
            try configure(&options)
            options.targetCRS = try targetCRS.map { (text) throws(BatchError) in try BatchOptions.parseCRS(text) }
            guard options.threads >= 1 else {
                throw BatchError.tooFewThreads(options.threads)
            }
            var outputFile: AtomicOutputFile?, unmatchedFile: AtomicOutputFile?
            if let outputPath, outputPath != "-" { outputFile = try AtomicOutputFile(targetPath: outputPath) }
            if let unmatchedPath { unmatchedFile = try AtomicOutputFile(targetPath: unmatchedPath) }
            outputs = [outputFile, unmatchedFile].compactMap { $0 }
            try Self.checkDistinct([(.rows, outputFile), (.unmatched, unmatchedFile), (.summary, summaryFile)])
            let output = outputFile?.sink ?? ByteSink(fileDescriptor: STDOUT_FILENO, name: "stdout")
            let unmatched = unmatchedFile?.sink
            let projection = try CoordinateProjection.proj(targetCRS: options.targetCRS)
            let input = try ByteSource(path: inputPath)
            let (geocoder, version) = try makeGeocoder()
            // The matcher, also under --anonymise's wrapper.
            if let checked = geocoder as? StoreCheckedGeocoder
                ?? (geocoder as? AnonymisingGeocoder)?.inner as? StoreCheckedGeocoder {
                // Said even with --quiet: a postcode-only gazetteer silently locates far fewer rows.
                streets = (checked.postcodeOnlyWarning == nil, checked.postcodeOnlyWarning)
                if let warning = checked.postcodeOnlyWarning { Self.printError("\(messagePrefix)warning: \(warning)\n") }
            }
            options.gazetteerVersion = version
            options.showProgress = !quiet && isatty(2) == 1
            summary.gazetteerVersion = version
            try BatchGeocoder(options: options, projection: projection)
                .run(input: input, output: output, unmatched: unmatched, geocoder: geocoder, into: &summary)
            for file in outputs { try file.commit() }
        } catch {
            failure = error
            // Writing the summary would overwrite the file another output names: leave both untouched.
            if case BatchError.sameOutputFile = error {
                summaryFile?.discard()
                summaryFile = nil
            }
        }
        summary.output = outputPath ?? "stdout"
        if let streets {
            summary.gazetteerHasStreets = streets.has
            if let warning = streets.warning { summary.notes.append(warning) }
        }
        var outcome = BatchOutcome(failure: failure)
        var message = outcome.succeeded ? nil : failure.map(describe)
        if let summaryFile {
            summary.finish(startedAt: startedAt, finishedAt: Date(), exitStatus: exitStatus?(outcome), error: message)
            do {
                try summaryFile.sink.write(Array(summary.json()) + [0x0A])
                try summaryFile.commit()
            } catch {
                // The run itself may have succeeded; a summary that cannot be written is still a failure.
                if outcome.succeeded {
                    outcome = BatchOutcome(failure: error)
                    message = describe(error)
                }
            }
        }
        if let message {
            Self.printError("\(messagePrefix)error: \(message)\n")
        } else if !quiet && failure == nil {
            // Not after a closed pipe (`| head`): that run ends quietly.
            Self.printError(summary.text)
        }
        return outcome
    }

    /// Refuses two outputs naming the same file (a device such as /dev/null may be named by several).
    private static func checkDistinct(_ outputs: [(output: BatchOutput, file: AtomicOutputFile?)]) throws(BatchError) {
        var seen: [String: (output: BatchOutput, file: AtomicOutputFile)] = [:]
        for case let (output, file?) in outputs where !file.isDirect {
            if let first = seen[file.identity] {
                throw .sameOutputFile(first: first.output, firstPath: first.file.targetPath,
                                      second: output, secondPath: file.targetPath, path: file.resolvedPath)
            }
            seen[file.identity] = (output, file)
        }
    }

    private static func printError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
