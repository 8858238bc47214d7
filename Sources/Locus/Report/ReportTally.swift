/// Rows and located rows of one group (a match type, a borough, a histogram bin).
struct ReportCount: Sendable, Equatable {
    var rows = 0
    /// Rows written with coordinates.
    var located = 0

    init(rows: Int = 0, located: Int = 0) {
        self.rows = rows
        self.located = located
    }

    mutating func add(located isLocated: Bool) {
        rows += 1
        if isLocated { located += 1 }
    }

    /// Rows left without coordinates.
    var withoutCoordinates: Int { rows - located }
}

/// A text that was not located, with what it came to.
struct ReportTextKey: Sendable, Hashable {
    var text: String
    /// `none` when unmatched; otherwise the level matched without coordinates (coarse or low score).
    var matchType: MatchLevel
    /// The faults written, joined with `;` (empty when none).
    var faults: String
}

/// The located points, in British National Grid metres (32-bit floats: centimetres over London), with the
/// rank of each one's match type. 9 bytes a point, so a million fit in 9 MB.
package struct ReportPoints: Sendable, Equatable {
    /// Located rows' eastings, BNG metres.
    package var eastings: [Float] = []
    /// Located rows' northings, BNG metres.
    package var northings: [Float] = []
    var ranks: [UInt8] = []

    /// Points held.
    package var count: Int { eastings.count }

    mutating func append(easting: Double, northing: Double, level: MatchLevel) {
        eastings.append(Float(easting))
        northings.append(Float(northing))
        ranks.append(UInt8(level.rank))
    }
}

/// Everything a report shows, added up one row at a time (streaming: memory grows with the located points
/// and the distinct texts not located, never with the rows kept).
struct ReportTally: Sendable {
    /// The upper edges (metres, inclusive) of the `precision_m` histogram's bins; a last bin takes the rest.
    static let precisionEdges: [Double] = [25, 50, 100, 150, 250, 400, 1000, 2500, 5000]
    /// The score bands, best first: lower bound and label.
    static let scoreBands: [(lower: Double, label: String)] = [
        (90, "90–100"), (80, "80–89"), (70, "70–79"), (-Double.infinity, "below 70"),
    ]

    private(set) var rows = 0
    private(set) var located = 0
    /// Rows a CSV fault marks as malformed.
    private(set) var malformed = 0
    /// Per `MatchLevel.rank`.
    private(set) var byMatchType = [ReportCount](repeating: ReportCount(), count: MatchLevel.allCases.count)
    /// Matched rows per borough short name.
    private(set) var byBorough: [String: ReportCount] = [:]
    /// Matched rows with no borough.
    private(set) var matchedWithoutBorough = ReportCount()
    /// Matched rows per `precisionEdges` bin (one more than the edges).
    private(set) var precisionBins = [ReportCount](repeating: ReportCount(), count: precisionEdges.count + 1)
    /// Matched rows without a precision.
    private(set) var withoutPrecision = 0
    /// Matched rows per `scoreBands` entry.
    private(set) var scoreBins = [ReportCount](repeating: ReportCount(), count: scoreBands.count)
    /// Rows not located, by text (counted only when `countsTexts`).
    private(set) var texts: [ReportTextKey: Int] = [:]
    /// Located rows lacking easting/northing (not on the map).
    private(set) var locatedOffMap = 0
    private(set) var points = ReportPoints()
    /// False for a report without location texts: they are then not even counted.
    let countsTexts: Bool

    init(countsTexts: Bool = true) {
        self.countsTexts = countsTexts
    }

    /// Matched rows: any level but `none`, with coordinates or not.
    var matched: Int { rows - byMatchType[MatchLevel.none.rank].rows }

    /// Adds one row.
    mutating func add(_ row: ReportRow) {
        rows += 1
        let isLocated = row.hasCoordinates
        if isLocated { located += 1 }
        if row.isMalformed { malformed += 1 }
        byMatchType[row.matchType.rank].add(located: isLocated)
        if row.matchType != .none {
            if let borough = row.borough {
                byBorough[borough, default: ReportCount()].add(located: isLocated)
            } else {
                matchedWithoutBorough.add(located: isLocated)
            }
            if let precision = row.precision {
                let bin = Self.precisionEdges.firstIndex { precision <= $0 } ?? Self.precisionEdges.count
                precisionBins[bin].add(located: isLocated)
            } else {
                withoutPrecision += 1
            }
            let score = row.score ?? 0
            scoreBins[Self.scoreBands.firstIndex { score >= $0.lower }!].add(located: isLocated)
        }
        if isLocated {
            if let easting = row.easting, let northing = row.northing {
                points.append(easting: easting, northing: northing, level: row.matchType)
            } else {
                locatedOffMap += 1
            }
        } else if countsTexts {
            let key = ReportTextKey(text: row.text, matchType: row.matchType, faults: row.faults.joined(separator: ";"))
            texts[key, default: 0] += 1
        }
    }

    /// The `limit` most frequent texts not located, most frequent first (ties by text, then match type).
    func topTexts(_ limit: Int) -> [(key: ReportTextKey, count: Int)] {
        texts.map { (key: $0.key, count: $0.value) }
            .sorted {
                if $0.count != $1.count { return $0.count > $1.count }
                if $0.key.text != $1.key.text { return $0.key.text < $1.key.text }
                if $0.key.matchType != $1.key.matchType { return $0.key.matchType < $1.key.matchType }
                return $0.key.faults < $1.key.faults
            }
            .prefix(limit).map { $0 }
    }

    /// The label of precision bin `index` (metres): `≤25`, `25–50`, …, `1k–2.5k`, `>5k`.
    static func precisionLabel(_ index: Int) -> String {
        func metres(_ value: Double) -> String {
            guard value >= 1000 else { return String(Int(value)) }
            let thousands = value / 1000
            return (thousands == thousands.rounded() ? String(Int(thousands)) : String(thousands)) + "k"
        }
        if index == 0 { return "≤" + metres(precisionEdges[0]) }
        if index >= precisionEdges.count { return ">" + metres(precisionEdges.last!) }
        return metres(precisionEdges[index - 1]) + "–" + metres(precisionEdges[index])
    }
}
