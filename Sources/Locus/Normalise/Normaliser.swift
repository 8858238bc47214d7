/// Reads free-text London locations (`O/S 12A HIGH ST, CROYDON CR0 1AB`) into a `ParsedLocation`.
///
/// Stateless: its tables are immutable, so one value can be used from many threads at once.
/// Spans in the result are UTF-8 byte offsets into the text given.
public struct Normaliser: Sendable {
    /// A normaliser with the compiled dictionaries.
    public init() {}

    /// The parse of `text`.
    public func parse(_ text: String) -> ParsedLocation {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// The parse of UTF-8 bytes (invalid sequences are read as separators).
    ///
    /// The work is bounded whatever the text: only its first `maximumTextBytes` (cut at a word break) are read,
    /// and words longer than `maximumWordBytes` are not read as words; `unread` says when either happened.
    public func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ParsedLocation {
        var cut = Self.cutPoint(bytes, limit: Self.maximumTextBytes)
        while true {
            var reading = LocationReading(bytes: UnsafeBufferPointer(rebasing: bytes[..<cut]))
            var parsed = reading.read()
            let length = parsed.canonical.utf8.count
            if length > Self.maximumTextBytes, cut > 0 {
                // Abbreviations written out made the canonical form longer than what is read: read less, so
                // that the canonical form is itself read whole, and reads the same, when normalised again.
                cut = Self.cutPoint(bytes, limit: min(cut - 1, cut * Self.maximumTextBytes / length))
                continue
            }
            if cut < bytes.count || !reading.longWords.isEmpty {
                parsed.unread = UnreadText(cutAt: cut < bytes.count ? cut : nil, longWords: reading.longWords)
            }
            return parsed
        }
    }

    /// The most of a text read: a real location is well under this (the longest of the dev set's is 117
    /// bytes); a pasted blob or broken export beyond it is cut, so no row costs more than this much reading.
    /// The canonical form is kept within it too (a text is read less far when written-out abbreviations would
    /// make it longer), so that it is read whole when normalised again.
    static let maximumTextBytes = 400
    /// Longer words are no name (London's longest street words have about 20 letters): they are not looked up.
    static let maximumWordBytes = 40

    /// Where a text is cut: its end when it fits, else at the last word break at or before `limit` (for one
    /// word longer than that, at a character boundary inside it).
    static func cutPoint(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard bytes.count > limit else { return bytes.count }
        // Letters, digits, apostrophes and non-ASCII bytes make words; anything else breaks them.
        func inWord(_ b: UInt8) -> Bool {
            b >= 0x80 || PostcodeFormat.upperAlnum(b) != nil || b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
        }
        var cut = limit
        while cut > 0, inWord(bytes[cut - 1]), inWord(bytes[cut]) { cut -= 1 }
        if cut > 0 { return cut }
        cut = limit
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }
}

/// What the normaliser left unread to bound its work.
struct UnreadText: Sendable, Equatable, Codable {
    /// Set when the text was longer than `Normaliser.maximumTextBytes`: only the bytes before this offset were read.
    var cutAt: Int?
    /// The spans of words longer than `Normaliser.maximumWordBytes`, read as breaks between parts.
    var longWords: [Range<Int>]
}

/// The working state of one parse: tokens with their roles and canonical forms.
struct LocationReading {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [Token]
    /// True once each token's `placeGroup` follows its canonical word.
    var placeGroupsSet = false
    var result = ParsedLocation()
    /// Token ranges of the building and premises names, turned into components at the end.
    var premisesRange: Range<Int>?
    var buildingRange: Range<Int>?
    /// Stop letters after `STOP` (`StopForms`).
    var stopLetters: [Int] = []
    /// Words too long to be names, left out of `tokens`.
    let longWords: [Range<Int>]

    enum StreetSlot { case primary, cross, other }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let scanned = Tokeniser.scan(bytes)
        tokens = Tokeniser.splitGluedTypes(scanned.tokens)
        longWords = scanned.longWords
        var part: Int32 = 0
        for i in tokens.indices {
            if i > 0, tokens[i].breakBefore != .none { part += 1 }
            tokens[i].part = part
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
        markStopLetters()
        setDefaultCanonical()
        for i in tokens.indices {
            guard let lexicon = tokens[i].lexicon else { continue }
            // The written word's group, unless the canonical word differs (`ST` read as SAINT).
            if let c = tokens[i].canon, c != tokens[i].text, c != lexicon.expansion {
                tokens[i].placeGroup = Lexicon.placeGroupIndex[c] ?? -1
            } else {
                tokens[i].placeGroup = lexicon.placeGroup
            }
        }
        placeGroupsSet = true
        if !tokens.indices.contains(where: { tokens[$0].role == nil && !tokens[$0].isNumber }) && result.postcode == nil {
            result = ParsedLocation()
            result.nothingToGeocode = NothingToGeocode(reason: .noPlaceWords)
            return result
        }
        readSegments()
        joinStopLetters()
        finish()
        return result
    }

    // MARK: Whole-text decisions

    func nothingReason() -> NothingToGeocode.Reason? {
        if tokens.isEmpty { return .empty }
        guard tokens.count <= 4, tokens[0].lexicon?.startsNothing == true else { return nil }
        let joined = tokens.map(\.text).joined(separator: " ")
        switch AddressWords.nothingToGeocode[joined] {
        case "no_fixed_abode": return .noFixedAbode
        case "unknown": return .unknown
        default: return nil
        }
    }
}
