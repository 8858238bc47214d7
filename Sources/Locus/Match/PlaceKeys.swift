/// A loose key under which a named place written in a record and the same place named in a source meet
/// (README, "Stops and named places"): `ST THOMAS HOSPITAL`, `SAINT THOMAS'S HOSP` and the stop `St Thomas'
/// Hospital` all key as `ST THOMA HOSPITAL`; `WHITGIFT SHOPPING CTR` and `Whitgift Centre` as `WHITGIFT CENTRE`.
///
/// Both sides go through the same steps, so the key need not be a word anyone writes:
/// - `SAINT` and `ST` before another word are one word (`ST`; a last `ST` is a street and written out);
/// - the abbreviations the normaliser writes out (`HOSP`, `CTR`, `MKT`, `SCH`, `CH`…) are written out, and a
///   last word's street-type abbreviation too (`GDNS`, `RD`);
/// - a leading `THE` and the word `SHOPPING` or `SHOP` before `CENTRE` are dropped (`THE WHITGIFT SHOP CTR`);
/// - a possessive or plural `S` is dropped from the end of every word of four letters or more, an apostrophe
///   being gone already (`KING'S`, `KINGS`, `KING`; `THOMAS'S`, `THOMAS'`, `THOMAS`).
enum PlaceKeys {
    /// The loose key of a canonical name (`CanonicalText`), or nil when nothing is left.
    static func key(_ canonical: String) -> String? {
        var words = canonical.split(separator: " ").map(String.init)
        if words.first == "THE", words.count > 1 { words.removeFirst() }
        var out: [String] = []
        out.reserveCapacity(words.count)
        for (i, word) in words.enumerated() {
            let last = i == words.count - 1
            var w = word
            if w == "SAINT" || (w == "ST" && !last) {
                w = "ST"
            } else if let full = AddressWords.abbreviations[w], !full.contains(" ") {
                w = full
            } else if last, let type = StreetTypes.canonicalType(w) {
                w = type
            }
            if w == "SHOPPING" || w == "SHOP", i + 1 < words.count, ["CENTRE", "CTR", "CNTR", "CENTER"].contains(words[i + 1]) {
                continue
            }
            out.append(stem(w))
        }
        return out.isEmpty ? nil : out.joined(separator: " ")
    }

    /// `word` without the `S`s it ends with, when at least three letters stay.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        while bytes.count > 3, bytes.last == UInt8(ascii: "S") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The gazetteer's landmark names (`landmark_name`) by loose key (`PlaceKeys`), and the named buildings of its
/// addresses (`GUYS HOSPITAL`, `1074 WHITGIFT CENTRE`: the site a premises stands in) as points of those sites,
/// read once per matcher.
final class PlaceKeyIndex: Sendable {
    let names: [String: [String]]
    /// Address points by their building's key, as premises landmarks with the address's id negated.
    let sites: [String: [GazetteerLandmark]]

    init(names all: [String], buildings: [GazetteerLandmark]) {
        var names: [String: [String]] = [:]
        for name in all {
            guard let key = PlaceKeys.key(name) else { continue }
            names[key, default: []].append(name)
        }
        var sites: [String: [GazetteerLandmark]] = [:]
        for building in buildings {
            guard let name = PlaceKeys.siteName(building.name), let key = PlaceKeys.key(name), key.contains(" ")
            else { continue }
            sites[key, default: []].append(building)
        }
        self.names = names
        self.sites = sites
    }
}

extension PlaceKeys {
    /// Words before a site's name that say which unit of it (`UNIT 5`, `SHOP 2`, `KIOSK`).
    static let unitWords: Set<String> = ["UNIT", "UNITS", "SHOP", "KIOSK", "STALL", "SUITE"]

    /// A building's canonical name without the numbers and unit words before it (`1074 WHITGIFT CENTRE`,
    /// `UNIT 5 WHITGIFT CENTRE` → `WHITGIFT CENTRE`); nil when nothing is left.
    static func siteName(_ building: String) -> String? {
        func hasDigit(_ word: String?) -> Bool {
            word?.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        }
        var words = CanonicalText.words(building)[...]
        while let first = words.first, hasDigit(first) || (unitWords.contains(first) && hasDigit(words.dropFirst().first)) {
            words = words.dropFirst()
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}

extension GazetteerStore {
    /// Every distinct landmark name of the gazetteer (canonical forms).
    func landmarkNameList() throws(GazetteerStoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM landmark_name ORDER BY name") }
    }

    /// The address points with a building name, as premises landmarks named by the building (id negated).
    func addressBuildings() throws(GazetteerStoreError) -> [GazetteerLandmark] {
        try read { db in
            try GazetteerLandmark.fetchAll(db, sql: """
                SELECT -id AS id, 'premises' AS kind, building AS name, x, y, street_id, borough_id, locality_id,
                  0 AS indicative FROM address WHERE building IS NOT NULL AND building != '' AND x IS NOT NULL
                ORDER BY id DESC
                """)
        }
    }
}

extension MatchLookups {
    /// The landmarks named `name` as written, and those whose name has the same loose key (`PlaceKeys`): the
    /// gazetteer's names as their sources spell them (`St Thomas' Hospital`, `Homerton Hosp`), and the address
    /// points of a building of that name (`PlaceKeyIndex.sites`). A one-word key is not loosened (`SAM` is not
    /// `Sam's`). `sites`: whether buildings count; not beside a house number or a postcode unit, which place the
    /// text surer than a building's records spread over a site (`Unit 2133, Westfield London Shopping Centre,
    /// W12 7GE`: its unit's point, not the centre's 316 m spread).
    func places(named name: String, sites: Bool = true) -> [GazetteerLandmark] {
        var found = landmarks(named: name)
        guard let key = PlaceKeys.key(name), key.contains(" ") else { return found }
        let index = placeKeys.value(0) {
            PlaceKeyIndex(names: (try? store.landmarkNameList()) ?? [], buildings: (try? store.addressBuildings()) ?? [])
        }
        for other in index.names[key] ?? [] where other != name {
            for landmark in landmarks(named: other) where !found.contains(where: { $0.id == landmark.id }) {
                found.append(landmark)
            }
        }
        return sites ? found + (index.sites[key] ?? []) : found
    }
}
