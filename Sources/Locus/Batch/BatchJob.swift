import Foundation

/// One `locus geocode` run from paths to exit status: opens the input, the geocoder and the (atomic) outputs,
/// runs the batch, prints the summary and reports any error on standard error.
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
    public var options = BatchOptions()

    public init() {}

    /// What the caller's geocoder factory returns: the geocoder and the gazetteer's version for the summary.
    public typealias GeocoderFactory = () throws -> (geocoder: any Geocoding, gazetteerVersion: String)

    /// Runs the job and returns the exit status (see `BatchExitCode`). Errors are printed, not thrown.
    public func run(makeGeocoder: GeocoderFactory) -> Int32 {
        var outputs: [AtomicOutputFile] = []
        defer { for file in outputs { file.discard() } }
        do {
            var options = self.options
            options.targetCRS = try targetCRS.map { (text) throws(BatchError) in try BatchOptions.parseCRS(text) }
            guard options.threads >= 1 else {
                throw BatchError.badOption(option: "--threads", reason: "give at least 1")
            }
            let projection = try CoordinateProjection.proj(targetCRS: options.targetCRS)
            let input = try ByteSource(path: inputPath)
            let (geocoder, version) = try makeGeocoder()
            options.gazetteerVersion = version
            options.showProgress = !quiet && isatty(2) == 1
            let output: ByteSink
            if let outputPath, outputPath != "-" {
                let file = try AtomicOutputFile(targetPath: outputPath)
                outputs.append(file)
                output = file.sink
            } else {
                output = ByteSink(fileDescriptor: STDOUT_FILENO, name: "stdout")
            }
            var unmatched: ByteSink?
            if let unmatchedPath {
                let file = try AtomicOutputFile(targetPath: unmatchedPath)
                outputs.append(file)
                unmatched = file.sink
            }
            var summary = try BatchGeocoder(options: options, projection: projection)
                .run(input: input, output: output, unmatched: unmatched, geocoder: geocoder)
            summary.output = outputPath ?? "stdout"
            for file in outputs { try file.commit() }
            if let summaryJSONPath {
                let file = try AtomicOutputFile(targetPath: summaryJSONPath)
                outputs.append(file)
                try file.sink.write(Array(summary.json()) + [0x0A])
                try file.commit()
            }
            if !quiet { Self.printError(summary.text) }
            return BatchExitCode.success.rawValue
        } catch {
            let code = BatchExitCode.forError(error)
            if code != .success { Self.printError("locus geocode: error: \(error)\n") }
            return code.rawValue
        }
    }

    private static func printError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
