/// Reads the postcodes written in source files into the canonical spaced unit form (`SW1A 1AA`), and names
/// the sector and district of a canonical unit.
enum SourcePostcode {
    /// `SW1A1AA`, `sw1a 1aa`, `E1  0AA` (OS fixed width), `SE28 OGU` (repaired) → canonical; nil unless the
    /// text is a full unit postcode. The normaliser's `Postcode` reads it first; a unit it refuses but that
    /// has the plain outward/inward shape is kept too, because the official sources hold real postcodes
    /// of retired districts (`W1M 0AA`, terminated in the 1990s) that crime records still quote.
    static func canonical(_ text: String) -> String? {
        if let postcode = Postcode(text) { return postcode.level == .unit ? postcode.canonical : nil }
        return historicUnit(text)
    }

    /// The sector (`SW1A 1`) of a canonical unit postcode.
    static func sector(_ postcode: String) -> String { String(postcode.dropLast(2)) }

    /// The district (outward code, `SW1A`) of a canonical unit postcode.
    static func district(_ postcode: String) -> String { String(postcode.prefix { $0 != " " }) }

    /// Outward `A9`, `A99`, `A9A`, `AA9`, `AA99`, `AA9A` and inward `9AA`, upper case, with no repairs.
    private static func historicUnit(_ text: String) -> String? {
        let chars = Array(text.utf8.filter { $0 != UInt8(ascii: " ") })
        guard chars.count >= 5 && chars.count <= 7 else { return nil }
        let outward = Array(chars.prefix(chars.count - 3)), inward = Array(chars.suffix(3))
        guard isDigit(inward[0]), isLetter(inward[1]), isLetter(inward[2]), isLetter(outward[0]) else { return nil }
        let letters = isLetter(outward[1]) ? 2 : 1
        guard outward.count > letters, isDigit(outward[letters]) else { return nil }
        let rest = outward[(letters + 1)...]
        guard rest.count <= 1, rest.allSatisfy({ isDigit($0) || isLetter($0) }) else { return nil }
        return String(decoding: outward, as: UTF8.self) + " " + String(decoding: inward, as: UTF8.self)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
}
