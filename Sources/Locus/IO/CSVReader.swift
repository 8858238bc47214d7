/// One CSV record as read: its fields, where it started, and what was wrong with it if anything.
public struct CSVRecord: Sendable, Equatable {
    /// The decoded field values, in order.
    public var fields: [String]
    /// The 1-based line of the input on which the record starts (a record with quoted newlines spans several).
    public var line: Int
    /// Set when the record broke the CSV rules; the fields are then Locus's best reading of it.
    public var fault: CSVFault?

    /// A record from its parts.
    public init(fields: [String], line: Int, fault: CSVFault? = nil) {
        self.fields = fields
        self.line = line
        self.fault = fault
    }
}

/// How a record broke the CSV rules (RFC 4180). The record is still returned, so nothing is lost.
public enum CSVFault: Sendable, Equatable, CustomStringConvertible {
    /// A quoted field was still open at the end of the input.
    case unterminatedQuote(column: Int)
    /// Text followed the closing quote of a quoted field (`"abc"def`); it was kept.
    case textAfterClosingQuote(column: Int)

    public var description: String {
        switch self {
        case let .unterminatedQuote(column): return "unterminated quote in column \(column)"
        case let .textAfterClosingQuote(column): return "text after closing quote in column \(column)"
        }
    }

    /// The 1-based column of the field at fault.
    public var column: Int {
        switch self {
        case let .unterminatedQuote(column), let .textAfterClosingQuote(column): return column
        }
    }

    /// What is wrong, in words, without the field's text.
    var problem: String {
        switch self {
        case .unterminatedQuote: return "a quoted field is still open at the end of the input"
        case .textAfterClosingQuote: return "text follows the closing quote of a quoted field"
        }
    }

    /// A short machine-readable code for output columns (`csv.unterminated_quote`).
    public var code: String {
        switch self {
        case .unterminatedQuote: return "csv.unterminated_quote"
        case .textAfterClosingQuote: return "csv.text_after_quote"
        }
    }
}

/// A streaming RFC 4180 CSV reader over bytes: quoted fields with embedded delimiters, quotes and newlines;
/// CRLF, LF or CR line ends; a UTF-8 byte-order mark is skipped. Memory is one buffer plus one record.
public final class CSVReader {
    /// Where the bytes come from.
    public let source: ByteSource
    /// The byte between fields.
    public let delimiter: UInt8
    /// The text encoding the fields are decoded from.
    public let encoding: TextEncoding
    /// The number of records returned so far.
    private(set) var recordsRead = 0

    private var line = 1
    private var started = false
    private var field: [UInt8] = []
    private var fields: [String] = []
    /// The width of the last record, to size the next one's array.
    private var fieldsPerRecord = 8

    /// A reader of `source` (comma-separated UTF-8 unless told).
    public init(source: ByteSource, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8) {
        self.source = source
        self.delimiter = delimiter
        self.encoding = encoding
        field.reserveCapacity(256)
    }

    /// Bytes read while looking for a byte-order mark that turned out not to be one: the first field's start.
    private var carried: [UInt8] = []
    /// A field buffer grown beyond this by one huge field is let go after its record, not kept for the run.
    static let keptFieldCapacity = 1 << 20
    /// At most this many fields are reserved ahead for a record, however wide the last one was.
    static let reservedFields = 1024

