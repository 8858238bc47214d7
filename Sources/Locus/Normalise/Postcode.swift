/// A UK postcode at one of four levels: full unit (`SW1A 1AA`), sector (`SW1A 1`), district (`SW1A`) or area (`SW`).
///
/// Parsed from any written form: lower case, no space or extra spaces (`sw1a1aa`, `SW1A  1AA`). A character the
/// format makes certain is repaired (`SE28 OGU` → `SE28 0GU`, `CRO 1LA` → `CR0 1LA`; O↔0, I↔1, S↔5, Z↔2, B↔8)
/// and `repaired` says so; a unit with its last letter lost (`SE1 7P`) is its sector, repaired; text that fits the
/// format in no way, or in more than one repaired way, is invalid.
/// Two postcodes are equal when their canonical forms are, whether or not one was repaired.
public struct Postcode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How much of a postcode the text gave.
    public enum Level: String, Sendable, Codable, CaseIterable {
        case unit, sector, district, area
    }

    /// The canonical spaced upper-case form: `SW1A 1AA`, `SW1A 1`, `SW1A`, `SW`.
    public let canonical: String
    /// How much of a postcode it is: a unit, sector, district or area.
    public let level: Level
    /// True when a character was changed to make the text fit the format.
    let repaired: Bool

    /// Parses a postcode written on its own (surrounding spaces and punctuation allowed); nil when invalid.
    public init?(_ text: String) {
        var alnum: [UInt8] = []
        var spaceAt: [Int] = []
        for b in text.utf8 {
            if let c = PostcodeFormat.upperAlnum(b) {
                alnum.append(c)
            } else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") {
                if !alnum.isEmpty { spaceAt.append(alnum.count) }
            } else if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: ",") {
                continue
            } else {
                return nil
            }
        }
        // At most one gap inside the code, and it must fall between outward and inward.
        let gaps = Set(spaceAt.filter { $0 < alnum.count })
        guard gaps.count <= 1 else { return nil }
        if let found = PostcodeFormat.read(alnum[...], split: gaps.first, allowArea: true) {
            self = found
        } else if let gap = gaps.first, alnum.count - gap == 2,
            let hit = PostcodeScanner.read(alnum[...], firstLength: gap), hit.words == 2, let sector = hit.postcode,
            sector.level == .sector
        {
            // `SE1 7P`: a unit with its last letter lost is its sector, repaired (as in free text).
            self = sector
        } else {
            return nil
        }
    }

    init(canonical: String, level: Level, repaired: Bool) {
        self.canonical = canonical
        self.level = level
        self.repaired = repaired
    }

    /// The outward code (`SW1A`); for an area-only postcode, the area.
    public var outward: String {
        guard let space = canonical.utf8.firstIndex(of: UInt8(ascii: " ")) else { return canonical }
        return String(canonical[..<space])
    }

    /// The inward code (`1AA`) of a full unit; nil at coarser levels.
    var inward: String? {
        guard level == .unit else { return nil }
        return String(canonical.suffix(3))
    }

    /// The sector (`SW1A 1`) of a unit or sector; nil at coarser levels.
    public var sector: String? {
        switch level {
        case .unit: return String(canonical.dropLast(2))
        case .sector: return canonical
        case .district, .area: return nil
        }
    }

    /// The district (`SW1A`); nil for an area-only postcode.
    public var district: String? { level == .area ? nil : outward }

    /// The area: the leading letters (`SW`, `E`).
    public var area: String { String(canonical.prefix { $0.isLetter }) }

    public var description: String { canonical }

    public static func == (a: Postcode, b: Postcode) -> Bool { a.canonical == b.canonical }
    public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }
}

extension Postcode {
    /// A postcode found in free text, or text shaped like one that is not valid (`postcode` nil).
    struct Found: Sendable, Equatable {
        /// The valid postcode, or nil when the text only looks like one (`QQ1 1AA`, `CR0 1CI`).
        var postcode: Postcode?
        /// UTF-8 byte offsets into the searched text.
        var span: Range<Int>
    }

    /// Every postcode (unit, sector or district; never a bare area) in `text`, in order, with its UTF-8 byte span.
    /// Postcode-shaped text that is not valid is reported with a nil `postcode`. Repairs are made only when the
    /// candidate starts with a real letter and already holds a real digit, so ordinary words (`CROSS`, `BOSS`)
    /// and numbers before words (`57 OLD`) are never read as postcodes.
    static func find(in text: String) -> [Found] {
        var copy = text
        return copy.withUTF8 { find(inUTF8: $0) }
    }

