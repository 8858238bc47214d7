/// What the normaliser's tables say about one written word, gathered into one entry so that each token costs a
/// single hash look-up (the tables themselves live in `Dictionaries/`).
struct LexiconEntry: Sendable {
    /// The canonical street type (`ROAD` for `RD`).
    var streetType: String?
    var isStrongType = false
    /// `ST` → SAINT, `DR` → DOCTOR before a name.
    var beforeName: String?
    /// The canonical form wherever written (`STN` → STATION, `RD` → ROAD); nil to keep the word.
    var expansion: String?
    /// Indexes into `AddressWords.qualifierPhrases` of phrases starting with this word.
    var qualifierPhrases: [Int] = []
}

enum Lexicon {
    static let entries: [String: LexiconEntry] = {
        var table: [String: LexiconEntry] = [:]
        for (form, type) in StreetTypes.canonical {
            var entry = LexiconEntry()
            entry.streetType = type
            entry.isStrongType = AddressWords.strongStreetTypes.contains(type)
            if !AddressWords.typeOnlyInPlace.contains(form), form != type { entry.expansion = type }
            entry.beforeName = StreetTypes.ambiguousBeforeName[form]
            if entry.beforeName != nil { entry.expansion = nil }
            table[form] = entry
        }
        for (form, expansion) in AddressWords.abbreviations {
            table[form, default: LexiconEntry()].expansion = expansion
        }
        for (index, phrase) in AddressWords.qualifierPhrases.enumerated() {
            table[phrase.words[0], default: LexiconEntry()].qualifierPhrases.append(index)
        }
        return table
    }()

    /// Place names by their first canonical word, longest first.
    static let placesByFirstWord: [String: [(words: [String], kind: LondonPlaces.Kind)]] = {
        var table: [String: [(words: [String], kind: LondonPlaces.Kind)]] = [:]
        for (name, kind) in LondonPlaces.kinds {
            let words = name.split(separator: " ").map(String.init)
            table[words[0], default: []].append((words, kind))
        }
        for key in table.keys { table[key]!.sort { $0.words.count > $1.words.count } }
        return table
    }()
}
