import GRDB

/// Builds the token index (token → entities per kind, with document frequencies), the typo keys of every
/// indexed token, and the joined forms of adjacent words, from the names already written.
struct TokenIndexWriter {
    let writer: GazetteerWriter

    func write() throws {
        // kind → token → entity ids (sorted sets keep the output order fixed).
        var postings: [EntityKind: [String: Set<Int64>]] = [:]
        var pairs: Set<[String]> = []
        func index(_ name: String, _ kind: EntityKind, _ id: Int64) {
            let words = name.split(separator: " ").map(String.init)
            for word in words { postings[kind, default: [:]][word, default: []].insert(id) }
            for i in words.indices.dropLast() { pairs.insert([words[i], words[i + 1]]) }
        }
        let places = writer.places, draft = writer.draft
        for (i, s) in places.streets.enumerated() { index(s.name, .street, Int64(i + 1)) }
        for (i, l) in places.localities.enumerated() { index(l.name, .locality, Int64(i + 1)) }
        for (i, l) in draft.landmarks.enumerated() {
            for name in l.names { index(name, .landmark, Int64(i + 1)) }
        }
        for (i, a) in draft.addresses.enumerated() {
            if let building = a.building { index(CanonicalText.string(building), .address, Int64(i + 1)) }
        }
        for form in writer.boroughNameForms() { index(form.name, .borough, form.id) }
        for (code, id) in writer.wardID {
            guard let name = draft.wards[code]?.name else { continue }
            for form in GazetteerWriter.wardNameForms(name) { index(form, .ward, id) }
        }

        var vocabulary: Set<String> = []
        try writer.insert("INSERT INTO token VALUES (?,?,?)") { add in
            for kind in EntityKind.allCases {
                guard let tokens = postings[kind] else { continue }
                for token in tokens.keys.sorted() {
                    vocabulary.insert(token)
                    for id in tokens[token]!.sorted() { try add([token, kind.rawValue, id]) }
                }
            }
        }
        try writer.insert("INSERT INTO token_stat VALUES (?,?,?)") { add in
            for kind in EntityKind.allCases {
                guard let tokens = postings[kind] else { continue }
                for token in tokens.keys.sorted() { try add([token, kind.rawValue, tokens[token]!.count]) }
            }
        }
        try writer.insert("INSERT OR IGNORE INTO typo_key VALUES (?,?)") { add in
            for token in vocabulary.sorted() where Self.wantsTypoKeys(token) {
                for key in TypoKeys.keys(token) { try add([key, token]) }
            }
        }
        try writer.insert("INSERT OR IGNORE INTO joined_token VALUES (?,?,?)") { add in
            for pair in pairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                try add([pair[0] + pair[1], pair[0], pair[1]])
            }
        }
    }

    /// Words worth correcting: letters only (no house numbers, no codes), long enough for a deletion key.
    static func wantsTypoKeys(_ token: String) -> Bool {
        token.utf8.count >= TypoKeys.oneEditLength && token.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }
}
