/// One written word of a location, in canonical letters, with where it was written.
struct Token {
    /// How this token is separated from the one before it.
    enum Break: UInt8 {
        case none
        /// A comma, semicolon, bracket, `@`, `|`, a spaced dash or a line end: a strong boundary.
        case part
        /// A slash with space beside it (`Marble Arch / Edgware Road`).
        case slash
    }

    /// Upper-case ASCII word (`HIGH`, `12A`), `AND` for `&`, or a slash abbreviation (`O/S`).
    var text: String
    var span: Range<Int>
    var breakBefore: Break = .none
    /// A dash or slash joins this number to the number before it (`12-14`, `12/14`).
    var joinedToPreviousNumber = false
    var isAmpersand = false
    /// Digits with at most one trailing letter (`12`, `12A`): a house-number shape.
    var isNumber = false
    /// The numeric value of a number token.
    var value = 0
    /// The letter after a number token's digits, if any.
    var letter: UInt8 = 0
    /// What the word tables say about `text`.
    var lexicon: LexiconEntry?
    /// The index of the comma-separated part the token is written in.
    var part: Int32 = 0
    /// The token's group in `Lexicon.placeGroups` (-1: it starts no place name).
    var placeGroup: Int32 = -1
    /// Shape of `text`, noted once: it holds a digit, starts with a letter, starts with a digit.
    var hasDigit = false
    var startsWithLetter = false
    var startsWithDigit = false
    /// The role the reading gave it; nil until decided.
    var role: Word.Role?
    /// Its canonical form: nil for the default, "" when dropped, several words joined by spaces.
    var canon: String?
}

/// Splits UTF-8 text into tokens: letters fold to upper-case ASCII, apostrophes vanish, and punctuation becomes
/// breaks. Works on bytes and allocates only the token array (words up to 15 bytes are stored inline).
enum Tokeniser {
    /// Slash abbreviations kept as one word.
    static let slashWords: Set<String> = {
        var words = Set<String>()
        for phrase in AddressWords.qualifierPhrases { for w in phrase.words where w.contains("/") { words.insert(w) } }
        for w in AddressWords.abbreviations.keys where w.contains("/") { words.insert(w) }
        for w in AddressWords.nothingToGeocode.keys where w.contains("/") && !w.contains(" ") { words.insert(w) }
        return words
    }()

    /// The tokens of `bytes`, and the spans of words too long to be names (`Normaliser.maximumWordBytes`),
    /// which are left out and read as a break between parts.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (tokens: [Token], longWords: [Range<Int>]) {
        var scanner = TokenScanner(bytes: bytes)
        scanner.run()
        return (scanner.tokens, scanner.longWords)
    }

    /// Splits a name glued to its street type (`BRADWELLAVENUE` → `BRADWELL AVENUE`) when the name part has
    /// at least four letters.
    static func splitGluedTypes(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { gluedSplit($0) != nil }) else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count + 1)
        for token in tokens { appendSplit(token, to: &out) }
        return out
    }

    /// Appends `token`, split where a street type is glued to it; the name may end in a type too
    /// (`STNRROADROAD`), so it is split again, and splitting the canonical form again changes nothing.
    private static func appendSplit(_ token: Token, to out: inout [Token]) {
        guard let cut = gluedSplit(token) else {
            out.append(token)
            return
        }
        // Written in ASCII, the split offset is exact; otherwise both halves keep the whole span.
        let exact = token.span.count == token.text.utf8.count
        var name = token
        name.text = String(token.text.prefix(cut))
        name.span = exact ? token.span.lowerBound..<token.span.lowerBound + cut : token.span
        name.lexicon = Lexicon.entries[name.text]
        name.hasDigit = false
        var type = Token(
            text: String(token.text.dropFirst(cut)),
            span: exact ? token.span.lowerBound + cut..<token.span.upperBound : token.span)
        type.lexicon = Lexicon.entries[type.text]
        type.startsWithLetter = true
        appendSplit(name, to: &out)
        out.append(type)
    }

    /// Where a glued street type starts in `token`, if it has one.
    private static func gluedSplit(_ token: Token) -> Int? {
        let count = token.text.utf8.count
        guard count >= 8, !token.isNumber, token.lexicon == nil else { return nil }
        var text = token.text
        return text.withUTF8 { bytes -> Int? in
            for type in gluedTypeBytes where count - type.count >= 4 {
                let cut = count - type.count
                guard bytes[count - 1] == type[type.count - 1], bytes[cut...].elementsEqual(type) else { continue }
                guard bytes[..<cut].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
                return cut
            }
            return nil
        }
    }

    private static let gluedTypeBytes: [[UInt8]] = AddressWords.gluedTypes.map { Array($0.utf8) }

    /// Marks digits with at most one trailing letter as a number.
    static func setNumber(_ token: inout Token, _ word: [UInt8]) {
        var value = 0
        var k = 0
        while k < word.count, word[k] >= 0x30, word[k] <= 0x39, k < 6 {
            value = value * 10 + Int(word[k] - 0x30)
            k += 1
        }
        guard k > 0, k <= 5 else { return }
        if k == word.count {
            token.isNumber = true
        } else if k == word.count - 1, word[k] >= 0x41, word[k] <= 0x5A {
            token.isNumber = true
            token.letter = word[k]
        } else {
            return
        }
        token.value = value
    }
}

