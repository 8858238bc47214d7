/// Deletion-neighbourhood keys for finding misspelt words (symmetric delete): a word and every form of it
/// with one letter deleted (words of 5+ letters) or up to two deleted (9+ letters). Two words within that
/// many edits share a key. The builder stores the keys of every indexed token in `typo_key`; the matcher
/// computes the keys of a query word with the same function and looks them up, then checks the distance.
enum TypoKeys {
    /// Words shorter than this get no deletion keys (only themselves).
    static let oneEditLength = 5
    /// Words at least this long also get two-deletion keys.
    static let twoEditLength = 9
    /// Longer query words are not looked up by their keys: a word of n letters has about n²/2 keys of n
    /// letters each, and no London name word comes near this length (only pasted blobs do).
    static let maximumQueryLength = 24

    /// The keys of `word` (upper-case ASCII), itself first, then its deletions, without duplicates.
    static func keys(_ word: String) -> [String] {
        let bytes = Array(word.utf8)
        var keys = [word]
        guard bytes.count >= oneEditLength else { return keys }
        var seen: Set<[UInt8]> = [bytes]
        var ones: [[UInt8]] = []
        for i in bytes.indices {
            var form = bytes
            form.remove(at: i)
            if seen.insert(form).inserted { ones.append(form) }
        }
        keys += ones.map { String(decoding: $0, as: UTF8.self) }
        guard bytes.count >= twoEditLength else { return keys }
        for one in ones {
            for i in one.indices {
                var form = one
                form.remove(at: i)
                if seen.insert(form).inserted { keys.append(String(decoding: form, as: UTF8.self)) }
            }
        }
        return keys
    }

    /// The edit distance (Damerau–Levenshtein, adjacent transpositions) between two words, for checking
    /// candidates found through shared keys.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.utf8), t = Array(b.utf8)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }
}
