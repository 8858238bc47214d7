/// How `locus geocode` writes its rows.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// CSV with the input's delimiter, every input column then the added ones.
    case csv
    /// One JSON object per line.
    case jsonl
    /// A GeoJSON FeatureCollection (WGS84 lon/lat points; unmatched rows have `"geometry": null`).
    case geojson
}

/// A column picked by name (matched exactly, then ignoring case) or by 1-based number.
public struct ColumnSelector: Sendable, Equatable, CustomStringConvertible {
    /// The name or number as given.
    public var text: String
    /// A selector from a name or a 1-based number.
    public init(_ text: String) { self.text = text }
    public var description: String { text }
}

/// Everything a batch run can be told. The defaults are the command's defaults.
public struct BatchOptions: Sendable {
    /// The field delimiter; nil detects it from the first line (comma, tab, semicolon or pipe).
    public var delimiter: UInt8?
    /// The input's text encoding (UTF-8 unless told).
    public var encoding: TextEncoding = .utf8
    /// False when the first row is data (`--no-header`); columns are then picked by number.
    public var hasHeader = true
    /// The location columns, joined in order with ", "; empty picks a column called address or location.
    public var addressColumns: [ColumnSelector] = []
    /// The postcode column, used as evidence; nil finds it by its header (see `detectsEvidenceColumns`).
    public var postcodeColumn: ColumnSelector?
    /// The borough column, used as evidence; nil finds it by its header (see `detectsEvidenceColumns`).
    public var boroughColumn: ColumnSelector?
    /// Without `postcodeColumn` or `boroughColumn`, take the one column whose header names a postcode
    /// (`postcode`, `post code`, `postal code`) or a borough (`borough`, `borough name`, `local authority`,
    /// `local authority name`, `la name`, `lad name`), in any case, spaces, underscores, hyphens and dots
    /// ignored. Never an address column; with several candidates none (and a note). Off with
    /// `--no-evidence-detection`; never with `--no-header`.
    public var detectsEvidenceColumns = true
    /// Told, once the header is read, what the user should know about the columns chosen (for example that
    /// several could be the postcode); the notes are also in the summary.
    public var reportNote: (@Sendable (String) -> Void)?
    /// The text of a note, as told and as in the summary (default: its `description`). A command line gives
    /// one naming its options.
    public var describeNote: @Sendable (BatchNote) -> String = { $0.description }
    /// How the rows are written (CSV unless told).
    public var format: OutputFormat = .csv
    /// Columns added after `faults`, filled from `GeocodeResult.extras` (`locus reverse`).
    public var extraColumns: [String] = []
    /// Prefix for the added column names (`--prefix locus_`). Nil: none, unless an added name would repeat an
    /// input column's (a police.uk extract's `Latitude`, `Postcode`): then `autoPrefix`, with a note.
    public var prefix: String?
    /// The prefix taken on a clash when `prefix` is nil.
    static let autoPrefix = "locus_"
    /// `EPSG:nnnn` for the extra `x, y` columns, or nil.
    public var targetCRS: String?
    /// Worker threads; at least 1.
    public var threads = 1
    /// A malformed row stops the run (exit 65) instead of passing through with a fault.
    public var strict = false
    /// Rows per chunk handed to a worker.
    var chunkRows = 2048
    /// Chunks read but not yet written, at most; bounds memory whatever the input size.
    public var maxChunksInFlight: Int?
    /// Throttled progress lines on standard error (the command sets it when stderr is a terminal).
    var showProgress = false
    /// Shown in the summary: the gazetteer's version (from its metadata).
    public var gazetteerVersion = "unknown"

    /// The command's defaults.
    public init() {}

    /// The bound on chunks in flight actually used.
    var effectiveMaxChunksInFlight: Int { max(2, maxChunksInFlight ?? (2 * threads + 2)) }

    /// Parses a `--crs` value: `EPSG:nnnn` (case-insensitive).
    public static func parseCRS(_ text: String) throws(BatchError) -> String {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].uppercased() == "EPSG", let code = Int(parts[1]), code > 0 else {
            throw .malformedCRS(text)
        }
        return "EPSG:\(code)"
    }
}