/// The tokeniser's state while it walks the bytes once.
private struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let n: Int
    var tokens: [Token] = []
    var longWords: [Range<Int>] = []
    var word: [UInt8] = []
    var wordStart = 0
    var pendingBreak = Token.Break.none
    var pendingNumberJoin = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        n = bytes.count
        tokens.reserveCapacity(16)
        word.reserveCapacity(32)
    }

    mutating func flush(end: Int) {
        guard !word.isEmpty else { return }
        guard word.count <= Normaliser.maximumWordBytes else {
            longWords.append(wordStart..<end)
            word.removeAll(keepingCapacity: true)
            pendingNumberJoin = false
            raise(.part)
            return
        }
        // Appended first and filled in place, so the token is never copied.
        tokens.append(Token(text: String(decoding: word, as: UTF8.self), span: wordStart..<end))
        let k = tokens.count - 1
        tokens[k].breakBefore = k == 0 ? .none : pendingBreak
        Tokeniser.setNumber(&tokens[k], word)
        tokens[k].joinedToPreviousNumber = pendingNumberJoin && k > 0 && tokens[k - 1].isNumber && tokens[k].isNumber
        tokens[k].startsWithLetter = word[0] >= 0x41 && word[0] <= 0x5A
        tokens[k].startsWithDigit = word[0] >= 0x30 && word[0] <= 0x39
        tokens[k].hasDigit = tokens[k].startsWithDigit || word.contains { $0 >= 0x30 && $0 <= 0x39 }
        if !tokens[k].isNumber { tokens[k].lexicon = LexiconTable.shared.entry(for: word) }
        word.removeAll(keepingCapacity: true)
        pendingBreak = .none
        pendingNumberJoin = false
    }

    mutating func raise(_ b: Token.Break) {
        if b.rawValue > pendingBreak.rawValue { pendingBreak = b }
    }

    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    func isAlnum(_ b: UInt8) -> Bool { PostcodeFormat.upperAlnum(b) != nil }

    func nextNonSpace(from j: Int) -> UInt8? {
        var k = j
        while k < n, isSpace(bytes[k]) { k += 1 }
        return k < n ? bytes[k] : nil
    }

    /// True when the slash at `j` follows a street type and a letter follows it (`MARE ST/WELL ST`, as TfL
    /// names a stop at a junction): two streets, read like a spaced slash.
    func afterStreetType(_ j: Int) -> Bool {
        guard let last = tokens.last, last.span.upperBound == j, StreetTypes.canonicalType(last.text) != nil,
            j + 1 < bytes.count, let next = PostcodeFormat.upperAlnum(bytes[j + 1]), PostcodeFormat.isLetter(next)
        else { return false }
        return true
    }

    /// The last token ended a number with only spaces since.
    func afterNumber(_ j: Int) -> Bool {
        guard word.isEmpty, !tokens.isEmpty, tokens[tokens.count - 1].isNumber else { return false }
        for k in tokens[tokens.count - 1].span.upperBound..<j where !isSpace(bytes[k]) { return false }
        return true
    }

    mutating func run() {
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if let upper = PostcodeFormat.upperAlnum(b) {
                    if word.isEmpty { wordStart = i }
                    word.append(upper)
                    i += 1
                    continue
                }
                switch b {
                case UInt8(ascii: "'"), UInt8(ascii: "`"):
                    // An apostrophe inside a word vanishes (KING'S → KINGS); elsewhere it separates.
                    if CanonicalText.apostropheVanishes(inWord: !word.isEmpty, before: i + 1 < n ? bytes[i + 1] : nil) {
                        i += 1
                        continue
                    }
                    flush(end: i)
                case UInt8(ascii: "/"), UInt8(ascii: "\\"):
                    let spacedBefore = i > 0 && isSpace(bytes[i - 1])
                    let spacedAfter = i + 1 < n && isSpace(bytes[i + 1])
                    if word.count >= 1, word.count <= 2, !spacedBefore, !spacedAfter, i + 1 < n, isAlnum(bytes[i + 1]) {
                        // A slash abbreviation (O/S, J/O, N/K, O/SIDE)?
                        var k = i + 1
                        var candidate = word + [UInt8(ascii: "/")]
                        while k < n, let u = PostcodeFormat.upperAlnum(bytes[k]) { candidate.append(u); k += 1 }
                        if Tokeniser.slashWords.contains(String(decoding: candidate, as: UTF8.self)) {
                            word = candidate
                            flush(end: k)
                            i = k
                            continue
                        }
                    }
                    let wasNumber = word.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
                    flush(end: i)
                    if (wasNumber || afterNumber(i)) && isDigit(nextNonSpace(from: i + 1)) {
                        pendingNumberJoin = true
                    } else if spacedBefore || spacedAfter || afterStreetType(i) {
                        raise(.slash)
                    }
                case UInt8(ascii: "-"):
                    flush(end: i)
                    let spacedBefore = i > 0 && isSpace(bytes[i - 1])
                    let spacedAfter = i + 1 < n && isSpace(bytes[i + 1])
                    if afterNumber(i) && isDigit(nextNonSpace(from: i + 1)) {
                        pendingNumberJoin = true
                    } else if spacedBefore && spacedAfter {
                        raise(.part)
                    }
                case UInt8(ascii: "&"), UInt8(ascii: "+"):
                    flush(end: i)
                    var token = Token(text: "AND", span: i..<i + 1)
                    token.breakBefore = tokens.isEmpty ? .none : pendingBreak
                    token.isAmpersand = true
                    tokens.append(token)
                    pendingBreak = .none
                    pendingNumberJoin = false
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"),
                    UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "@"),
                    UInt8(ascii: ":"), 0x0A, 0x0D:
                    flush(end: i)
                    raise(.part)
                case UInt8(ascii: ">"):
                    // TfL marks such as `>T<` and `>LOL<`: skip the mark whole.
                    flush(end: i)
                    var k = i + 1
                    while k < n, k - i <= 4, isAlnum(bytes[k]) { k += 1 }
                    if k < n, bytes[k] == UInt8(ascii: "<"), k > i + 1 { i = k + 1; continue }
                default:
                    flush(end: i)
                }
                i += 1
                continue
            }
            // Multi-byte UTF-8: decode one scalar.
            var scalar: UInt32 = 0
            var length = 1
            if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); length = 2 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); length = 3 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); length = 4 }
            else { flush(end: i); i += 1; continue }
            guard i + length <= n else { flush(end: i); i = n; break }
            for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
            if CanonicalText.isApostrophe(scalar) {
                if CanonicalText.apostropheVanishes(inWord: !word.isEmpty, before: i + length < n ? bytes[i + length] : nil) {
                    i += length
                    continue
                }
                flush(end: i)
            } else if let folded = CanonicalText.foldLatin(scalar) {
                if word.isEmpty { wordStart = i }
                word.append(contentsOf: folded.utf8)
            } else if scalar == 0x2013 || scalar == 0x2014 {
                // En and em dashes act as the ASCII dash.
                flush(end: i)
                if afterNumber(i) && isDigit(nextNonSpace(from: i + length)) { pendingNumberJoin = true }
                else { raise(.part) }
            } else {
                flush(end: i)
            }
            i += length
        }
        flush(end: n)
    }
}
