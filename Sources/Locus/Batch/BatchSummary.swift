import Foundation

/// What a batch run did, for the summary on standard error and `--summary-json`.
public struct BatchSummary: Sendable, Equatable, Codable {
    /// The input file, or `stdin`.
    public var input: String
    /// The output file, or `stdout`.
    public var output: String
    /// Data rows read (the header not counted).
    public var rows: Int
    /// Rows that broke the CSV rules or had another number of fields than the header.
    var malformedRows: Int
    /// Rows per `match_type` value (`none` for unmatched), every level present, with coordinates or not.
    public var rowsByMatchType: [String: Int]
    /// Rows written with coordinates: matched, and precise and sure enough (not `coarse` or `low_score`).
    public var locatedRows: Int
    /// `locatedRows` as a percentage of `rows`, to one decimal: the headline match rate.
    public var locatedPercent: Double
    /// Per `match_type`, the rows written with coordinates (every level present; `none` is always 0).
    public var locatedRowsByMatchType: [String: Int]
    /// Per `match_type`, the rows left without coordinates (`coarse`, `low_score`; all of `none`).
    public var rowsWithoutCoordinatesByMatchType: [String: Int]
    /// The input columns read as the location and as evidence, and how each was chosen.
    public var columns: UsedColumns
    /// What the user should know about the run's choices (several candidate evidence columns).
    public var notes: [String]
    /// Wall seconds the run took.
    public var seconds: Double
    var rowsPerSecond: Double
    /// Worker threads used.
    public var threads: Int
    /// The gazetteer's schema, build time and digest (`gazetteerVersion(meta:)`).
    public var gazetteerVersion: String
    /// The PROJ operation(s) that made the WGS84 (and `--crs`) coordinates.
    public var projOperation: String
    /// The most chunks that were read but not yet written at one time (bounded by the pipeline).
    var peakChunksInFlight: Int
    /// Rows per fault code in `faults` (`not_found`, `coarse`, `csv.too_many_fields`, …).
    public var faultCounts: [String: Int]
    /// The longest one row took to geocode, in seconds (0 with no rows).
    public var slowestRowSeconds: Double
    /// The input line on which that row starts; nil (JSON `null`) with no rows.
    public var slowestRowLine: Int?
    /// When the run started and finished, UTC ISO 8601 (`2026-12-04T02:00:00Z`).
    public var startedAt: String
    /// When it finished (the same form).
    public var finishedAt: String
    /// The run's exit status, as the caller's table gives it (`BatchJob.exitStatus`; `locus geocode`: 0 on
    /// success); a monitor alerts on anything but 0. Nil (JSON `null`) when the caller gave no table.
    public var exitStatus: Int32?
    /// Why the run failed, as printed on standard error; nil (JSON `null`) on success.
    public var error: String?
    /// The version of Locus that ran.
    public var locusVersion: String
    /// False when the gazetteer has no streets (a postcode-only build: far fewer rows located; a warning is
    /// in `notes` too); nil (JSON `null`) when no gazetteer was opened.
    public var gazetteerHasStreets: Bool?

    /// The summary of a run that has not read a row yet (or failed before): nothing counted.
    public init(input: String, output: String, threads: Int, gazetteerVersion: String = "unknown") {
        self.init(
            input: input, output: output, tally: ChunkTally(), columns: UsedColumns(), notes: [], seconds: 0,
            threads: threads, gazetteerVersion: gazetteerVersion, projOperation: "", peakChunksInFlight: 0)
    }

    /// Stamps the run's times, exit status and error.
    mutating func finish(startedAt: Date, finishedAt: Date, exitStatus: Int32?, error: String?) {
        self.startedAt = Self.timestamp(startedAt)
        self.finishedAt = Self.timestamp(finishedAt)
        self.exitStatus = exitStatus
        self.error = error
    }

