/// Reads the postcodes written in source files into the canonical spaced form (`SW1A 1AA`).
///
/// To be replaced by the normaliser's `Postcode` once it is on main; kept in this one place until then.
enum SourcePostcode {
    /// `SW1A1AA`, `sw1a 1aa`, `E1  0AA` (OS fixed width) → `SW1A 1AA` / `E1 0AA`; a letter O in the first
    /// inward place is read as zero (`SE28 OGU`). Nil when the text is not a full unit postcode.
    static func canonical(_ text: String) -> String? {
        var chars: [UInt8] = []
        chars.reserveCapacity(8)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): chars.append(b - 32)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): chars.append(b)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\""): continue
            default: return nil
            }
        }
        guard chars.count >= 5 && chars.count <= 7 else { return nil }
        var inward = Array(chars.suffix(3))
        let outward = Array(chars.prefix(chars.count - 3))
        if inward[0] == UInt8(ascii: "O") { inward[0] = UInt8(ascii: "0") }
        guard isDigit(inward[0]), isLetter(inward[1]), isLetter(inward[2]) else { return nil }
        guard isValidOutward(outward) else { return nil }
        return String(decoding: outward, as: UTF8.self) + " " + String(decoding: inward, as: UTF8.self)
    }

    /// The sector (`SW1A 1`) of a canonical postcode.
    static func sector(_ postcode: String) -> String { String(postcode.dropLast(2)) }

    /// The district (outward code, `SW1A`) of a canonical postcode.
    static func district(_ postcode: String) -> String {
        String(postcode.prefix { $0 != " " })
    }

    /// A1, A11, A1A, AA1, AA11, AA1A.
    private static func isValidOutward(_ o: [UInt8]) -> Bool {
        guard o.count >= 2 && o.count <= 4, isLetter(o[0]) else { return false }
        let letters = isLetter(o[1]) ? 2 : 1
        guard o.count > letters, isDigit(o[letters]) else { return false }
        let rest = o[(letters + 1)...]
        return rest.count <= 1 && rest.allSatisfy { isDigit($0) || isLetter($0) }
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
}
