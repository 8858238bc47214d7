/// Reads the free-text address lines of a premises record into house number, sub-unit, building name,
/// street and locality: `Unit 3, 51 Narrow Street` / `152 - 154 Addington Road, South Croydon` /
/// `Outside 119 Broadway`. The lines have no fixed roles, so each comma-separated part is classified.
///
/// To be replaced by the normaliser's `Normaliser().parse` once it is on main.
struct PremisesAddress: Equatable {
    var number: Int?
    var suffix: String?
    var numberEnd: Int?
    var subUnit: String?
    var building: String?
    /// Canonical street name.
    var street: String?
    /// The locality as written.
    var locality: String?

    init(lines: [String]) {
        let parts = lines.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var streetPart: Int?
        var earlier: [String] = []
        for (index, raw) in parts.enumerated() where streetPart == nil {
            var words = CanonicalText.words(raw)
            while let first = words.first, Self.qualifiers.contains(first) { words.removeFirst() }
            if let first = words.first, Self.subUnitWords.contains(first) {
                // `Unit 3`, `Flat 2A`, or `Unit 3 51 Narrow Street`.
                let take = words.count > 1 && Self.isNumberLike(words[1]) ? 2 : 1
                subUnit = subUnit ?? words.prefix(take).joined(separator: " ")
                words.removeFirst(take)
            }
            if let first = words.first, let (number, suffix) = Self.houseNumber(first), words.count > 1 {
                var rest = Array(words.dropFirst())
                if let second = rest.first, let (end, _) = Self.houseNumber(second), rest.count > 1,
                   raw.contains("-") || raw.contains("/") {
                    numberEnd = end
                    rest.removeFirst()
                }
                self.number = number
                self.suffix = suffix
                street = StreetNaming.canonical(rest.joined(separator: " "))
                streetPart = index
            } else if StreetNaming.looksLikeStreet(StreetNaming.canonicalWords(words.joined(separator: " "))) {
                street = StreetNaming.canonical(words.joined(separator: " "))
                streetPart = index
            } else if !words.isEmpty {
                earlier.append(raw)
            }
        }
        let nonSubUnit = earlier.filter { part in
            guard let first = CanonicalText.words(part).first else { return false }
            return !Self.subUnitWords.contains(first)
        }
        building = nonSubUnit.first
        if let streetPart {
            locality = parts[(streetPart + 1)...].first { part in
                let words = CanonicalText.words(part)
                return !words.isEmpty && !Self.regions.contains(words.joined(separator: " "))
                    && !part.contains(where: \.isNumber)
            }
        }
    }

    /// `12` → (12, nil); `12A` → (12, "A"); anything else nil.
    static func houseNumber(_ word: String) -> (Int, String?)? {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 5, let number = Int(digits) else { return nil }
        let rest = word.dropFirst(digits.count)
        if rest.isEmpty { return (number, nil) }
        if rest.count == 1, rest.first!.isLetter { return (number, String(rest)) }
        return nil
    }

    private static func isNumberLike(_ word: String) -> Bool {
        word.contains(where: \.isNumber) || (word.count <= 2 && word.allSatisfy(\.isLetter))
    }

    static let qualifiers: Set<String> = [
        "OUTSIDE", "O", "S", "OPPOSITE", "OPP", "ADJACENT", "ADJ", "TO", "REAR", "OF", "NEAR", "NR", "LAND", "AT",
    ]
    static let subUnitWords: Set<String> = [
        "UNIT", "UNITS", "FLAT", "SHOP", "SUITE", "STALL", "PITCH", "KIOSK", "ARCH", "APARTMENT", "STAND", "BAY",
    ]
    static let regions: Set<String> = [
        "LONDON", "GREATER LONDON", "MIDDLESEX", "SURREY", "ESSEX", "KENT", "HERTS", "HERTFORDSHIRE", "UK",
        "ENGLAND", "UNITED KINGDOM",
    ]
}
