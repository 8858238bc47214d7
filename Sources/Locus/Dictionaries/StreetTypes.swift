/// The street-type words of British addresses, in every written form, mapped to one canonical form.
///
/// The canonical form is the full upper-case word (`STREET`, `ROAD`, `GARDENS`). The normaliser and the
/// gazetteer builder both canonicalise through this table, so a name written `HIGH ST` in a crime record and
/// `High Street` in a source file meet as `HIGH STREET`.
enum StreetTypes {
    /// Every written form (upper case, no punctuation) → canonical full word.
    static let canonical: [String: String] = {
        var table: [String: String] = [:]
        for (full, forms) in variants {
            table[full] = full
            for form in forms { table[form] = full }
        }
        return table
    }()

    /// The canonical street types (full words).
    static let all: Set<String> = Set(variants.map(\.0))

    /// Forms that are also ordinary words or other things before a name and so need position to decide
    /// (`ST JOHNS RD`: SAINT; `DR` before a name: DOCTOR; `MT` may be MOUNT in either place).
    static let ambiguousBeforeName: [String: String] = ["ST": "SAINT", "STE": "SAINTE", "DR": "DOCTOR"]

    /// Canonical type for `word` (already upper case), or nil when it is not a street-type word.
    @inline(__always)
    static func canonicalType(_ word: String) -> String? { canonical[word] }

    /// Full word and its abbreviations. Kept as data, apart from the logic that uses it.
    static let variants: [(String, [String])] = [
        ("STREET", ["ST", "STR", "STRT"]),
        ("ROAD", ["RD"]),
        ("AVENUE", ["AVE", "AV", "AVN", "AVNUE"]),
        ("GARDENS", ["GDNS", "GDN", "GARDEN", "GRDNS"]),
        ("GREEN", ["GRN"]),
        ("CRESCENT", ["CRES", "CRESC", "CRS", "CRSNT"]),
        ("CLOSE", ["CL"]),
        ("COURT", ["CT", "CRT"]),
        ("DRIVE", ["DR", "DRV"]),
        ("LANE", ["LN"]),
        ("PLACE", ["PL"]),
        ("SQUARE", ["SQ"]),
        ("TERRACE", ["TER", "TERR", "TCE"]),
        ("WAY", ["WY"]),
        ("PARK", ["PK"]),
        ("PARADE", ["PDE", "PARA"]),
        ("HILL", ["HL"]),
        ("MEWS", ["MWS"]),
        ("ESTATE", ["EST"]),
        ("GROVE", ["GR", "GRV", "GRO"]),
        ("BROADWAY", ["BDWY"]),
        ("ROW", []),
        ("WALK", ["WLK", "WK"]),
        ("RISE", []),
        ("VALE", []),
        ("VIEW", []),
        ("YARD", ["YD"]),
        ("WHARF", ["WHF"]),
        ("GATE", []),
        ("GATEWAY", []),
        ("BRIDGE", ["BRG"]),
        ("EMBANKMENT", ["EMBANKMT", "EMB"]),
        ("CIRCUS", ["CIRC"]),
        ("CAUSEWAY", ["CSWY"]),
        ("CHASE", []),
        ("HIGHWAY", ["HWY"]),
        ("PASSAGE", ["PASS"]),
        ("PATH", []),
        ("QUAY", []),
        ("APPROACH", ["APP", "APPR"]),
        ("BOULEVARD", ["BLVD"]),
        ("BUILDINGS", ["BLDGS"]),
        ("COTTAGES", ["COTTS"]),
        ("HEIGHTS", ["HTS"]),
        ("MOUNT", ["MT"]),
        ("PARKWAY", ["PKWY"]),
        ("PROMENADE", ["PROM"]),
        ("CORNER", []),
        ("CROSS", []),
        ("CROSSING", []),
        ("END", []),
        ("FIELDS", []),
        ("MEADOW", []),
        ("MEADOWS", []),
        ("ORCHARD", []),
        ("PAVEMENT", []),
        ("RIDE", []),
        ("RIDGE", []),
        ("VILLAS", []),
        ("ALLEY", []),
        ("ARCADE", []),
        ("BANK", []),
        ("COMMON", []),
        ("COURTYARD", []),
        ("DALE", []),
        ("DELL", []),
        ("DOWNS", []),
        ("GARTH", []),
        ("GLADE", []),
        ("GLEN", []),
        ("LINK", []),
        ("LOOP", []),
        ("MALL", []),
        ("MEAD", []),
        ("OVAL", []),
        ("POINT", []),
        ("PRECINCT", []),
        ("QUADRANT", []),
        ("REACH", []),
        ("SPUR", []),
        ("STEPS", []),
        ("TRIANGLE", []),
        ("VISTA", []),
        ("WOOD", []),
        ("WAYE", []),
    ]
}
