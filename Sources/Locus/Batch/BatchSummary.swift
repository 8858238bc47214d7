import Foundation

/// What a batch run did, for the summary on standard error and `--summary-json`.
public struct BatchSummary: Sendable, Equatable, Codable {
    public var input: String
    public var output: String
    /// Data rows read (the header not counted).
    public var rows: Int
    /// Rows that broke the CSV rules or had another number of fields than the header.
    public var malformedRows: Int
    /// Rows per `match_type` value (`none` for unmatched), every level present.
    public var rowsByMatchType: [String: Int]
    public var seconds: Double
    public var rowsPerSecond: Double
    public var threads: Int
    public var gazetteerVersion: String
    public var projOperation: String
    /// The most chunks that were read but not yet written at one time (bounded by the pipeline).
    public var peakChunksInFlight: Int

    /// Rows with a match of any level.
    public var matchedRows: Int { rows - (rowsByMatchType[MatchLevel.none.rawValue] ?? 0) }

    /// The summary as lines of text, for standard error.
    public var text: String {
        var lines = [
            "locus geocode: \(rows) row\(rows == 1 ? "" : "s") from \(input) to \(output) in "
                + "\(Self.fixed(seconds, 2)) s (\(Self.fixed(rowsPerSecond, 0)) rows/s, \(threads) thread"
                + "\(threads == 1 ? "" : "s"))",
            "  matched \(matchedRows) (\(percent(matchedRows))), malformed rows \(malformedRows)",
        ]
        for level in MatchLevel.allCases {
            let count = rowsByMatchType[level.rawValue] ?? 0
            if count > 0 { lines.append("  \(level.rawValue): \(count) (\(percent(count)))") }
        }
        lines.append("  gazetteer: \(gazetteerVersion)")
        lines.append("  projection: \(projOperation)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A gazetteer's version for the summary, from its `meta` table: "schema 3, built 2026-11-29T01:00:00Z,
    /// digest 1a2b3c4d5e6f".
    public static func gazetteerVersion(meta: [String: String]) -> String {
        var parts: [String] = []
        if let schema = meta["schema_version"] { parts.append("schema \(schema)") }
        if let built = meta["built_at"] { parts.append("built \(built)") }
        if let digest = meta["content_digest"] { parts.append("digest \(digest.prefix(12))") }
        return parts.isEmpty ? "unknown" : parts.joined(separator: ", ")
    }

    /// The summary as pretty-printed JSON with sorted keys.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    private func percent(_ count: Int) -> String {
        rows == 0 ? "0.0%" : Self.fixed(100 * Double(count) / Double(rows), 1) + "%"
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Totals carried by each chunk from its worker to the writer, added up in input order.
struct ChunkTally: Sendable {
    var rows = 0
    var malformedRows = 0
    var byLevel = [Int](repeating: 0, count: MatchLevel.allCases.count)

    mutating func add(_ other: ChunkTally) {
        rows += other.rows
        malformedRows += other.malformedRows
        for i in byLevel.indices { byLevel[i] += other.byLevel[i] }
    }

    var rowsByMatchType: [String: Int] {
        Dictionary(uniqueKeysWithValues: MatchLevel.allCases.map { ($0.rawValue, byLevel[$0.rank]) })
    }
}
