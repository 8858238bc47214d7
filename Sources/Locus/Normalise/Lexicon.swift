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
    /// The sub-building kind the word names (`FLT` → FLAT, `GND` → GROUND).
    let subBuildingKind: String?

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
        subBuildingKind = draft.subBuildingKind
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
        var subBuildingKind: String?
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
            // Written `CNR`, read as CORNER wherever CORNER would be.
            if let type = StreetTypes.canonicalType(expansion) {
                table[form]!.streetType = type
                table[form]!.isStrongType = AddressWords.strongStreetTypes.contains(type)
            }
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
        for (word, kind) in AddressWords.subBuildingKinds { table[word, default: LexiconEntry.Draft()].subBuildingKind = kind }
        // A floor word written short (`LR`, `LWR` → LOWER) is that floor word, as its canonical form is when read again.
        for (form, draft) in table where draft.subBuildingKind == nil {
            if let expansion = draft.expansion, let kind = AddressWords.subBuildingKinds[expansion],
               AddressWords.floorWords.contains(kind) { table[form]!.subBuildingKind = kind }
        }
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

/// `Lexicon.entries` as an open-addressing table keyed by the word's bytes, so the tokeniser finds a word's
/// entry without first hashing a `String`.
final class LexiconTable: Sendable {
    private let keyBytes: [UInt8]
    private let keyStart: [Int32]
    private let keyLength: [UInt8]
    private let values: [LexiconEntry?]
    private let mask: Int

    static let shared = LexiconTable(Lexicon.entries)

    init(_ entries: [String: LexiconEntry]) {
        var size = 16
        while size < entries.count * 3 { size <<= 1 }
        var bytes: [UInt8] = []
        var start = [Int32](repeating: -1, count: size)
        var length = [UInt8](repeating: 0, count: size)
        var values = [LexiconEntry?](repeating: nil, count: size)
        for (word, entry) in entries {
            let utf8 = Array(word.utf8)
            var slot = Self.hash(utf8) & (size - 1)
            while start[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            start[slot] = Int32(bytes.count)
            length[slot] = UInt8(min(utf8.count, 255))
            values[slot] = entry
            bytes.append(contentsOf: utf8)
        }
        keyBytes = bytes
        keyStart = start
        keyLength = length
        self.values = values
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ bytes: some Collection<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The entry for the upper-case word `bytes`, if any.
    func entry(for bytes: [UInt8]) -> LexiconEntry? {
        var slot = Self.hash(bytes) & mask
        while true {
            let start = Int(keyStart[slot])
            if start < 0 { return nil }
            if Int(keyLength[slot]) == bytes.count {
                var same = true
                for k in 0..<bytes.count where keyBytes[start + k] != bytes[k] {
                    same = false
                    break
                }
                if same { return values[slot] }
            }
            slot = (slot + 1) & mask
        }
    }
}
