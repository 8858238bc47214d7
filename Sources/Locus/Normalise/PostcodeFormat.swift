/// Up to eight ASCII bytes held inline, so that checking a postcode allocates nothing.
struct CodeBytes {
    private var packed: UInt64 = 0
    private(set) var count = 0

    init() {}

    init(_ bytes: some Collection<UInt8>) {
        for b in bytes.prefix(8) { append(b) }
    }

    subscript(i: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * UInt64(i))) }

    mutating func append(_ b: UInt8) {
        guard count < 8 else { return }
        packed |= UInt64(b) << (8 * UInt64(count))
        count += 1
    }

    mutating func append(_ other: CodeBytes) {
        for i in 0..<other.count { append(other[i]) }
    }

    var string: String {
        var copy = packed
        return withUnsafeBytes(of: &copy) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }
}

/// The UK postcode format, checked and repaired on upper-case ASCII bytes.
///
/// Outward codes: A9, A99, AA9, AA99, A9A, AA9A; inward: 9AA. A character is repaired only where the pattern
/// demands a digit and finds a look-alike letter (O→0, I→1, S→5, Z→2, B→8) or the reverse; when the text fits
/// one pattern exactly it is never repaired, and when it fits two patterns only by repair it is invalid.
enum PostcodeFormat {
    private static let A = UInt8(ascii: "A"), Z = UInt8(ascii: "Z"), zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