    /// Skips a UTF-8 byte-order mark at the very start of the input, byte by byte, so that one split across
    /// reads (a pipe delivering a byte at a time) is skipped too.
    private func skipBOM() throws(InputError) {
        started = true
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var matched = 0
        while matched < bom.count, try source.available() > 0, source.withAvailable({ $0[0] }) == bom[matched] {
            source.consume(1)
            matched += 1
        }
        if matched < bom.count { carried = Array(bom[..<matched]) }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The next record, or nil at the end of the input. Throws only when the input cannot be read or decoded.
    public func next() throws(InputError) -> CSVRecord? {
        if !started { try skipBOM() }
        // A fresh array per record: the last one went out with its record. Emptying the shared array with
        // `removeAll(keepingCapacity:)` kept every old buffer alive to the end of the run (Swift 6.3.1,
        // measured with valgrind massif: about 100 bytes a row).
        fields = []
        fields.reserveCapacity(min(fieldsPerRecord, Self.reservedFields))
        if field.capacity > Self.keptFieldCapacity {
            field = []
            field.reserveCapacity(256)
        } else {
            field.removeAll(keepingCapacity: true)
        }
        let startLine = line
        recordLine = line
        var state = State.fieldStart
        var fault: CSVFault?
        var sawAnything = false
        if !carried.isEmpty {
            field = carried
            carried = []
            state = .unquoted
            sawAnything = true
        }
        let delimiter = self.delimiter
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")

        while true {
            let count = try source.available()
            if count == 0 {
                // End of input.
                if !sawAnything { return nil }
                if state == .quoted {
                    fault = fault ?? .unterminatedQuote(column: fields.count + 1)
                }
                try finishField()
                recordsRead += 1
                fieldsPerRecord = fields.count
                return CSVRecord(fields: fields, line: startLine, fault: fault)
            }
            sawAnything = true
            // Scan the buffered bytes; `used` counts what this pass consumed.
            var endOfRecord = false
            var pendingCR = false
            let used: Int = source.withAvailable { bytes in
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    switch state {
                    case .fieldStart, .unquoted:
                        if b == delimiter {
                            field.isEmpty ? fields.append("") : fields.append(decodeField())
                            state = .fieldStart
                        } else if b == lf || b == cr {
                            endOfRecord = true
                            pendingCR = b == cr
                            return i + 1
                        } else if b == quote && state == .fieldStart {
                            state = .quoted
                        } else {
                            field.append(b)
                            state = .unquoted
                        }
                    case .quoted:
                        // Fast path: copy until the next quote.
                        var j = i
                        while j < bytes.count && bytes[j] != quote {
                            if bytes[j] == lf { line += 1 }
                            j += 1
                        }
                        if j > i { field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
                        if j < bytes.count { state = .quoteInQuoted }
                        i = j
                    case .quoteInQuoted:
                        if b == quote {
                            field.append(quote)
                            state = .quoted
                        } else if b == delimiter {
                            fields.append(decodeField())
                            state = .fieldStart
                        } else if b == lf || b == cr {
                            endOfRecord = true
                            pendingCR = b == cr
                            return i + 1
                        } else {
                            fault = fault ?? .textAfterClosingQuote(column: fields.count + 1)
                            field.append(b)
                            state = .unquoted
                        }
                    }
                    i += 1
                }
                return i
            }
            source.consume(used)
            if endOfRecord {
                line += 1
                if pendingCR, try source.available() > 0,
                   source.withAvailable({ $0[0] == lf }) {
                    source.consume(1)
                }
                try finishField()
                recordsRead += 1
                fieldsPerRecord = fields.count
                return CSVRecord(fields: fields, line: startLine, fault: fault)
            }
        }
    }

    /// Decodes the pending field bytes; invalid text is recorded and replaced, then reported by `finishField`.
    private var decodeError: (line: Int, column: Int)?
    private var recordLine = 1

    @inline(__always)
    private func decodeField() -> String {
        let text = field.withUnsafeBufferPointer { encoding.decode($0) }
        field.removeAll(keepingCapacity: true)
        if let text { return text }
        if decodeError == nil { decodeError = (recordLine, fields.count + 1) }
        return ""
    }

    private func finishField() throws(InputError) {
        fields.append(field.isEmpty ? "" : decodeField())
        if let error = decodeError {
            throw InputError.invalidEncoding(
                name: source.name, line: error.line, column: error.column, encoding: encoding.rawValue)
        }
    }
}
