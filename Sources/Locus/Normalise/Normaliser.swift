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

    // MARK: Postcodes, noise, qualifiers

    mutating func markPostcodes() {
        // The same reading as `Postcode.find`, over the tokens, so that the canonical form reads the same again.
        // Only a word starting with a letter, holding a digit or followed by a number, can start a postcode, so
        // the scanner sees just such a word and the one after it.
        var buffer: [UInt8] = []
        var i = 0
        while i < tokens.count {
            let joinedNext = i + 1 < tokens.count && tokens[i + 1].breakBefore == .none && !tokens[i + 1].isAmpersand
                && !tokens[i].isAmpersand
            guard !tokens[i].isNumber, tokens[i].startsWithLetter, (2...7).contains(tokens[i].text.utf8.count),
                tokens[i].hasDigit || (joinedNext && tokens[i + 1].startsWithDigit)
            else {
                i += 1
                continue
            }
            buffer.removeAll(keepingCapacity: true)
            var word = tokens[i].text
            word.withUTF8 { buffer.append(contentsOf: $0) }
            let firstLength = buffer.count
            if joinedNext {
                var next = tokens[i + 1].text
                next.withUTF8 { buffer.append(contentsOf: $0) }
            }
            guard let hit = PostcodeScanner.read(buffer[...], firstLength: firstLength) else {
                i += 1
                continue
            }
            let first = i, last = i + hit.words - 1
            i = last + 1
            if hit.postcode?.level == .district, !districtStandsAsPostcode(first) { continue }
            let written = hit.postcode?.canonical ?? (first...last).map { tokens[$0].text }.joined(separator: " ")
            for k in first...last {
                tokens[k].role = .postcode
                tokens[k].canon = ""
            }
            tokens[first].canon = written
            if result.postcode == nil {
                result.postcode = PostcodeMention(
                    postcode: hit.postcode, text: written,
                    span: tokens[first].span.lowerBound..<tokens[last].span.upperBound)
            }
        }
    }

    /// A district alone (`SE1`) is a postcode when it is a London one, no flat or unit word names it and no
    /// street or road word stands beside it (`M4 MOTORWAY`, `A406 NORTH CIRCULAR ROAD`).
    func districtStandsAsPostcode(_ i: Int) -> Bool {
        let area = String(tokens[i].text.prefix { $0.isLetter })
        guard PostcodeAreas.london.contains(area) else { return false }
        if i > 0, tokens[i - 1].part == tokens[i].part {
            let before = tokens[i - 1].text
            if AddressWords.subBuildingKinds[before] != nil || AddressWords.roadWords.contains(before) { return false }
        }
        if i + 1 < tokens.count, tokens[i + 1].part == tokens[i].part {
            if isTypeWord(i + 1) || AddressWords.roadWords.contains(tokens[i + 1].text) { return false }
        }
        return true
    }

    mutating func markNoise() {
        var i = 0
        while i < tokens.count {
            guard let lexicon = tokens[i].lexicon, lexicon.startsNoise || lexicon.marksNumber else {
                i += 1
                continue
            }
            if tokens[i].role == nil, lexicon.startsNoise, let length = matchPhrase(AddressWords.noisePhrases, at: i) {
                for k in i..<i + length { tokens[k].role = .noise; tokens[k].canon = "" }
                i += length
                continue
            }
            if tokens[i].role == nil, lexicon.marksNumber, i + 1 < tokens.count,
                tokens[i + 1].isNumber, tokens[i + 1].part == tokens[i].part
            {
                // `NO 12`, and `NO NO 12` too, so that dropping one never puts another before the number.
                var k = i
                while k >= 0, tokens[k].part == tokens[i].part, tokens[k].role == nil,
                    tokens[k].lexicon?.marksNumber == true
                {
                    tokens[k].role = .noise
                    tokens[k].canon = ""
                    k -= 1
                }
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
            if tokens[t].text != word || tokens[t].role != nil || (k > 0 && tokens[t].part != tokens[i].part) { return false }
            if k > 0, tokens[t].breakBefore != .none { return false }
        }
        return true
    }

    /// True when token `i` opens a part (after a break, the start, or other qualifiers and noise).
    func opensPart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k].part == tokens[i].part {
            if tokens[k].role != .qualifier && tokens[k].role != .noise { return false }
            k -= 1
        }
        return true
    }

    mutating func markQualifiers() {
        var i = 0
        while i < tokens.count {
            guard tokens[i].role == nil, let lexicon = tokens[i].lexicon, !lexicon.qualifierPhrases.isEmpty else {
                i += 1
                continue
            }
            let atStart = opensPart(i)
            var matched = false
            for index in lexicon.qualifierPhrases {
                let phrase = AddressWords.qualifierPhrases[index]
                guard atStart || phrase.anywhere else { continue }
                guard matches(phrase.words, at: i) else { continue }
                let end = i + phrase.words.count
                // A qualifier must qualify something written after it, and not be a street's name
                // (`JUNCTION ROAD`).
                if phrase.words.count == 1, !phrase.anywhere, end < tokens.count, tokens[end].part == tokens[i].part, isTypeWord(end),
                    StreetTypes.ambiguousBeforeName[tokens[end].text] == nil
                {
                    continue
                }
                var last = end
                // `OPP TO`: a word that the canonical text would take into a longer phrase goes with it, so
                // that `OPPOSITE TO` reads as `OPPOSITE` again.
                if last < tokens.count, tokens[last].part == tokens[i].part, tokens[last].breakBefore == .none,
                    tokens[last].role == nil,
                    AddressWords.writtenQualifierTexts.contains(phrase.kind.canonicalText + " " + tokens[last].text)
                {
                    last += 1
                }
                let first = wordsJoiningQualifier(at: i, kind: phrase.kind)
                for k in first..<last { tokens[k].role = .qualifier; tokens[k].canon = "" }
                tokens[first].canon = phrase.kind.canonicalText
                result.qualifiers.append(
                    Qualifier(kind: phrase.kind, span: tokens[first].span.lowerBound..<tokens[last - 1].span.upperBound))
                i = last
                matched = true
                break
            }
            if !matched { i += 1 }
        }
    }

    /// `AT JCT`: the first of the words before qualifier `i` that its canonical text would take into a longer
    /// phrase read there (`AT JUNCTION OF`), so that the canonical form reads the same again; `i` when none.
    func wordsJoiningQualifier(at i: Int, kind: AddressWords.QualifierKind) -> Int {
        for count in stride(from: 3, through: 1, by: -1) where i - count >= 0 {
            let start = i - count
            guard (start..<i).allSatisfy({ tokens[$0].role == nil && tokens[$0].part == tokens[i].part }),
                (start + 1...i).allSatisfy({ tokens[$0].breakBefore == .none })
            else { continue }
            let text = (start..<i).map { tokens[$0].text }.joined(separator: " ") + " " + kind.canonicalText
            guard let phrase = AddressWords.writtenQualifierPhrases.first(where: {
                $0.kind == kind && $0.words.joined(separator: " ") == text
            }), phrase.anywhere || opensPart(start) else { continue }
            return start
        }
        return i
    }

    // MARK: Canonical words

    /// True when token `i` is a street-type form (`RD`, `ROAD`, `ST`).
    func isTypeWord(_ i: Int) -> Bool {
        tokens[i].lexicon?.streetType != nil
    }

    /// An alphabetic word that could be part of a name.
    func isNameWord(_ i: Int) -> Bool {
        !tokens[i].isNumber && tokens[i].role == nil && !tokens[i].isAmpersand && tokens[i].startsWithLetter
    }

    /// `ST`, `STE` and `DR` before a name (and not after one) are SAINT, SAINTE and DOCTOR.
    func isSaintPosition(_ i: Int) -> Bool {
        guard i + 1 < tokens.count, tokens[i + 1].part == tokens[i].part, tokens[i + 1].breakBefore == .none,
            isNameWord(i + 1), !isTypeWord(i + 1)
        else { return false }
        guard i > 0, tokens[i - 1].part == tokens[i].part else { return true }
        if tokens[i - 1].isNumber || tokens[i - 1].role == .qualifier || tokens[i - 1].role == .noise { return true }
        // After `UPPER`, `EAST`…, SAINT unless a place name follows (`UPPER ST MARTINS LANE`, `GREAT ST
        // HELENS`, but `EAST ST BARKING`).
        guard AddressWords.beforeSaint.contains(tokens[i - 1].text) else { return false }
        var end = i + 1
        while end < tokens.count, tokens[end].part == tokens[i].part, tokens[end].breakBefore == .none { end += 1 }
        return knownPlace(at: i + 1, limit: end) == nil
    }

    mutating func setDefaultCanonical() {
        for i in tokens.indices where tokens[i].canon == nil {
            if tokens[i].text.utf8.count == 1, i > 0, tokens[i - 1].part == tokens[i].part, tokens[i - 1].lexicon?.streetType != nil,
                endsPart(i), let direction = AddressWords.streetSuffixes[tokens[i].text]
            {
                // `HIGH STREET N`: a compass letter closing a street is its direction.
                tokens[i].canon = direction
            } else if let lexicon = tokens[i].lexicon {
                if let before = lexicon.beforeName {
                    tokens[i].canon = isSaintPosition(i) ? before : lexicon.streetType
                } else if lexicon.expansion == nil, lexicon.streetType != nil, endsTypePosition(i) {
                    // `HATTON GARDEN`: a type form that is also a word is the type where it ends a name.
                    tokens[i].canon = lexicon.streetType
                } else {
                    tokens[i].canon = lexicon.expansion ?? tokens[i].text
                }
            } else if tokens[i].joinedToPreviousNumber, let previous = tokens[i - 1].canon, !previous.isEmpty {
                // `12/14`, `12 - 14` are written `12-14`; `3/12` (not a range) keeps its slash, as a house number
                // would.
                let range = tokens[i].value >= tokens[i - 1].value
                tokens[i - 1].canon = previous + (range ? "-" : "/") + tokens[i].text
                tokens[i].canon = ""
            } else {
                tokens[i].canon = tokens[i].text
            }
        }
    }

    /// True when nothing of the same part follows token `i` (or only a postcode or number).
    func endsPart(_ i: Int) -> Bool {
        i + 1 == tokens.count || tokens[i + 1].breakBefore != .none || tokens[i + 1].role != nil || tokens[i + 1].isNumber
    }

    /// True when token `i` ends a part right after a name word (`HATTON GARDEN`).
    func endsTypePosition(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].part == tokens[i].part, tokens[i - 1].role == nil, !tokens[i - 1].isNumber,
            tokens[i - 1].lexicon?.qualifierPhrases.isEmpty ?? true
        else { return false }
        return endsPart(i)
    }

    /// The canonical words of tokens `range`, dropped ones left out.
    func text(_ range: Range<Int>) -> String {
        // Most components are one word: return it as it is.
        var only: String?
        for i in range {
            let c = tokens[i].canon ?? tokens[i].text
            guard !c.isEmpty else { continue }
            if only != nil {
                only = nil
                break
            }
            only = c
        }
        if let only { return only }
        var out = ""
        for i in range {
            let c = tokens[i].canon ?? tokens[i].text
            guard !c.isEmpty else { continue }
            if !out.isEmpty { out += " " }
            out += c
        }
        return out
    }

    /// The last canonical word of token `i` (`HOUSE` for `PH`, written PUBLIC HOUSE).
    func lastWord(_ i: Int) -> String {
        let c = tokens[i].canon ?? tokens[i].text
        guard let space = c.utf8.lastIndex(of: UInt8(ascii: " ")) else { return c }
        return String(c[c.index(after: space)...])
    }

    /// True when the canonical form of token `i` is its written or usual form (so its lexicon entry speaks for it).
    private func canonicalIsUsual(_ i: Int) -> Bool {
        guard let c = tokens[i].canon else { return true }
        return c == tokens[i].text || c == tokens[i].lexicon?.expansion
    }

    /// Token `i` ends in a business or landmark word (`STATION`, `SCHOOL`).
    func isPremisesWord(_ i: Int) -> Bool {
        canonicalIsUsual(i) ? tokens[i].lexicon?.isPremises ?? false : AddressWords.premisesWords.contains(lastWord(i))
    }

    /// Token `i` ends in a building word (`HOUSE`, `LODGE`).
    func isBuildingWord(_ i: Int) -> Bool {
        canonicalIsUsual(i) ? tokens[i].lexicon?.isBuilding ?? false : AddressWords.buildingWords.contains(lastWord(i))
    }

    func span(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].span.lowerBound..<tokens[range.upperBound - 1].span.upperBound
    }
}
