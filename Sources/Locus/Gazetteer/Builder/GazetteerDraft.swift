/// Everything the importers read, held in memory until the builder derives streets, localities and indexes
/// and writes the file. Names here are already canonical (`CanonicalText` + street types) where noted.
final class GazetteerDraft {
    /// The source pack the sources are read from, when they are.
    var pack: SourcePack?

    struct Postcode {
        var x: Double
        var y: Double
        var pqi: Int?
        var status: PostcodeStatus
        var terminated: String?
        var borough: String?
        var ward: String?
        var lsoa: String?
        var msoa: String?
        var inCodePoint: Bool
    }

    /// A street named at a point by some source. `name` is canonical.
    struct StreetMention {
        var name: String
        var x: Double
        var y: Double
        /// `address`, `bus_stop`, `station`, `open_names`, `points`.
        var kind: String
        /// The address or landmark index this mention belongs to, for `street_point.ref_id` and back-links.
        var ref: Int?
        var borough: String?
        var postcode: String?
    }

    /// A locality (town, district, neighbourhood) named at a point. `name` is canonical; `display` as written.
    struct LocalityMention {
        var name: String
        var display: String
        var x: Double
        var y: Double
        var source: String
    }

    struct Landmark {
        var kind: LandmarkKind
        var name: String
        /// Canonical name forms, the first being the full name.
        var names: [String]
        var x: Double
        var y: Double
        var street: Int?
        var borough: String?
        var locality: String?
        var indicative: Bool
        var source: String
        var ref: String
    }

    struct Address {
        var number: Int?
        var suffix: String?
        var numberEnd: Int?
        var subUnit: String?
        var building: String?
        var premises: String?
        var street: Int?
        var locality: String?
        var postcode: String?
        var borough: String?
        var x: Double
        var y: Double
        var source: String
        var ref: String
    }

    /// Two streets meeting at a point (mention indexes).
    struct Junction {
        var a: Int
        var b: Int
        var x: Double
        var y: Double
        var source: String
        var landmark: Int?
    }

    var reports: [SourceReport] = []
    var postcodes: [String: Postcode] = [:]
    /// GSS code → (official name, ONS short name).
    var boroughNames: [String: (official: String?, short: String?)] = [:]
    /// GSS code → further canonical name forms seen in sources (FSA forms).
    var boroughAliases: [String: Set<String>] = [:]
    var wards: [String: (name: String, borough: String?)] = [:]
    var lsoas: [String: (name: String, borough: String?)] = [:]
    var streetMentions: [StreetMention] = []
    var localityMentions: [LocalityMention] = []
    var landmarks: [Landmark] = []
    var addresses: [Address] = []
    var junctions: [Junction] = []
    /// Street lines from line sources (`StreetLines.swift`).
    var streetLines: [StreetLine] = []

    /// Records a street mention and returns its index.
    @discardableResult
    func mentionStreet(_ mention: StreetMention) -> Int {
        streetMentions.append(mention)
        return streetMentions.count - 1
    }

    /// The GSS code of a London borough named `name` in any known form, or nil.
    func boroughCode(named name: String) -> String? {
        let key = CanonicalText.string(name)
        if boroughLookup.isEmpty {
            for borough in LondonBoroughs.all {
                for form in [borough.shortName, borough.officialName] + borough.otherNames {
                    boroughLookup[CanonicalText.string(form)] = borough.code
                }
            }
        }
        return boroughLookup[key]
    }

    private var boroughLookup: [String: String] = [:]

    /// The postcode units in canonical order (sorted by postcode), and a grid over their points; made by
    /// `indexPostcodes()` once the postcode sources are read.
    private(set) var postcodeOrder: [String] = []
    private(set) var postcodeGrid: PointGrid?

    func indexPostcodes() {
        postcodeOrder = postcodes.keys.sorted()
        let units = postcodeOrder.map { postcodes[$0]! }
        postcodeGrid = PointGrid(xs: units.map(\.x), ys: units.map(\.y), cellSize: 250)
    }

    /// The postcode unit nearest to (x, y) within `radius` metres.
    func nearestPostcode(_ x: Double, _ y: Double, within radius: Double = 2000) -> String? {
        guard let grid = postcodeGrid, let hit = grid.nearest(x, y, within: radius) else { return nil }
        return postcodeOrder[hit.index]
    }

    /// Whether a London postcode unit lies within 1 km (true before postcodes are indexed).
    func isNearLondonPostcode(x: Double, y: Double) -> Bool {
        guard postcodeGrid != nil else { return true }
        return nearestPostcode(x, y, within: 1000) != nil
    }
}