    /// The upper-case form of an ASCII letter or digit; nil for anything else.
    @inline(__always)
    static func upperAlnum(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return b - 32
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return b
        default: return nil
        }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= zero && b <= nine }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { b >= A && b <= Z }
    static func hasDigit(_ bytes: some Sequence<UInt8>) -> Bool { bytes.contains(where: isDigit) }

    /// Letters written for a look-alike digit (`O` for `0`), and back.
    private static let lookalikes: [(letter: UInt8, digit: UInt8)] =
        [("O", "0"), ("I", "1"), ("S", "5"), ("Z", "2"), ("B", "8")].map { (UInt8(ascii: $0), UInt8(ascii: $1)) }

    private static func digit(for b: UInt8) -> UInt8? { lookalikes.first { $0.letter == b }?.digit }
    private static func letter(for b: UInt8) -> UInt8? { lookalikes.first { $0.digit == b }?.letter }

    /// What a position of a pattern accepts.
    private enum Slot {
        case digit
        case letterExcept(StaticString)
        case letterIn(StaticString)

        func accepts(_ b: UInt8) -> Bool {
            switch self {
            case .digit: return PostcodeFormat.isDigit(b)
            case .letterExcept(let excluded): return PostcodeFormat.isLetter(b) && !Slot.contains(excluded, b)
            case .letterIn(let only): return Slot.contains(only, b)
            }
        }

        var wantsDigit: Bool { if case .digit = self { return true } else { return false } }

        private static func contains(_ s: StaticString, _ b: UInt8) -> Bool {
            s.withUTF8Buffer { $0.contains(b) }
        }
    }

    private static let first = Slot.letterExcept("QVX")
    private static let second = Slot.letterExcept("IJZ")
    private static let outwardPatterns: [[Slot]] = [
        [first, .digit],
        [first, .digit, .digit],
        [first, second, .digit],
        // Today's A9A letters, and M N R V X Y: the W1 sub-districts withdrawn since (W1M 0AA), whose 4,667 units
        // ONSPD keeps as terminated and older records still quote.
        [first, .digit, .letterIn("ABCDEFGHJKMNPRSTUVWXY")],
        [first, second, .digit, .digit],
        [first, second, .digit, .letterIn("ABEHMNPRVWXY")],
    ]
    private static let inwardLetter = Slot.letterExcept("CIKMOV")
    private static let inwardPattern: [Slot] = [.digit, inwardLetter, inwardLetter]

    /// Fits `bytes` to `pattern`, repairing look-alikes; nil when it cannot fit.
    private static func fit(_ bytes: ArraySlice<UInt8>, _ pattern: [Slot]) -> (bytes: CodeBytes, repaired: Bool)? {
        guard bytes.count == pattern.count else { return nil }
        var out = CodeBytes()
        var repaired = false
        for (b, slot) in zip(bytes, pattern) {
            if slot.accepts(b) {
                out.append(b)
            } else if let swapped = slot.wantsDigit ? digit(for: b) : letter(for: b), slot.accepts(swapped) {
                out.append(swapped)
                repaired = true
            } else {
                return nil
            }
        }
        return (out, repaired)
    }

    /// The one outward code `bytes` can be, with a known area; nil when none or ambiguous.
    static func outward(_ bytes: ArraySlice<UInt8>) -> (bytes: CodeBytes, repaired: Bool)? {
        var repairedFit: (bytes: CodeBytes, repaired: Bool)?
        var repairedFits = 0
        for pattern in outwardPatterns where pattern.count == bytes.count {
            guard let fitted = fit(bytes, pattern) else { continue }
            let second: UInt8? = isLetter(fitted.bytes[1]) ? fitted.bytes[1] : nil
            guard PostcodeAreas.contains(first: fitted.bytes[0], second: second) else { continue }
            if !fitted.repaired { return fitted }
            repairedFit = fitted
            repairedFits += 1
        }
        return repairedFits == 1 ? repairedFit : nil
    }

    /// The inward code `bytes` can be (`9AA`); nil when none.
    static func inward(_ bytes: ArraySlice<UInt8>) -> (bytes: CodeBytes, repaired: Bool)? {
        fit(bytes, inwardPattern)
    }

    /// True when `b` may stand as an inward code's letter (`SE1 7P`: a unit with its last letter lost).
    static func isInwardLetter(_ b: UInt8) -> Bool { inwardLetter.accepts(b) }

    /// Cheap shape test: could these bytes be an outward code after repair? (2–4 characters, starting with a
    /// letter or a look-alike digit.)
    static func mayBeOutward(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard (2...4).contains(bytes.count), let f = bytes.first else { return false }
        return isLetter(f) || letter(for: f) != nil
    }

    /// Cheap shape test: could these three bytes be an inward code after repair?
    static func mayBeInward(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 3 else { return false }
        let d = bytes[bytes.startIndex], l1 = bytes[bytes.startIndex + 1], l2 = bytes[bytes.startIndex + 2]
        return (isDigit(d) || digit(for: d) != nil) && (isLetter(l1) || letter(for: l1) != nil)
            && (isLetter(l2) || letter(for: l2) != nil)
    }

    /// Strict shape of a written postcode (letters then a real digit in the outward, inward starting with a
    /// real digit): text this shaped that is not valid is reported as an invalid postcode.
    static func looksLikeUnit(outward: ArraySlice<UInt8>, inward: ArraySlice<UInt8>) -> Bool {
        guard let f = outward.first, isLetter(f), outward.contains(where: isDigit),
            let d = inward.first, isDigit(d)
        else { return false }
        return inward.dropFirst().allSatisfy(isLetter)
    }

    /// Reads upper-case alphanumerics as a postcode. `split` is where the writer put the space, if anywhere.
    static func read(_ bytes: ArraySlice<UInt8>, split: Int?, allowArea: Bool) -> Postcode? {
        let count = bytes.count
        let s = bytes.startIndex
        func make(_ out: (bytes: CodeBytes, repaired: Bool), _ inn: (bytes: CodeBytes, repaired: Bool)?,
                  _ level: Postcode.Level) -> Postcode {
            var text = out.bytes
            if let inn {
                text.append(UInt8(ascii: " "))
                text.append(inn.bytes)
            }
            return Postcode(canonical: text.string, level: level, repaired: out.repaired || (inn?.repaired ?? false))
        }
        func unit(at cut: Int) -> Postcode? {
            guard let out = outward(bytes[s..<s + cut]), let inn = inward(bytes[(s + cut)...]) else { return nil }
            return make(out, inn, .unit)
        }
        func sector(at cut: Int) -> Postcode? {
            guard let out = outward(bytes[s..<s + cut]) else { return nil }
            let d = bytes[s + cut]
            guard let digitByte = isDigit(d) ? d : digit(for: d) else { return nil }
            return make(out, (CodeBytes([digitByte]), !isDigit(d)), .sector)
        }
        if let split, split > 0, split < count {
            switch count - split {
            case 3: return unit(at: split)
            case 1: return sector(at: split)
            default: return nil
            }
        }
        if (5...7).contains(count), let code = unit(at: count - 3) { return code }
        if (2...4).contains(count), let out = outward(bytes) { return make(out, nil, .district) }
        if allowArea, (1...2).contains(count), bytes.allSatisfy(isLetter),
            PostcodeAreas.contains(first: bytes[s], second: count == 2 ? bytes[s + 1] : nil)
        {
            return make((CodeBytes(bytes), false), nil, .area)
        }
        if allowArea, (3...5).contains(count), isDigit(bytes[s + count - 1]) {
            return sector(at: count - 1)
        }
        return nil
    }
}
