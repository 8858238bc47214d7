/// Geocodes a CSV stream: every input row comes out once, in input order, with the added columns; parallel
/// on `options.threads` workers, memory bounded by `options.maxChunksInFlight` chunks whatever the input size.
///
/// ```swift
/// let summary = try BatchGeocoder(options: options, projection: .proj(targetCRS: nil))
///     .run(input: ByteSource(path: "in.csv"), output: sink, unmatched: nil, geocoder: matcher)
/// ```
public struct BatchGeocoder: Sendable {
    /// What the run is told (columns, format, threads…).
    public let options: BatchOptions
    /// How points become WGS84 (and `targetCRS`) coordinates.
    public let projection: CoordinateProjection

    /// A batch geocoder with these options and projection.
    public init(options: BatchOptions, projection: CoordinateProjection) {
        self.options = options
        self.projection = projection
    }

    /// Reads `input` to its end and writes every row to `output` (and unmatched rows also to `unmatched`).
    /// The sinks are flushed, not closed. Throws `BatchError`, `InputError` or `OutputError`
    /// (`BatchOutcome(failure:)` says what kind); `OutputError.brokenPipe` means the reader went away.
    public func run(input: ByteSource, output: ByteSink, unmatched: ByteSink? = nil, geocoder: any Geocoding)
        throws -> BatchSummary
    {
        var summary = BatchSummary(input: input.name, output: output.name, threads: options.threads)
        try run(input: input, output: output, unmatched: unmatched, geocoder: geocoder, into: &summary)
        return summary
    }

    /// As `run(input:output:unmatched:geocoder:)`, filling `summary` with what was done also when it throws
    /// midway (the rows written until then), so that a failed run's summary says how far it got.
    public func run(
        input: ByteSource, output: ByteSink, unmatched: ByteSink? = nil, geocoder: any Geocoding,
        into summary: inout BatchSummary
    ) throws {
        let started = monotonicSeconds()
        var tally = ChunkTally()
        var peak = 0
        var columns = UsedColumns(), notes: [String] = []
        defer {
            summary = BatchSummary(
                input: input.name, output: output.name, tally: tally, columns: columns, notes: notes,
                seconds: monotonicSeconds() - started, threads: options.threads,
                gazetteerVersion: options.gazetteerVersion, projOperation: projection.operation,
                peakChunksInFlight: peak)
        }
        let delimiter = try options.delimiter ?? ColumnLayout.detectDelimiter(firstLine: input.peekLine())
        let reader = CSVReader(source: input, delimiter: delimiter, encoding: options.encoding)
        var firstRecord = try reader.next()
        var header: [String]?
        if options.hasHeader, let record = firstRecord {
            header = record.fields
            firstRecord = nil
        }
        if header != nil || firstRecord != nil {
            let layout = try ColumnLayout(
                header: header, width: (header ?? firstRecord?.fields ?? []).count, options: options,
                inputName: input.name)
            columns = layout.used
            notes = layout.notes.map(options.describeNote)
            for note in notes { options.reportNote?(note) }
            let encoder = RowEncoder(format: options.format, delimiter: delimiter, layout: layout, projection: projection)
            let writers = [output, unmatched].compactMap { $0 }.map { FramedWriter(sink: $0, encoder: encoder) }
            for writer in writers { try writer.begin() }
            let pipeline = OrderedPipeline<RecordChunk, EncodedChunk>(
                threads: options.threads, maxInFlight: options.effectiveMaxChunksInFlight)
            let progress = options.showProgress ? ProgressReporter(totalBytes: input.knownSize) : nil
            // Clears the progress line, also before an error message.
            defer { progress?.finish() }
            let chunker = RecordChunker(
                reader: reader, pending: firstRecord, width: layout.width, rowsPerChunk: options.chunkRows,
                strict: options.strict, hasHeader: options.hasHeader)
            let rowProcessor = RowProcessor(
                layout: layout, encoder: encoder, projection: projection, geocoder: geocoder,
                writesUnmatched: unmatched != nil)
            try pipeline.run(
                produce: { emit in try chunker.run(emit) },
                makeTransform: {
                    let converter = try rowProcessor.projection.makeConverter()
                    return { chunk in
                        rowProcessor.process(chunk, converter: converter, isStopping: { pipeline.isStopping })
                    }
                },
                consume: { chunk, more in
                    // A gazetteer read that failed makes every later row suspect: stop before writing them.
                    if let failure = geocoder.readFailure() { throw failure }
                    try writers[0].write(chunk.bytes, flush: !more)
                    if writers.count > 1 { try writers[1].write(chunk.unmatchedBytes, flush: !more) }
                    tally.add(chunk.tally)
                    progress?.update(rows: tally.rows, bytesConsumed: chunk.bytesConsumed)
                })
            peak = pipeline.peakInFlight
            for writer in writers { try writer.end() }
        } else if options.format == .geojson {
            // An empty input still makes a valid, empty FeatureCollection.
            for sink in [output, unmatched].compactMap({ $0 }) {
                try sink.write(Array("{\"type\":\"FeatureCollection\",\"features\":[]}\n".utf8))
                try sink.flush()
            }
        }
    }
}

/// Writes encoded chunks to one sink with the format's framing (GeoJSON's opening, separators and close).
private final class FramedWriter {
    let sink: ByteSink
    let encoder: RowEncoder
    private var wroteRows = false

    init(sink: ByteSink, encoder: RowEncoder) {
        self.sink = sink
        self.encoder = encoder
    }

    func begin() throws(OutputError) {
        try sink.write(encoder.prologue())
    }

    func write(_ bytes: [UInt8], flush: Bool) throws(OutputError) {
        if !bytes.isEmpty {
            // Each GeoJSON feature starts with a separator; the first one of the file must not.
            let skip = wroteRows ? 0 : encoder.separator.count
            wroteRows = true
            try sink.write(bytes[skip...])
        }
        if flush { try sink.flush() }
    }

    func end() throws(OutputError) {
        try sink.write(encoder.epilogue(wroteRows: wroteRows))
        try sink.flush()
    }
}
