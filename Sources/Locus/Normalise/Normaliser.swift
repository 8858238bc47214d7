/// Reads free-text London locations (`O/S 12A HIGH ST, CROYDON CR0 1AB`) into a `ParsedLocation`.
///
/// Stateless: its tables are immutable, so one value can be used from many threads at once.
/// Spans in the result are UTF-8 byte offsets into the text given.
public struct Normaliser: Sendable {
    public init() {}

    /// The parse of `text`.
    public func parse(_ text: String) -> ParsedLocation {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// The parse of UTF-8 bytes (invalid sequences are read as separators).
    public func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ParsedLocation {
        var reading = LocationReading(bytes: bytes)
        return reading.read()
    }
}

/// The working state of one parse: tokens with their roles and canonical forms.
struct LocationReading {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token]
    /// Role per token; nil until decided.
    var roles: [Word.Role?]
    /// Canonical form per token: nil for the default, "" when dropped, several words joined by spaces.
    var canon: [String?]
    /// Comma-separated part index per token.
    var parts: [Int]
    var result = ParsedLocation()
    /// Token ranges of the parse's parts, turned into components at the end.
    var streetRuns: [(run: StreetRun, slot: StreetSlot)] = []
    var premisesRange: Range<Int>?
    var buildingRange: Range<Int>?
    var numberRange: Range<Int>?

