import Foundation

/// A build that cannot go on; the message names the file and what to do.
public enum GazetteerBuildError: Error, Equatable, CustomStringConvertible {
    case missingSource(what: String, path: String)
    case unreadableSource(path: String, reason: String)
    case unexpectedHeader(path: String, missing: [String])
    case noPostcodes(String)
    case database(String)
    case output(path: String, reason: String)
    case pack(String)
    /// No source pack was found in any of the places a default build looks (`lookedFor`, in order).
    case noPack(lookedFor: [String])
    case projection(String)

    public var description: String {
        switch self {
        case let .missingSource(what, path):
            return "the \(what) source is missing: \(path) does not exist"
        case let .unreadableSource(path, reason):
            return "cannot read \(path): \(reason)"
        case let .unexpectedHeader(path, missing):
            return "\(path): line 1: the header lacks the column(s) \(missing.joined(separator: ", ")); "
                + "is this the right file for that option?"
        case let .noPostcodes(detail):
            return "no London postcode units were read (\(detail)); a gazetteer needs Code-Point Open"
        case let .database(reason):
            return "cannot write the gazetteer: \(reason)"
        case let .output(path, reason):
            return "cannot write \(path): \(reason)"
        case let .pack(reason):
            return reason
        case let .noPack(lookedFor):
            return "no source pack found (looked for \(lookedFor.joined(separator: ", "))); "
                + "set LOCUS_PACK to the path of london-pack.zip"
        case let .projection(reason):
            return "cannot project WGS84 source points to the British National Grid: \(reason)"
        }
    }
}

/// Reads one CSV source: fingerprints it, detects its encoding (UTF-8 with or without BOM, else Windows-1252,
/// which is a superset of printable Latin-1), hands out records and tallies malformed rows in its report.
final class SourceReader {
    private(set) var report: SourceReport
    let path: String
    private let reader: CSVReader
    private(set) var header: [String: Int] = [:]
    let encoding: TextEncoding

    /// Opens `url`; when `hasHeader`, reads the header and checks that every name in `required` is present.
    /// `fingerprint: false` skips the SHA-256 (for zip members: the zip's own digest is recorded instead).
    /// A file of `pack` is read from memory.
    init(url: URL, pack: SourcePack? = nil, displayName: String? = nil, format: String, licence: String,
         hasHeader: Bool, required: [String] = [], fingerprint: Bool = true) throws(GazetteerBuildError) {
        path = url.path
        let packed = pack?.contents(of: url)
        let bytes: [UInt8]
        do {
            bytes = try packed ?? [UInt8](Data(contentsOf: url, options: .mappedIfSafe))
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) {
                throw .missingSource(what: format, path: url.path)
            }
            throw .unreadableSource(path: url.path, reason: "\(error.localizedDescription)")
        }
        encoding = bytes.withUnsafeBufferPointer { TextEncoding.utf8.decode($0) } == nil ? .windows1252 : .utf8
        report = SourceReport(
            name: displayName ?? url.lastPathComponent, format: format, sha256: fingerprint ? SHA256Hasher.hex(bytes) : "",
            licence: licence)
        do {
            let source = packed != nil ? ByteSource(bytes: bytes, name: url.path)
                : try ByteSource(path: url.path)
            reader = CSVReader(source: source, encoding: encoding)
        } catch {
            throw .unreadableSource(path: url.path, reason: error.description)
        }
        if hasHeader {
            guard let first = try nextRecord(countingRow: false) else {
                throw .unexpectedHeader(path: url.path, missing: required)
            }
            for (index, name) in first.fields.enumerated() where header[name] == nil {
                header[name.trimmingCharacters(in: .whitespaces)] = index
            }
            let missing = required.filter { header[$0] == nil }
            if !missing.isEmpty { throw .unexpectedHeader(path: url.path, missing: missing) }
        }
    }

    /// The index of header column `name` (checked at open when it was listed as required).
    func column(_ name: String) -> Int? { header[name] }

    /// The next data record; CSV-level faults are counted as malformed and the record is skipped.
    func next() throws(GazetteerBuildError) -> CSVRecord? {
        while let record = try nextRecord(countingRow: true) {
            if let fault = record.fault {
                report.malformedRow(line: record.line, fault.description)
                continue
            }
            if record.fields.count == 1 && record.fields[0].isEmpty {
                report.rows -= 1  // a blank line is not a row
                continue
            }
            return record
        }
        return nil
    }

    /// Counts a good row deliberately left out.
    func skip() { report.skipped += 1 }

    /// Counts a data row that could not be used.
    func malformed(_ record: CSVRecord, _ reason: String) {
        report.malformedRow(line: record.line, reason)
    }

    private func nextRecord(countingRow: Bool) throws(GazetteerBuildError) -> CSVRecord? {
        do {
            let record = try reader.next()
            if record != nil && countingRow { report.rows += 1 }
            return record
        } catch {
            throw .unreadableSource(path: path, reason: error.description)
        }
    }
}

extension CSVRecord {
    /// The trimmed field at `index`, or "" when the row is short.
    @inline(__always)
    func field(_ index: Int?) -> String {
        guard let index, index < fields.count else { return "" }
        // Most fields start and end with a printable ASCII byte: nothing to trim, and Foundation's trimming
        // (about a microsecond a call, millions of calls a build) is skipped.
        let utf8 = fields[index].utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return fields[index] }
        return fields[index].trimmingCharacters(in: .whitespaces)
    }

    /// The field at `index` as a number, or nil.
    @inline(__always)
    func number(_ index: Int?) -> Double? { Double(field(index)) }
}
