import ArgumentParser
import Foundation
import Locus

/// The CSV options `locus geocode` and `locus reverse` share, and how they go into a `BatchJob`.
struct CSVRunOptions: ParsableArguments {
    @Argument(help: "The CSV to read; standard input when absent or '-'.")
    var input = "-"

    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Output format: csv, jsonl or geojson.")
    var format = OutputFormat.csv

    @Option(help: "Field delimiter: comma, tab, semicolon or pipe (default: detected from the first line).")
    var delimiter: Delimiter?

    @Option(help: "Input encoding: utf-8, windows-1252 or latin-1.")
    var encoding = TextEncoding.utf8

    @Option(help: "Worker threads; the number of active processors unless given.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Stop at the first malformed row (exit 65) instead of passing it through with a fault.")
    var strict = false

    @Flag(name: [.short, .long], help: "No progress and no summary on standard error.")
    var quiet = false

    /// A job reading `input` into `output` with these options; the command sets the rest.
    func job() -> BatchJob {
        var job = BatchJob()
        job.inputPath = input
        job.outputPath = output
        job.quiet = quiet
        job.options.threads = threads
        job.options.strict = strict
        job.options.format = format
        job.options.delimiter = delimiter?.byte
        job.options.encoding = encoding
        job.exitStatus = { ExitStatus.of($0).rawValue }
        job.describe = ErrorMessage.of
        job.options.describeNote = ErrorMessage.of
        return job
    }

    /// Run inside `BatchJob.run(configure:)`: a value ArgumentParser refused (`RefusedValue`) is a usage error
    /// like any other, recorded in the summary.
    func configure(_ options: inout BatchOptions) throws {
        if let refused = RefusedValue.pending { throw BatchError.refused(reason: refused) }
    }
}
