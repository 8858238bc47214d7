/// What the normaliser's tables say about one written word, gathered into one entry so that each token costs a
/// single hash look-up (the tables themselves live in `Dictionaries/`). A class, so tokens share it cheaply.
final class LexiconEntry: Sendable {
    /// The canonical street type (`ROAD` for `RD`).
    let streetType: String?
    let isStrongType: Bool
    /// `ST` → SAINT, `DR` → DOCTOR before a name.
    let beforeName: String?
    /// The canonical form wherever written (`STN` → STATION, `RD` → ROAD); nil to keep the word.
    let expansion: String?
    /// Indexes into `AddressWords.qualifierPhrases` of phrases starting with this word.
    let qualifierPhrases: [Int]
    /// Starts a noise phrase (`HAIL AND RIDE`) or marks a number (`NO 12`).
    let startsNoise: Bool
    let marksNumber: Bool

    init(_ draft: Draft) {
        streetType = draft.streetType
        isStrongType = draft.isStrongType
        beforeName = draft.beforeName
        expansion = draft.expansion
        qualifierPhrases = draft.qualifierPhrases
        startsNoise = draft.startsNoise
        marksNumber = draft.marksNumber
    }

    struct Draft {
        var streetType: String?
        var isStrongType = false
        var beforeName: String?
        var expansion: String?
        var qualifierPhrases: [Int] = []
        var startsNoise = false
        var marksNumber = false
    }
}

enum Lexicon {
    static let entries: [String: LexiconEntry] = {
        var table: [String: LexiconEntry.Draft] = [:]
        for (form, type) in StreetTypes.canonical {
            var entry = LexiconEntry.Draft()
            entry.streetType = type
            entry.isStrongType = AddressWords.strongStreetTypes.contains(type)
            if !AddressWords.typeOnlyInPlace.contains(form), form != type { entry.expansion = type }
            entry.beforeName = StreetTypes.ambiguousBeforeName[form]
            if entry.beforeName != nil { entry.expansion = nil }
            table[form] = entry
        }
        for (form, expansion) in AddressWords.abbreviations {
            table[form, default: LexiconEntry.Draft()].expansion = expansion
        }
        for (index, phrase) in AddressWords.qualifierPhrases.enumerated() {
            table[phrase.words[0], default: LexiconEntry.Draft()].qualifierPhrases.append(index)
        }
        for phrase in AddressWords.noisePhrases { table[phrase[0], default: LexiconEntry.Draft()].startsNoise = true }
        for word in AddressWords.numberMarkers { table[word, default: LexiconEntry.Draft()].marksNumber = true }
        return table.mapValues { LexiconEntry($0) }
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