    enum StreetSlot { case primary, cross, other }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens = Tokeniser.splitGluedTypes(Tokeniser.tokens(bytes))
        roles = Array(repeating: nil, count: tokens.count)
        canon = Array(repeating: nil, count: tokens.count)
        parts = []
        parts.reserveCapacity(tokens.count)
        var part = 0
        for (i, t) in tokens.enumerated() {
            if i > 0, t.breakBefore != .none { part += 1 }
            parts.append(part)
        }
    }

    mutating func read() -> ParsedLocation {
        if let reason = nothingReason() {
            result.nothingToGeocode = NothingToGeocode(reason: reason)
            return result
        }
        markPostcodes()
        markNoise()
        markQualifiers()
        setDefaultCanonical()
        if !tokens.indices.contains(where: { roles[$0] == nil && !tokens[$0].isNumber }) && result.postcode == nil {
            result = ParsedLocation()
            result.nothingToGeocode = NothingToGeocode(reason: .noPlaceWords)
            return result
        }
        readSegments()
        finish()
        return result
    }

    // MARK: Whole-text decisions

    func nothingReason() -> NothingToGeocode.Reason? {
        if tokens.isEmpty { return .empty }
        guard tokens.count <= 4 else { return nil }
        let joined = tokens.map(\.text).joined(separator: " ")
        switch AddressWords.nothingToGeocode[joined] {
        case "no_fixed_abode": return .noFixedAbode
        case "unknown": return .unknown
        default: return nil
        }
    }

    // MARK: Postcodes, noise, qualifiers

    mutating func markPostcodes() {
        let found = Postcode.find(inUTF8: bytes)
        for mention in found {
            let inside = tokens.indices.filter { mention.span.contains(tokens[$0].span.lowerBound) }
            guard let first = inside.first, let last = inside.last else { continue }
            if mention.postcode?.level == .district, !districtStandsAsPostcode(first) { continue }
            let written = inside.map { tokens[$0].text }.joined(separator: inside.count == 1 ? "" : " ")
            for i in inside {
                roles[i] = .postcode
                canon[i] = ""
            }
            canon[first] = mention.postcode?.canonical ?? written
            if result.postcode == nil {
                result.postcode = PostcodeMention(
                    postcode: mention.postcode, text: mention.postcode?.canonical ?? written,
                    span: tokens[first].span.lowerBound..<tokens[last].span.upperBound)
            }
        }
    }

    /// A district alone (`SE1`) is a postcode when it is a London one, no flat or unit word names it and no
    /// street or road word stands beside it (`M4 MOTORWAY`, `A406 NORTH CIRCULAR ROAD`).
    func districtStandsAsPostcode(_ i: Int) -> Bool {
        let area = String(tokens[i].text.prefix { $0.isLetter })
        guard PostcodeAreas.london.contains(area) else { return false }
        if i > 0, parts[i - 1] == parts[i] {
            let before = tokens[i - 1].text
            if AddressWords.subBuildingKinds[before] != nil || AddressWords.roadWords.contains(before) { return false }
        }
        if i + 1 < tokens.count, parts[i + 1] == parts[i] {
            if isTypeWord(i + 1) || AddressWords.roadWords.contains(tokens[i + 1].text) { return false }
        }
        return true
    }

    mutating func markNoise() {
        var i = 0
        while i < tokens.count {
            if roles[i] == nil, let length = matchPhrase(AddressWords.noisePhrases, at: i) {
                for k in i..<i + length { roles[k] = .noise; canon[k] = "" }
                i += length
                continue
            }
            if roles[i] == nil, AddressWords.numberMarkers.contains(tokens[i].text), i + 1 < tokens.count,
                tokens[i + 1].isNumber, parts[i + 1] == parts[i]
            {
                roles[i] = .noise
                canon[i] = ""
            }
            i += 1
        }
    }

    /// The length of the first phrase written at `i` (all within one part).
    func matchPhrase(_ phrases: [[String]], at i: Int) -> Int? {
        for phrase in phrases where matches(phrase, at: i) { return phrase.count }
        return nil
    }

    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i + phrase.count <= tokens.count else { return false }
        for (k, word) in phrase.enumerated() {
            let t = i + k
            if tokens[t].text != word || roles[t] != nil || (k > 0 && parts[t] != parts[i]) { return false }
            if k > 0, tokens[t].breakBefore != .none { return false }
        }
        return true
    }

    /// True when token `i` opens a part (after a break, the start, or other qualifiers and noise).
    func opensPart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, parts[k] == parts[i] {
            if roles[k] != .qualifier && roles[k] != .noise { return false }
            k -= 1
        }
        return true
    }

    mutating func markQualifiers() {
        var i = 0
        while i < tokens.count {
            guard roles[i] == nil else { i += 1; continue }
            let atStart = opensPart(i)
            var matched = false
            for phrase in AddressWords.qualifierPhrases where (atStart || phrase.anywhere) {
                guard matches(phrase.words, at: i) else { continue }
                let end = i + phrase.words.count
                // A qualifier must qualify something written after it, and not be a street's name
                // (`JUNCTION ROAD`).
                guard end < tokens.count else { continue }
                if phrase.words.count == 1, !phrase.anywhere, parts[end] == parts[i], isTypeWord(end),
                    StreetTypes.ambiguousBeforeName[tokens[end].text] == nil
                {
                    continue
                }
                for k in i..<end { roles[k] = .qualifier; canon[k] = "" }
                canon[i] = phrase.kind.canonicalWords.joined(separator: " ")
                result.qualifiers.append(
                    Qualifier(kind: phrase.kind, span: tokens[i].span.lowerBound..<tokens[end - 1].span.upperBound))
                i = end
                matched = true
                break
            }
            if !matched { i += 1 }
        }
    }

    // MARK: Canonical words

    /// True when token `i` is a street-type form (`RD`, `ROAD`, `ST`).
    func isTypeWord(_ i: Int) -> Bool {
        StreetTypes.canonicalType(tokens[i].text) != nil
    }

    /// An alphabetic word that could be part of a name.
    func isNameWord(_ i: Int) -> Bool {
        let t = tokens[i]
        return !t.isNumber && roles[i] == nil && !t.isAmpersand && t.text.utf8.first.map { $0 >= 0x41 } == true
    }

    /// `ST`, `STE` and `DR` before a name (and not after one) are SAINT, SAINTE and DOCTOR.
    func isSaintPosition(_ i: Int) -> Bool {
        guard i + 1 < tokens.count, parts[i + 1] == parts[i], tokens[i + 1].breakBefore == .none,
            isNameWord(i + 1), !isTypeWord(i + 1)
        else { return false }
        guard i > 0, parts[i - 1] == parts[i] else { return true }
        let prev = tokens[i - 1]
        if prev.isNumber || roles[i - 1] == .qualifier || roles[i - 1] == .noise { return true }
        // After `UPPER`, `EAST`…, SAINT unless a place name follows (`UPPER ST MARTINS LANE`, `GREAT ST
        // HELENS`, but `EAST ST BARKING`).
        guard AddressWords.beforeSaint.contains(prev.text) else { return false }
        var end = i + 1
        while end < tokens.count, parts[end] == parts[i], tokens[end].breakBefore == .none { end += 1 }
        return knownPlace(at: i + 1, limit: end) == nil
    }

    mutating func setDefaultCanonical() {
        for i in tokens.indices where canon[i] == nil {
            let text = tokens[i].text
            if let before = StreetTypes.ambiguousBeforeName[text] {
                canon[i] = isSaintPosition(i) ? before : StreetTypes.canonicalType(text)
            } else if let expanded = AddressWords.abbreviations[text] {
                canon[i] = expanded
            } else if !AddressWords.typeOnlyInPlace.contains(text), let type = StreetTypes.canonicalType(text) {
                canon[i] = type
            } else if tokens[i].joinedToPreviousNumber, let previous = canon[i - 1], !previous.isEmpty {
                // `12/14`, `12 - 14` are written `12-14`.
                canon[i - 1] = previous + "-" + text
                canon[i] = ""
            } else {
                canon[i] = text
            }
        }
    }

    /// The canonical words of tokens `range`, dropped ones left out.
    func text(_ range: Range<Int>) -> String {
        var out = ""
        for i in range {
            let c = canon[i] ?? tokens[i].text
            guard !c.isEmpty else { continue }
            if !out.isEmpty { out += " " }
            out += c
        }
        return out
    }

    /// The last canonical word of token `i` (`HOUSE` for `PH`, written PUBLIC HOUSE).
    func lastWord(_ i: Int) -> String {
        let c = canon[i] ?? tokens[i].text
        guard let space = c.utf8.lastIndex(of: UInt8(ascii: " ")) else { return c }
        return String(c[c.index(after: space)...])
    }

    func span(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].span.lowerBound..<tokens[range.upperBound - 1].span.upperBound
    }
}
