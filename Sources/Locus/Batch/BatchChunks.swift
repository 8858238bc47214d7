/// Rows read together and handed to one worker.
struct RecordChunk: Sendable {
    var records: [CSVRecord]
    /// Input bytes consumed when the chunk was complete, for progress.
    var bytesConsumed: Int
}

/// A chunk's rows encoded for output, with its totals.
struct EncodedChunk: Sendable {
    var bytes: [UInt8] = []
    var unmatchedBytes: [UInt8] = []
    var tally = ChunkTally()
    var bytesConsumed = 0
}

/// The producer side: reads records and groups them into chunks. A chunk goes out when it is full, or as
/// soon as reading on would wait for a pipe, so the first rows of a slow input come out at once. The first
/// chunks are small (64 rows, doubling up to `rowsPerChunk`), so the first rows of a large input come out
/// promptly too and a closed pipe (`| head`) is noticed before much work is done.
final class RecordChunker: @unchecked Sendable {
    // Used by the producer thread only, after being made on the calling thread.
    private let reader: CSVReader
    private var pending: CSVRecord?
    private let width: Int
    private let rowsPerChunk: Int
    /// The size of the next chunk: grows from `firstChunkRows` to `rowsPerChunk`.
    private var chunkTarget: Int
    static let firstChunkRows = 64
    private let strict: Bool
    private let widthSource: String

    init(reader: CSVReader, pending: CSVRecord?, width: Int, rowsPerChunk: Int, strict: Bool, hasHeader: Bool) {
        self.reader = reader
        self.pending = pending
        self.width = width
        self.rowsPerChunk = max(1, rowsPerChunk)
        self.chunkTarget = min(Self.firstChunkRows, self.rowsPerChunk)
        self.strict = strict
        self.widthSource = hasHeader ? "the header" : "the first row"
    }

    func run(_ emit: (RecordChunk) -> Bool) throws {
        var records: [CSVRecord] = []
        records.reserveCapacity(rowsPerChunk)
        if let pending {
            try check(pending)
            records.append(pending)
            self.pending = nil
        }
        let source = reader.source
        while true {
            if !records.isEmpty && (records.count >= chunkTarget || !source.canReadWithoutWaiting()) {
                guard emit(RecordChunk(records: records, bytesConsumed: source.bytesConsumed)) else { return }
                // A fresh array: the last one went out with its chunk (see `CSVReader.next`).
                records = []
                records.reserveCapacity(rowsPerChunk)
                chunkTarget = min(rowsPerChunk, chunkTarget * 2)
            }
            guard let record = try reader.next() else { break }
            try check(record)
            records.append(record)
        }
        if !records.isEmpty { _ = emit(RecordChunk(records: records, bytesConsumed: source.bytesConsumed)) }
    }

    /// Under `--strict`, a malformed row stops the run.
    private func check(_ record: CSVRecord) throws(BatchError) {
        guard strict else { return }
        if let fault = record.fault {
            throw .malformedRow(input: reader.source.name, line: record.line, column: fault.column, problem: fault.problem)
        }
        if record.fields.count != width {
            throw .malformedRow(
                input: reader.source.name, line: record.line, column: min(record.fields.count, width) + 1,
                problem: "the row has \(record.fields.count) fields where \(widthSource) has \(width)")
        }
    }
}

/// The worker side: geocodes, projects and encodes the rows of a chunk.
struct RowProcessor: Sendable {
    let layout: ColumnLayout
    let encoder: RowEncoder
    let projection: CoordinateProjection
    let geocoder: any Geocoding
    let writesUnmatched: Bool

    /// The fault a row left without coordinates gets when the geocoder gave no reason: `nothing_to_geocode.empty`
    /// for an empty location, else `not_found`; nil when the row has coordinates or a reason already. So no row
    /// comes out with empty coordinates and empty `faults`.
    static func reasonWithoutCoordinates(_ result: GeocodeResult, text: String) -> String? {
        guard !result.isMatched, result.faults.isEmpty else { return nil }
        return text.isEmpty ? "nothing_to_geocode.empty" : Scoring.notFound
    }

    /// Rows geocoded between two looks at `isStopping`.
    static let rowsBetweenStopChecks = 64

    /// Geocodes, projects and encodes `chunk`. When `isStopping` turns true midway, returns what it has: the
    /// run is ending and the chunk will not be written.
    func process(_ chunk: RecordChunk, converter: any CoordinateConverter,
                 isStopping: () -> Bool = { false }) -> EncodedChunk {
        var out = EncodedChunk()
        out.bytesConsumed = chunk.bytesConsumed
        var rows: [[String]] = []
        var outcomes: [RowOutcome] = []
        rows.reserveCapacity(chunk.records.count)
        outcomes.reserveCapacity(chunk.records.count)
        var batch = CoordinateBatch()
        var placed: [Int] = []
        var lines: [Int] = [], times: [Double] = []
        let width = layout.width
        for (index, record) in chunk.records.enumerated() {
            if index % Self.rowsBetweenStopChecks == Self.rowsBetweenStopChecks - 1 && isStopping() { return out }
            var fields = record.fields
            var faults: [String] = []
            if let fault = record.fault { faults.append(fault.code) }
            if fields.count < width {
                faults.append("csv.too_few_fields")
                fields.append(contentsOf: repeatElement("", count: width - fields.count))
            } else if fields.count > width {
                faults.append("csv.too_many_fields")
            }
            if !faults.isEmpty { out.tally.malformedRows += 1 }
            let started = monotonicSeconds()
            let query = layout.query(from: fields)
            let result = geocoder.geocode(query)
            let seconds = monotonicSeconds() - started
            lines.append(record.line)
            times.append(seconds)
            for fault in result.faults { faults.append(fault.code) }
            if let reason = Self.reasonWithoutCoordinates(result, text: query.text) { faults.append(reason) }
            if let e = result.easting, let n = result.northing {
                placed.append(outcomes.count)
                batch.append(easting: e, northing: n)
            }
            rows.append(fields)
            outcomes.append(RowOutcome(result: result, faultCodes: faults))
        }
        converter.convert(&batch)
        let hasTarget = projection.targetCRS != nil
        for (i, row) in placed.enumerated() {
            outcomes[row].longitude = batch.longitude[i]
            outcomes[row].latitude = batch.latitude[i]
            if hasTarget {
                outcomes[row].x = batch.x[i]
                outcomes[row].y = batch.y[i]
            }
            if !batch.longitude[i].isFinite { outcomes[row].faultCodes.append("projection.failed") }
        }
        out.bytes.reserveCapacity(chunk.records.count * 160)
        for (index, (fields, outcome)) in zip(rows, outcomes).enumerated() {
            out.tally.note(faultCodes: outcome.faultCodes, seconds: times[index], line: lines[index])
            encoder.encode(fields: fields, outcome: outcome, into: &out.bytes)
            if writesUnmatched && !outcome.isMatched {
                encoder.encode(fields: fields, outcome: outcome, into: &out.unmatchedBytes)
            }
            out.tally.count(outcome.result)
        }
        return out
    }
}
