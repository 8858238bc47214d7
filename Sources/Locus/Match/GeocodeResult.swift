/// How precisely a result locates the text, best first. The raw values are the `match_type` output values.
public enum MatchLevel: String, Sendable, CaseIterable, Codable, Comparable {
    /// The text was itself coordinates (a grid reference, an easting and northing, degrees) in London.
    case coordinates
    case address
    case interpolated
    case street
    case junction
    case landmark
    case postcode
    case postcodeSector = "postcode_sector"
    case postcodeDistrict = "postcode_district"
    case locality
    case borough
    case none

    /// Rank for ordering: 0 is the most precise.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: MatchLevel, b: MatchLevel) -> Bool { a.rank < b.rank }
}

/// A named reason a result is less than perfect (`street.spelling`, `postcode.conflict`, `ambiguous`…),
/// with the points it cost.
public struct Fault: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable dotted code, documented in README.
    public var code: String
    /// Points subtracted from the level's award.
    public var penalty: Double

    /// A fault with its code and the points it costs.
    public init(_ code: String, penalty: Double = 0) {
        self.code = code
        self.penalty = penalty
    }

    public var description: String { code }
}

/// What Locus says about one location: where, at what level, how sure, and why not surer.
///
/// The fields are the ones `locus geocode` writes, in the same order.
public struct GeocodeResult: Sendable, Equatable, Codable {
    /// British National Grid (EPSG:27700) metres; nil when unmatched.
    public var easting: Double?
    /// British National Grid northing, metres; nil when unmatched.
    public var northing: Double?
    /// How precisely the text is located (the `match_type` column).
    public var level: MatchLevel
    /// 0–100: the level's award minus the faults' penalties.
    public var score: Double
    /// An honest radius in metres within which the place should lie.
    public var precisionMeters: Double?
    /// What the text was matched to, in words (`12 HIGH STREET, CROYDON`, `CR0 1AB`).
    public var matched: String
    /// The postcode at the point (or matched), canonical spaced form.
    public var postcode: String?
    /// The borough at the point (ONS short name, `Croydon`).
    public var borough: String?
    /// The ward at the point.
    public var ward: String?
    /// The LSOA code at the point (`E01001234`).
    public var lsoa: String?
    /// Why the score is below the level's award (or why there is no match).
    public var faults: [Fault]
    /// Values of the columns a command adds after `faults` (`BatchOptions.extraColumns`), in order; nil for
    /// none (`locus reverse` fills them).
    var extras: [String]?

    /// A result from its parts; the defaults are an unmatched result.
    public init(
        easting: Double? = nil, northing: Double? = nil, level: MatchLevel = .none, score: Double = 0,
        precisionMeters: Double? = nil, matched: String = "", postcode: String? = nil, borough: String? = nil,
        ward: String? = nil, lsoa: String? = nil, faults: [Fault] = []
    ) {
        self.easting = easting
        self.northing = northing
        self.level = level
        self.score = score
        self.precisionMeters = precisionMeters
        self.matched = matched
        self.postcode = postcode
        self.borough = borough
        self.ward = ward
        self.lsoa = lsoa
        self.faults = faults
    }

    /// An unmatched result carrying why.
    public static func unmatched(_ faults: [Fault] = []) -> GeocodeResult {
        GeocodeResult(faults: faults)
    }

    /// True when the result has a point and a level.
    public var isMatched: Bool { easting != nil && northing != nil && level != .none }
}

/// One location to geocode, as a batch row gives it: the text and the optional evidence columns.
public struct LocationQuery: Sendable, Hashable, Codable {
    /// The location as written (several columns joined with ", ").
    public var text: String
    /// A postcode from its own column, used as evidence (not blindly trusted).
    public var postcode: String?
    /// A borough name from its own column (`Richmond upon Thames`), used as evidence.
    public var borough: String?

    /// A query with optional postcode and borough evidence.
    public init(text: String, postcode: String? = nil, borough: String? = nil) {
        self.text = text
        self.postcode = postcode
        self.borough = borough
    }
}

/// Anything that turns a query into a result. The matcher conforms; the batch pipeline depends only on this.
/// Implementations must be safe to call from several threads at once.
public protocol Geocoding: Sendable {
    /// The result for one query.
    func geocode(_ query: LocationQuery) -> GeocodeResult
    /// The first failure to read the data behind the results (a gazetteer read error), or nil: a batch run
    /// stops with it instead of writing rows whose lookups failed. Default: nil.
    func readFailure() -> (any Error)?
}

extension Geocoding {
    /// None: a geocoder that reads no data cannot fail to.
    public func readFailure() -> (any Error)? { nil }
}
