/// The one canonical text form that the normaliser, the gazetteer builder and the matcher all compare in.
///
/// Upper-case ASCII words: letters with accents lose them (`CAFÉ` → `CAFE`), an apostrophe inside a word vanishes
/// (`KING'S` → `KINGS`; `apostropheVanishes`), `&` becomes the word `AND`, and every other non-alphanumeric
/// character separates words. Digits stay attached to letters (`12A`, `SE1`). The normaliser's `Tokeniser` folds
/// letters and apostrophes with the same two functions (`foldLatin`, `apostropheVanishes`).
enum CanonicalText {
    /// The canonical words of `text`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            if isApostrophe(v) {
                let next = i + 1 < scalars.count && scalars[i + 1].value < 0x80 ? UInt8(scalars[i + 1].value) : nil
                if !apostropheVanishes(inWord: !current.isEmpty, before: next) { flush() }
            } else if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(b - 32)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(b)
                case UInt8(ascii: "&"):
                    flush()
                    words.append("AND")
                default: flush()
                }
            } else if let folded = foldLatin(v) {
                current.append(contentsOf: folded.utf8)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The canonical words joined by single spaces.
    static func string(_ text: String) -> String { words(text).joined(separator: " ") }

    /// Whether the scalar is an apostrophe as people type them: `'`, `` ` ``, `’`, `‘` or `´`.
    static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x60 || v == 0x2019 || v == 0x2018 || v == 0xB4
    }

    /// The one apostrophe rule: inside a word and before an ASCII letter or digit an apostrophe vanishes
    /// (`KING'S` → `KINGS`, `O'NEILL` → `ONEILL`); anywhere else it separates words (`'HAUNT'`, `KINGS' ROAD`).
    static func apostropheVanishes(inWord: Bool, before next: UInt8?) -> Bool {
        guard inWord, let next else { return false }
        return (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
            || (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
    }

    /// Upper-case ASCII for common Latin letters with diacritics; nil for anything else.
    static func foldLatin(_ v: UInt32) -> String? {
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return "A"
        case 0xC6, 0xE6: return "AE"
        case 0xC7, 0xE7, 0x106...0x10D: return "C"
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return "E"
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return "I"
        case 0xD1, 0xF1, 0x143...0x148: return "N"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return "O"
        case 0x152, 0x153: return "OE"
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return "U"
        case 0xDD, 0xFD, 0xFF, 0x178: return "Y"
        case 0xDF: return "SS"
        case 0x15A...0x161: return "S"
        case 0x179...0x17E: return "Z"
        default: return nil
        }
    }
}
