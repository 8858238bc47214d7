/// The postcode areas of the United Kingdom and Crown dependencies (the leading letters of every postcode).
enum PostcodeAreas {
    /// Every area in use, upper case.
    static let all: Set<String> = Set(list.split(separator: " ").map(String.init))

    /// The areas that cover Greater London.
    static let london: Set<String> = [
        "E", "EC", "N", "NW", "SE", "SW", "W", "WC", "BR", "CR", "DA", "EN", "HA", "IG", "KT", "RM", "SM", "TW",
        "UB", "WD",
    ]

    /// Areas packed as two bytes (`first << 8 | second`, second 0 for one-letter areas), for byte-level checks.
    static let packed: Set<UInt16> = Set(all.map { area in
        let b = Array(area.utf8)
        return UInt16(b[0]) << 8 | UInt16(b.count > 1 ? b[1] : 0)
    })

    @inline(__always)
    static func contains(first: UInt8, second: UInt8?) -> Bool {
        packed.contains(UInt16(first) << 8 | UInt16(second ?? 0))
    }

    static let list = """
        AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH \
        EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK \
        ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD \
        TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
        """
}