    /// UTC ISO 8601 to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A summary of the rows counted in `tally`; the other fields as given.
    init(
        input: String, output: String, tally: ChunkTally, columns: UsedColumns, notes: [String], seconds: Double,
        threads: Int, gazetteerVersion: String, projOperation: String, peakChunksInFlight: Int
    ) {
        self.input = input
        self.output = output
        rows = tally.rows
        malformedRows = tally.malformedRows
        rowsByMatchType = ChunkTally.byMatchType(tally.byLevel)
        locatedRowsByMatchType = ChunkTally.byMatchType(tally.locatedByLevel)
        rowsWithoutCoordinatesByMatchType = ChunkTally.byMatchType(zip(tally.byLevel, tally.locatedByLevel).map { $0 - $1 })
        locatedRows = tally.locatedByLevel.reduce(0, +)
        locatedPercent = tally.rows == 0 ? 0 : (1000 * Double(locatedRows) / Double(tally.rows)).rounded() / 10
        self.columns = columns
        self.notes = notes
        self.seconds = seconds
        rowsPerSecond = seconds > 0 ? Double(tally.rows) / seconds : 0
        self.threads = threads
        self.gazetteerVersion = gazetteerVersion
        self.projOperation = projOperation
        self.peakChunksInFlight = peakChunksInFlight
        faultCounts = tally.faultCounts
        slowestRowSeconds = tally.slowestRowSeconds
        slowestRowLine = tally.slowestRowLine
        let now = Self.timestamp(Date())
        startedAt = now
        finishedAt = now
        exitStatus = 0
        error = nil
        locusVersion = LocusInfo.version
    }

    /// Writes every key, `null` for an absent value, as monitoring expects every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(input, forKey: .input)
        try c.encode(output, forKey: .output)
        try c.encode(rows, forKey: .rows)
        try c.encode(malformedRows, forKey: .malformedRows)
        try c.encode(rowsByMatchType, forKey: .rowsByMatchType)
        try c.encode(locatedRows, forKey: .locatedRows)
        try c.encode(locatedPercent, forKey: .locatedPercent)
        try c.encode(locatedRowsByMatchType, forKey: .locatedRowsByMatchType)
        try c.encode(rowsWithoutCoordinatesByMatchType, forKey: .rowsWithoutCoordinatesByMatchType)
        try c.encode(columns, forKey: .columns)
        try c.encode(notes, forKey: .notes)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(rowsPerSecond, forKey: .rowsPerSecond)
        try c.encode(threads, forKey: .threads)
        try c.encode(gazetteerVersion, forKey: .gazetteerVersion)
        try c.encode(projOperation, forKey: .projOperation)
        try c.encode(peakChunksInFlight, forKey: .peakChunksInFlight)
        try c.encode(faultCounts, forKey: .faultCounts)
        try c.encode(slowestRowSeconds, forKey: .slowestRowSeconds)
        try c.encode(slowestRowLine, forKey: .slowestRowLine)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(exitStatus, forKey: .exitStatus)
        try c.encode(error, forKey: .error)
        try c.encode(locusVersion, forKey: .locusVersion)
        try c.encode(gazetteerHasStreets, forKey: .gazetteerHasStreets)
    }

    /// Rows with a match of any level, with coordinates or not.
    var matchedRows: Int { rows - (rowsByMatchType[MatchLevel.none.rawValue] ?? 0) }

    /// The summary as lines of text, for standard error.
    public var text: String {
        let withoutCoordinates = matchedRows - locatedRows
        var lines = [
            "locus geocode: \(rows) row\(rows == 1 ? "" : "s") from \(input) to \(output) in "
                + "\(Self.fixed(seconds, 2)) s (\(Self.fixed(rowsPerSecond, 0)) rows/s, \(threads) thread"
                + "\(threads == 1 ? "" : "s"))",
            "  columns: \(columns.text)",
            "  located \(locatedRows) (\(percent(locatedRows))) with coordinates; matched \(matchedRows) "
                + "(\(percent(matchedRows))), \(withoutCoordinates) of them without coordinates (coarse or low score); "
                + "malformed rows \(malformedRows)",
        ]
        for level in MatchLevel.allCases {
            let count = rowsByMatchType[level.rawValue] ?? 0
            guard count > 0 else { continue }
            var line = "  \(level.rawValue): \(count) (\(percent(count)))"
            if level != .none {
                let located = locatedRowsByMatchType[level.rawValue] ?? 0
                line += ", located \(located), without coordinates \(count - located)"
            }
            lines.append(line)
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
    /// Rows per `MatchLevel.rank`.
    var byLevel = [Int](repeating: 0, count: MatchLevel.allCases.count)
    /// Rows written with coordinates, per `MatchLevel.rank`.
    var locatedByLevel = [Int](repeating: 0, count: MatchLevel.allCases.count)
    /// Rows per fault code.
    var faultCounts: [String: Int] = [:]
    /// The slowest row's geocoding time and its input line (the first such row on a tie).
    var slowestRowSeconds = 0.0
    var slowestRowLine: Int?

    /// Counts a row's fault codes and how long it took.
    mutating func note(faultCodes: [String], seconds: Double, line: Int) {
        for code in faultCodes { faultCounts[code, default: 0] += 1 }
        if slowestRowLine == nil || seconds > slowestRowSeconds {
            slowestRowSeconds = seconds
            slowestRowLine = line
        }
    }

    /// Counts one row's result.
    mutating func count(_ result: GeocodeResult) {
        rows += 1
        byLevel[result.level.rank] += 1
        if result.isMatched { locatedByLevel[result.level.rank] += 1 }
    }

    mutating func add(_ other: ChunkTally) {
        rows += other.rows
        malformedRows += other.malformedRows
        for i in byLevel.indices {
            byLevel[i] += other.byLevel[i]
            locatedByLevel[i] += other.locatedByLevel[i]
        }
        for (code, count) in other.faultCounts { faultCounts[code, default: 0] += count }
        if let line = other.slowestRowLine, slowestRowLine == nil || other.slowestRowSeconds > slowestRowSeconds {
            slowestRowSeconds = other.slowestRowSeconds
            slowestRowLine = line
        }
    }

    /// Counts per `MatchLevel.rank` keyed by `match_type` value.
    static func byMatchType(_ counts: [Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: MatchLevel.allCases.map { ($0.rawValue, counts[$0.rank]) })
    }
}

/// An input column a run reads.
public struct UsedColumn: Sendable, Equatable, Codable {
    /// Its header name; nil with `--no-header`.
    public var name: String?
    /// 1-based.
    public var number: Int
    /// True when Locus found it by its header; false when an option named it.
    public var detected: Bool

    /// A column by its header name (nil without a header) and 1-based number.
    public init(name: String?, number: Int, detected: Bool) {
        self.name = name
        self.number = number
        self.detected = detected
    }

    var text: String {
        let how = detected ? "found by its header" : "given"
        return name.map { "\"\($0)\" (column \(number), \(how))" } ?? "column \(number) (\(how))"
    }

    private enum CodingKeys: String, CodingKey { case name, number, detected }

    /// Writes `name` as `null` rather than leaving it out, as monitoring expects every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(number, forKey: .number)
        try container.encode(detected, forKey: .detected)
    }
}

