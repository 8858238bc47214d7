/// Writes RFC 4180 CSV: a field is quoted only when it holds the delimiter, a quote, CR or LF; lines end in LF.
public final class CSVWriter {
    /// Where the records go.
    public let sink: ByteSink
    /// The byte between fields.
    public let delimiter: UInt8

    /// A writer to `sink` (comma-separated unless told).
    public init(sink: ByteSink, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.sink = sink
        self.delimiter = delimiter
    }

    /// Writes one record.
    public func write<C: Collection>(_ fields: C) throws(OutputError) where C.Element == String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        CSVWriter.encode(fields, delimiter: delimiter, into: &bytes)
        try sink.write(bytes)
    }

    /// Appends one encoded record (with its line end) to `bytes`; usable off the writing thread.
    public static func encode<C: Collection>(
        _ fields: C, delimiter: UInt8 = UInt8(ascii: ","), into bytes: inout [UInt8]
    ) where C.Element == String {
        var first = true
        for field in fields {
            if !first { bytes.append(delimiter) }
            first = false
            appendField(field, delimiter: delimiter, into: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one field, quoted when needed.
    @inline(__always)
    static func appendField(_ field: String, delimiter: UInt8, into bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            let quote = UInt8(ascii: "\"")
            let needsQuotes = utf8.contains { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
            if !needsQuotes {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(quote)
            for b in utf8 {
                if b == quote { bytes.append(quote) }
                bytes.append(b)
            }
            bytes.append(quote)
        }
    }

    /// Flushes buffered output.
    func flush() throws(OutputError) { try sink.flush() }
}
