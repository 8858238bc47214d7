/// One reading of a query: a place at some level, with the award for that level and the faults against it.
package struct MatchCandidate: Sendable, Equatable, Codable {
    /// The level the reading reaches.
    package var level: MatchLevel
    /// British National Grid metres.
    package var x: Double
    /// British National Grid metres.
    package var y: Double
    /// An honest radius in metres.
    package var precisionMeters: Double
    /// What was matched, in words.
    package var matched: String
    /// Points for the level reached before faults.
    var award: Double
    /// What counts against it.
    package var faults: [Fault]
    /// The postcode of the place matched, when it has one.
    package var postcode: String?
    /// The borough of the place matched.
    package var boroughID: Int64?
    /// A stable identity (`street:123`, `postcode:SW1A 1AA`) for deterministic tie-breaks.
    var key: CandidateKey

    /// The award minus the faults' penalties, within 0–100.
    package var score: Double {
        min(100, max(0, award - faults.reduce(0) { $0 + $1.penalty }))
    }

    /// The points lost to evidence disagreeing with the place (borough, locality, postcode), not to the name's
    /// or the number's fit.
    var evidencePenalty: Double {
        faults.reduce(0) { Scoring.evidenceCodes.contains($1.code) ? $0 + $1.penalty : $0 }
    }

    /// `candidates` in ranking order: higher score first, then the more precise level, then the smaller
    /// radius, then the key (never dictionary order). Each score is worked out once.
    static func ranked(_ candidates: [MatchCandidate]) -> [MatchCandidate] {
        let scores = candidates.map(\.score)
        return candidates.indices.sorted { i, j in
            if scores[i] != scores[j] { return scores[i] > scores[j] }
            if candidates[i].level != candidates[j].level { return candidates[i].level < candidates[j].level }
            if candidates[i].precisionMeters != candidates[j].precisionMeters {
                return candidates[i].precisionMeters < candidates[j].precisionMeters
            }
            return candidates[i].key.text < candidates[j].key.text
        }.map { candidates[$0] }
    }

    func distance(to other: MatchCandidate) -> Double { planeDistance(x, y, other.x, other.y) }
}

/// What a candidate is (`street:123:12`, `postcode:SW1A 1AA`), kept as its parts: the text is made only for a
/// tie-break or an explanation, not for each of the dozens of candidates a match weighs. Encoded as its text.
enum CandidateKey: Sendable, Equatable, Codable {
    case street(Int64)
    case streetNumber(Int64, HouseNumber)
    case junction(Int64, Int64)
    case landmark(Int64)
    case postcode(String)
    case area(String)
    case locality(Int64)
    case borough(Int64)
    /// A key read back from its text.
    case decoded(String)

    /// `street:123`, `street:123:12A`, `junction:4:9`, `landmark:7`, `postcode:SW1A 1AA`, `area:SW1A 1`,
    /// `locality:3`, `borough:12`.
    var text: String {
        switch self {
        case let .street(id): return "street:\(id)"
        case let .streetNumber(id, number): return "street:\(id):\(number)"
        case let .junction(a, b): return "junction:\(a):\(b)"
        case let .landmark(id): return "landmark:\(id)"
        case let .postcode(code): return "postcode:\(code)"
        case let .area(code): return "area:\(code)"
        case let .locality(id): return "locality:\(id)"
        case let .borough(id): return "borough:\(id)"
        case let .decoded(text): return text
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    init(from decoder: any Decoder) throws {
        self = .decoded(try decoder.singleValueContainer().decode(String.self))
    }
}

/// The level awards and the named faults with their usual penalties. README "Matching" documents them.
enum Scoring {
    static func award(_ level: MatchLevel) -> Double {
        switch level {
        case .address, .coordinates: return 100
        case .interpolated: return 92
        case .street: return 86
        case .junction: return 88
        case .landmark: return 88
        case .postcode: return 84
        case .postcodeSector: return 60
        case .postcodeDistrict: return 50
        case .locality: return 45
        case .borough: return 30
        case .none: return 0
        }
    }

    static let streetSpelling = "street.spelling"
    static let streetTypeMismatch = "street.type_mismatch"
    static let streetTypeMissing = "street.type_missing"
    static let streetTypeUnconfirmed = "street.type_unconfirmed"
    static let streetLong = "street.long"
    static let numberNotFound = "number.not_found"
    static let numberUnknown = "number.unknown"
    /// The number lies within the street's known numbers but is not held (`HonestRadius`).
    static let numberNotHeld = "number.not_held"
    static let numberInterpolated = "number.interpolated"
    static let postcodeConflict = "postcode.conflict"
    /// The written street and number place the address away from the written unit (`PostcodeStreetConflict`).
    static let postcodeStreetFar = "postcode.street_far"
    static let postcodeTerminated = "postcode.terminated"
    static let postcodeNotFound = "postcode.not_found"
    static let postcodeOutsideLondon = "postcode.outside_london"
    static let postcodeRepaired = "postcode.repaired"
    static let boroughMismatch = "borough.mismatch"
    static let localityMismatch = "locality.mismatch"
    static let landmarkFar = "landmark.far"
    /// A station read from its bare name (no mode, line or station word): `StationMatching`.
    static let stationAssumed = "station.assumed"
    /// The text was coordinates, but not in London (`CoordinateText`).
    static let coordinatesOutsideLondon = "coordinates.outside_london"
    static let junctionNotFound = "junction.not_found"
    /// Only another street the text names was found, not the place's own (`OtherStreetOnly`).
    static let streetOtherOnly = "street.other_only"
    static let qualifier = "qualifier"
    static let ambiguous = "ambiguous"
    static let nothingToGeocode = "nothing_to_geocode"
    /// Part of the query was not read to bound the work (see `Matcher.explain`).
    static let textTooLong = "text.too_long"
    static let textLongWord = "text.long_word"
    /// Nothing in the gazetteer matched and no other fault says why: no unlocated result has empty faults.
    static let notFound = "not_found"
    /// Coordinates withheld: the radius is over the acceptance radius, or the score under the minimum.
    static let coarse = "coarse"
    static let lowScore = "low_score"
    /// Every fault code the matcher emits (`nothing_to_geocode` as the prefix of `nothing_to_geocode.*`), in
    /// README "Faults" order; `ScoringTableTests` checks that the README's table names exactly these.
    static let faultCodes: [String] = [
        streetSpelling, streetTypeMismatch, streetTypeMissing, streetTypeUnconfirmed, streetLong, numberNotFound,
        numberUnknown, numberNotHeld, numberInterpolated, junctionNotFound, streetOtherOnly, landmarkFar, stationAssumed, postcodeConflict,
        postcodeStreetFar, postcodeTerminated,
        postcodeNotFound, postcodeOutsideLondon, coordinatesOutsideLondon, postcodeRepaired, boroughMismatch, localityMismatch, qualifier,
        ambiguous, coarse, lowScore, nothingToGeocode, textTooLong, textLongWord, notFound,
    ]
    /// Faults saying the evidence (borough, locality, postcode) disagrees with a place.
    static let evidenceCodes: Set<String> = [boroughMismatch, localityMismatch, postcodeConflict]
}
