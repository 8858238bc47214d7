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

/// The gazetteer's landmark names (`landmark_name`) by loose key (`PlaceKeys`), read once per matcher.
final class PlaceKeyIndex: Sendable {
    let names: [String: [String]]

    init(names all: [String]) {
        var names: [String: [String]] = [:]
        for name in all {
            guard let key = PlaceKeys.key(name) else { continue }
            names[key, default: []].append(name)
        }
        self.names = names
    }
}

extension GazetteerStore {
    /// Every distinct landmark name of the gazetteer (canonical forms).
    func landmarkNameList() throws(GazetteerStoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM landmark_name ORDER BY name") }
    }
}

extension MatchLookups {
    /// The landmarks named `name` as written, and those whose name has the same loose key (`PlaceKeys`): the
    /// gazetteer's names as their sources spell them (`St Thomas' Hospital`, `Homerton Hosp`). A one-word key
    /// is not loosened (`SAM` is not `Sam's`).
    func places(named name: String) -> [GazetteerLandmark] {
        var found = landmarks(named: name)
        guard let key = PlaceKeys.key(name), key.contains(" ") else { return found }
        let index = placeKeys.value(0) { PlaceKeyIndex(names: (try? store.landmarkNameList()) ?? []) }
        for other in index.names[key] ?? [] where other != name {
            for landmark in landmarks(named: other) where !found.contains(where: { $0.id == landmark.id }) {
                found.append(landmark)
            }
        }
        return found
    }
}