    /// `find(in:)` over UTF-8 bytes.
    static func find(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Found] {
        var scanner = PostcodeScanner()
        var spans: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        var gapIsSpaces = true
        while i < n {
            if PostcodeFormat.upperAlnum(bytes[i]) != nil {
                let start = i
                while i < n, let u = PostcodeFormat.upperAlnum(bytes[i]) { scanner.bytes.append(u); i += 1 }
                scanner.addWord(length: i - start, joined: gapIsSpaces && !spans.isEmpty)
                spans.append(start..<i)
                gapIsSpaces = true
            } else {
                if bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\t") { gapIsSpaces = false }
                i += 1
            }
        }
        return scanner.scan().map { hit in
            Found(postcode: hit.postcode, span: spans[hit.words.lowerBound].lowerBound..<spans[hit.words.upperBound - 1].upperBound)
        }
    }
}

/// Finds postcodes in a sequence of upper-case words: the one reading shared by `Postcode.find(in:)` (over raw
/// text) and the normaliser (over its tokens), so both agree on what is a postcode.
struct PostcodeScanner {
    /// The words' bytes, back to back.
    var bytes: [UInt8] = []
    /// Each word's range in `bytes`.
    var words: [Range<Int>] = []
    /// Whether a word follows the one before with only spaces between.
    var joined: [Bool] = []

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        joined.removeAll(keepingCapacity: true)
    }

    mutating func addWord(length: Int, joined isJoined: Bool) {
        words.append(bytes.count - length..<bytes.count)
        joined.append(isJoined)
    }

    /// Postcodes (unit, sector or district) and postcode-shaped invalid text, as ranges of word indexes.
    func scan() -> [(words: Range<Int>, postcode: Postcode?)] {
        var found: [(words: Range<Int>, postcode: Postcode?)] = []
        var t = 0
        while t < words.count {
            let hasNext = t + 1 < words.count && joined[t + 1]
            let upTo = hasNext ? words[t + 1].upperBound : words[t].upperBound
            if let hit = Self.read(bytes[words[t].lowerBound..<upTo], firstLength: words[t].count) {
                found.append((t..<t + hit.words, hit.postcode))
                t += hit.words
            } else {
                t += 1
            }
        }
        return found
    }

    /// Reads a postcode starting at the first word of `text`: the first word's bytes (`firstLength` of them),
    /// then, when the next word follows with only spaces between, that word's bytes. Returns how many words it
    /// took (1 or 2) and the postcode, nil for postcode-shaped text that is not valid.
    static func read(_ text: ArraySlice<UInt8>, firstLength: Int) -> (words: Int, postcode: Postcode?)? {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let word = text.prefix(firstLength)
        let inward = text.dropFirst(firstLength)
        let hasNext = !inward.isEmpty
        // In free text a postcode starts with a real letter (`57 OLD` is no `S7 0LD`) and holds a real digit
        // in its first word or at the start of the next: most words are passed over here.
        guard (2...7).contains(word.count), PostcodeFormat.isLetter(word.first!),
            word.contains(where: isDigit) || (hasNext && isDigit(inward.first!))
        else { return nil }
        // Outward + inward as two words.
        if hasNext, (2...4).contains(word.count), PostcodeFormat.mayBeOutward(word) {
            if inward.count == 3, PostcodeFormat.mayBeInward(inward) {
                let code = PostcodeFormat.hasDigit(text) ? PostcodeFormat.read(text, split: word.count, allowArea: false) : nil
                if code != nil || PostcodeFormat.looksLikeUnit(outward: word, inward: inward) { return (2, code) }
            }
            if inward.count == 1, PostcodeFormat.isDigit(inward.first!), PostcodeFormat.hasDigit(word),
                let sector = PostcodeFormat.read(text, split: word.count, allowArea: false)
            {
                return (2, sector)
            }
            // `SE1 7P`: a unit with its last letter lost is its sector, never a flat `7P` (written exactly: a
            // real digit and an inward letter after a real outward; marked repaired, as a character was changed).
            if inward.count == 2, PostcodeFormat.isDigit(inward.first!), PostcodeFormat.isInwardLetter(inward.last!),
                PostcodeFormat.hasDigit(word),
                let sector = PostcodeFormat.read(text.dropLast(), split: word.count, allowArea: false),
                sector.level == .sector, !sector.repaired
            {
                return (2, Postcode(canonical: sector.canonical, level: .sector, repaired: true))
            }
        }
        // A whole unit written without a space.
        if (5...7).contains(word.count), PostcodeFormat.mayBeOutward(word.dropLast(3)),
            PostcodeFormat.mayBeInward(word.suffix(3))
        {
            let code = PostcodeFormat.hasDigit(word) ? PostcodeFormat.read(word, split: nil, allowArea: false) : nil
            if code != nil || PostcodeFormat.looksLikeUnit(outward: word.dropLast(3), inward: word.suffix(3)) {
                return (1, code)
            }
        }
        // A district alone: only when written exactly (no repair) to keep words and road numbers out.
        if (2...4).contains(word.count), PostcodeFormat.hasDigit(word),
            let district = PostcodeFormat.read(word, split: nil, allowArea: false), !district.repaired,
            district.level == .district
        {
            return (1, district)
        }
        return nil
    }
}
