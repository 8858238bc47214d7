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
    /// The canonical form ends in a business or landmark word (`STN`, `SCHOOL`) or a building word (`HOUSE`).
    let isPremises: Bool
    let isBuilding: Bool
    /// Opens a phrase meaning there is nothing to geocode (`NO FIXED ABODE`).
    let startsNothing: Bool
    /// The group in `Lexicon.placeGroups` of place names starting with the word's usual canonical form, or -1.
    let placeGroup: Int32

    init(_ draft: Draft) {
        streetType = draft.streetType
        isStrongType = draft.isStrongType
        beforeName = draft.beforeName
        expansion = draft.expansion
        qualifierPhrases = draft.qualifierPhrases
        startsNoise = draft.startsNoise
        marksNumber = draft.marksNumber
        isPremises = draft.isPremises
        isBuilding = draft.isBuilding
        startsNothing = draft.startsNothing
        placeGroup = draft.placeGroup
    }

    struct Draft {
        var streetType: String?
        var isStrongType = false
        var beforeName: String?
        var expansion: String?
        var qualifierPhrases: [Int] = []
        var startsNoise = false
        var marksNumber = false
        var isPremises = false
        var isBuilding = false
        var startsNothing = false
        var placeGroup: Int32 = -1
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
        for text in AddressWords.nothingToGeocode.keys {
            table[String(text.prefix { $0 != " " }), default: LexiconEntry.Draft()].startsNothing = true
        }
        for word in AddressWords.premisesWords.union(AddressWords.buildingWords) where table[word] == nil {
            table[word] = LexiconEntry.Draft()
        }
        for word in placeGroupIndex.keys where table[word] == nil { table[word] = LexiconEntry.Draft() }
        for (form, draft) in table {
            let canonical = draft.expansion ?? form
            table[form]!.placeGroup = placeGroupIndex[canonical] ?? -1
            let last = String(canonical.split(separator: " ").last ?? Substring(canonical))
            table[form]!.isPremises = AddressWords.premisesWords.contains(last)
            table[form]!.isBuilding = AddressWords.buildingWords.contains(last)
        }
        return table.mapValues { LexiconEntry($0) }
    }()

    /// Place names grouped by their first canonical word, longest first: `placeGroups[placeGroupIndex[word]]`.
    static let placeGroups: [[(words: [String], kind: LondonPlaces.Kind)]] = placeTables.groups
    static let placeGroupIndex: [String: Int32] = placeTables.index

    private static let placeTables: (groups: [[(words: [String], kind: LondonPlaces.Kind)]], index: [String: Int32]) = {
        var byFirst: [String: [(words: [String], kind: LondonPlaces.Kind)]] = [:]
        for (name, kind) in LondonPlaces.kinds {
            let words = name.split(separator: " ").map(String.init)
            byFirst[words[0], default: []].append((words, kind))
        }
        var groups: [[(words: [String], kind: LondonPlaces.Kind)]] = []
        var index: [String: Int32] = [:]
        for (first, names) in byFirst {
            index[first] = Int32(groups.count)
            groups.append(names.sorted { $0.words.count > $1.words.count })
        }
        return (groups, index)
    }()
}
