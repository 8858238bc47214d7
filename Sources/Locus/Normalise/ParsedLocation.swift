/// What the normaliser read in one free-text location: plain values, safe to share between threads.
///
/// Every `span` is a range of UTF-8 byte offsets into the text given to `Normaliser.parse(_:)`
/// (`Array(text.utf8)[span]` is the written form), always inside it. Text fields hold canonical words.
public struct ParsedLocation: Sendable, Equatable, Codable {
    /// Set when the text names no place (`NFA`, `UNKNOWN`, empty); the other fields are then empty.
    var nothingToGeocode: NothingToGeocode?
    /// Where relative to the place (`O/S`, `J/O`…), in the order written. Never house numbers.
    public var qualifiers: [Qualifier] = []
    /// FLAT 3, UNIT 4, GROUND FLOOR…, in the order written.
    var subBuildings: [SubBuilding] = []
    /// A named building (`JUDE HOUSE`, `THE COTTAGE`).
    var buildingName: Component?
    /// A business, institution or landmark (`MCDONALDS`, `ELEPHANT AND CASTLE STATION`).
    var premisesName: Component?
    var houseNumber: HouseNumber?
    /// The street the location is on (the first of a junction).
    public var street: Street?
    /// The second street of a junction or `between`.
    public var crossStreet: Street?
    /// Further thoroughfares named (`5 LANCELOT PARADE, LANCELOT ROAD`: LANCELOT ROAD), in order.
    var otherStreets: [Street] = []
    /// Localities, boroughs and noise places (`LONDON`, counties), in order.
    public var places: [Place] = []
    /// The borough (ONS short name) when a place names one.
    public var borough: String?
    /// The first postcode in the text, valid or not.
    public var postcode: PostcodeMention?
    /// The canonical words of the location in order, each with its guessed role and the part (between commas)
    /// it was written in, so the matcher can re-read the guess (`HIGH STREET WANSTEAD`).
    public var words: [Word] = []
    /// The canonical form: the words in order, parts joined by `, ` (or ` / ` for a written junction slash).
    /// Normalising it again gives the same canonical form.
    public var canonical: String = ""
    /// Set when part of the text was not read to bound the work (a text too long, words too long).
    var unread: UnreadText?

    /// All canonical words, for fuzzy matching.
    var tokens: [String] { words.map(\.text) }

    /// An empty parse.
    public init() {}
}

/// Why a text gives nothing to geocode.
package struct NothingToGeocode: Sendable, Equatable, Codable {
    /// Why: empty, no fixed abode, unknown, or no word naming a place.
    package enum Reason: String, Sendable, Codable {
        case empty
        case noFixedAbode = "no_fixed_abode"
        case unknown
        /// Only numbers, qualifiers or punctuation: nothing that names a place.
        case noPlaceWords = "no_place_words"
    }

    /// Why there is nothing to geocode.
    package var reason: Reason
}

/// A qualifier (`O/S` → outside) and where it was written.
public struct Qualifier: Sendable, Equatable, Codable {
    /// What it says (outside, junction with, near…).
    package var kind: AddressWords.QualifierKind
    /// Where it was written: UTF-8 byte offsets into the input.
    public var span: Range<Int>
}

/// Canonical words read from one span of the input.
struct Component: Sendable, Equatable, Codable {
    var text: String
    var span: Range<Int>
}

/// A house number: `12`, `12A`, `12-14`, `12A-14`.
struct HouseNumber: Sendable, Equatable, Codable, CustomStringConvertible {
    var number: Int
    /// A letter after the number (`A` in `12A`).
    var suffix: String?
    /// The last number of a range (`14` in `12-14`, `12/14`, `12 TO 14`).
    var rangeEnd: Int?
    var span: Range<Int>

    var description: String {
        "\(number)\(suffix ?? "")" + (rangeEnd.map { "-\($0)" } ?? "")
    }
}

/// Part of a building: `FLAT 3A` is kind `FLAT`, value `3A`; `GROUND FLOOR` has no value.
struct SubBuilding: Sendable, Equatable, Codable {
    var kind: String
    var value: String?
    var text: String
    var span: Range<Int>
}

/// A street as canonical words: `HIGH STREET` is name `HIGH`, type `STREET`. A name without a recognised type
/// (`BISHOPSGATE`, `THE BROADWAY`) has no type; a suffix after the type stays in the name (`RODING SOUTH`).
public struct Street: Sendable, Equatable, Codable {
    /// The canonical words (`HIGH STREET`).
    public var text: String
    /// The words before the type (`HIGH`).
    public var name: String
    /// The canonical street type (`STREET`), if one was recognised.
    public var type: String?
    /// Where it was written: UTF-8 byte offsets into the input.
    public var span: Range<Int>
}

/// A place name: locality, borough or noise (`LONDON`, `MIDDLESEX`).
public struct Place: Sendable, Equatable, Codable {
    /// The canonical name (`NORBURY`).
    public var text: String
    /// Locality, borough or noise.
    package var kind: LondonPlaces.Kind
    /// True when the name is in the compiled London place table; false for a guess from position.
    public var known: Bool
    /// Where it was written: UTF-8 byte offsets into the input.
    public var span: Range<Int>
}

/// A postcode as written: `postcode` is nil when the text has a postcode's shape but is not valid.
public struct PostcodeMention: Sendable, Equatable, Codable {
    /// The postcode read, nil when the text only has a postcode's shape.
    public var postcode: Postcode?
    /// The written form, upper case, single-spaced.
    public var text: String
    /// Where it was written: UTF-8 byte offsets into the input.
    public var span: Range<Int>
}

/// One canonical word with its guessed role.
public struct Word: Sendable, Equatable, Codable {
    /// What a word is taken to be.
    public enum Role: String, Sendable, Codable {
        case qualifier, number, subBuilding, buildingName, premisesName, street, streetType, locality, postcode
        case noise
    }

    /// The canonical word.
    public var text: String
    /// What it is taken to be.
    public var role: Role
    /// The index of the comma-separated part it was written in.
    var part: Int
    /// Where it was written: UTF-8 byte offsets into the input.
    public var span: Range<Int>
}
