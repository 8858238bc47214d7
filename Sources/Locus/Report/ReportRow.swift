import Foundation

/// What a report reads of one row `locus geocode` wrote: the location text, the match and its figures.
struct ReportRow: Sendable, Equatable {
    /// The location text (the location columns joined with ", "), empty when the file has none.
    var text: String
    var matchType: MatchLevel
    var score: Double?
    var precision: Double?
    /// British National Grid metres, when the row was written with coordinates.
    var easting: Double?
    var northing: Double?
    /// True when latitude and longitude were written: the row is located.
    var hasCoordinates: Bool
    /// The borough's short name (`Croydon`), when matched in one.
    var borough: String?
    /// Fault codes in the order written.
    var faults: [String]

    init(text: String = "", matchType: MatchLevel, score: Double? = nil, precision: Double? = nil,
                easting: Double? = nil, northing: Double? = nil, hasCoordinates: Bool = false,
                borough: String? = nil, faults: [String] = []) {
        self.text = text
        self.matchType = matchType
        self.score = score
        self.precision = precision
        self.easting = easting
        self.northing = northing
        self.hasCoordinates = hasCoordinates
        self.borough = borough
        self.faults = faults
    }

    /// True when a CSV reader's fault marks the row as malformed (`csv.too_few_fields`…).
    var isMalformed: Bool { faults.contains { $0.hasPrefix("csv.") } }
}

/// The formats `locus geocode` writes and `locus report` reads.
package enum ReportInputFormat: String, Sendable, CaseIterable {
    case csv, jsonl, geojson

    /// The format a file name's extension says (`.jsonl`/`.ndjson`, `.geojson`/`.json`), else nil.
    static func fromExtension(_ path: String) -> ReportInputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "geojson", "json": return .geojson
        case "csv", "tsv", "txt": return .csv
        default: return nil
        }
    }

    /// The format the first bytes of a file suggest: `{` opening a FeatureCollection is GeoJSON, another
    /// `{` JSONL, anything else CSV.
    static func sniff(_ firstLine: [UInt8]) -> ReportInputFormat {
        let text = String(decoding: firstLine.prefix(4096), as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\u{FEFF}" }
        guard trimmed.first == "{" else { return .csv }
        return text.contains("\"FeatureCollection\"") ? .geojson : .jsonl
    }
}

/// Why a report could not be made. Each names the file, and the row or column at fault when there is one.
package enum ReportError: Error, Equatable, CustomStringConvertible {
    /// The number of texts to list (`ReportJob.topTexts`) is below 0.
    case negativeTopTexts(Int)
    /// A text column (`ReportJob.textColumns`) is not in the file.
    case unknownTextColumn(name: String, path: String)
    /// The file has no `match_type` column (written without a header, or not by `locus geocode`).
    case noMatchTypeColumn(path: String)
    /// Several columns end in `match_type`: the prefix (`ReportJob.prefix`) must be given.
    case severalMatchTypeColumns(path: String, names: [String])
    /// An added column is missing with the prefix given (`ReportJob.prefix`), or found.
    case missingAddedColumn(path: String, column: String, givenPrefix: String?)
    /// The file does not have the columns `locus geocode` adds.
    case notGeocodedOutput(path: String, reason: String)
    /// A row cannot be read.
    case badRow(path: String, row: Int, column: String?, reason: String)
    /// The input cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The file given as the summary is JSON but not a batch run's summary (`BatchSummary`).
    case notASummary(path: String)
    /// The summary JSON cannot be read.
    case badSummary(path: String, reason: String)
    /// The gazetteer for the map cannot be read.
    case gazetteerUnavailable(path: String, reason: String)
    /// The report cannot be written.
    case cannotWrite(path: String, reason: String)

    package var description: String {
        switch self {
        case let .negativeTopTexts(count): return "the number of texts to list is \(count): give 0 or more"
        case let .unknownTextColumn(name, path): return "text column: no column \(name) in \(path)"
        case let .noMatchTypeColumn(path):
            return Self.notGeocoded(path, "no match_type column (written without a header? geocode again with a header)")
        case let .severalMatchTypeColumns(path, names):
            return Self.notGeocoded(path, "several match_type columns (\(names.joined(separator: ", "))); give the prefix")
        case let .missingAddedColumn(path, column, givenPrefix):
            return Self.notGeocoded(path, "no \(column) column" + (givenPrefix.map { " (is the prefix \($0) right?)" } ?? ""))
        case let .notGeocodedOutput(path, reason): return Self.notGeocoded(path, reason)
        case let .badRow(path, row, column, reason):
            return "\(path), row \(row)\(column.map { ", column \($0)" } ?? ""): \(reason)"
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .badSummary(path, reason): return "cannot use the summary \(path): \(reason)"
        case let .notASummary(path): return "cannot use the summary \(path): it is not the JSON of a batch run's summary"
        case let .gazetteerUnavailable(path, reason): return "cannot use the gazetteer \(path) for the map: \(reason)"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        }
    }

    /// `path` is not a file `locus geocode` wrote, for `reason`.
    package static func notGeocoded(_ path: String, _ reason: String) -> String {
        "\(path) is not a file locus geocode wrote: \(reason)"
    }
}
