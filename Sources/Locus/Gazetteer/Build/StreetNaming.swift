/// The canonical form of street names, as the normaliser writes them: `CanonicalText` words with the street
/// type canonicalised through `StreetTypes` (`High St` → `HIGH STREET`, `St John's Rd` → `SAINT JOHNS ROAD`).
///
/// To be replaced by the normaliser's street-name canonicalisation once it is on main.
enum StreetNaming {
    /// The canonical words of a street name.
    static func canonicalWords(_ text: String) -> [String] {
        var words = CanonicalText.words(text)
        for i in words.indices {
            let word = words[i]
            let isLast = i == words.count - 1
            if !isLast, i == 0, let before = StreetTypes.ambiguousBeforeName[word] {
                words[i] = before  // ST JOHNS → SAINT JOHNS
            } else if let full = StreetTypes.canonicalType(word), word != full, isLast || isTypeAbbreviation(word) {
                words[i] = full
            }
        }
        return words
    }

    /// The canonical street name as one string.
    static func canonical(_ text: String) -> String { canonicalWords(text).joined(separator: " ") }

    /// Whether canonical `words` read as a street name: two or more words ending in a street type, or a
    /// one-word street type name (`BROADWAY`).
    static func looksLikeStreet(_ words: [String]) -> Bool {
        guard let last = words.last else { return false }
        if words.count == 1 { return last == "BROADWAY" }
        return StreetTypes.all.contains(last) && !nonStreetEndings.contains(last)
    }

    /// Abbreviations that only ever mean a street type, even inside a name (`HIGH ST NORTH`).
    private static func isTypeAbbreviation(_ word: String) -> Bool {
        ["ST", "RD", "AVE", "GDNS", "CRES", "CL", "LN", "PL", "SQ", "TERR", "TCE"].contains(word)
    }

    /// Street-type words that end place and building names more often than street names.
    private static let nonStreetEndings: Set<String> = ["ESTATE", "BUILDINGS", "POINT", "COMMON", "END"]
}