/// The input columns a run reads as the location and as evidence.
public struct UsedColumns: Sendable, Equatable, Codable {
    /// The location columns, joined in order.
    public var address: [UsedColumn]
    /// The postcode evidence column, or nil (written as `null` in JSON).
    public var postcode: UsedColumn?
    /// The borough evidence column, or nil (written as `null` in JSON).
    public var borough: UsedColumn?

    /// The prefix of the added column names: `--prefix`, else empty, else `locus_` when an input column had an
    /// added column's name.
    public var prefix: String

    /// The columns read, and the prefix of the added ones.
    public init(address: [UsedColumn] = [], postcode: UsedColumn? = nil, borough: UsedColumn? = nil,
                prefix: String = "") {
        self.address = address
        self.postcode = postcode
        self.borough = borough
        self.prefix = prefix
    }

    private enum CodingKeys: String, CodingKey { case address, postcode, borough, prefix }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encode(postcode, forKey: .postcode)
        try container.encode(borough, forKey: .borough)
        try container.encode(prefix, forKey: .prefix)
    }

    var text: String {
        let address = address.isEmpty ? "none" : address.map(\.text).joined(separator: " + ")
        return "address \(address); postcode \(postcode?.text ?? "none"); borough \(borough?.text ?? "none")"
            + (prefix.isEmpty ? "" : "; added columns prefixed \(prefix)")
    }
}
