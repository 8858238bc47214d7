/// The word tables the normaliser reads locations with, kept as data apart from the logic.
///
/// All entries are canonical words (upper case, as `CanonicalText` makes them); a slash abbreviation such as
/// `O/S` is one word with its slash.
package enum AddressWords {
    /// Where a location is relative to the place named.
    package enum QualifierKind: String, Sendable, Codable, CaseIterable {
        case outside, opposite, rear, near, adjacent, frontOf = "front_of", inside, junction, between
        case onOrNear = "on_or_near"

        /// True for kinds said of a building rather than a street (outside, inside, opposite, rear…).
        var pointsAtPremises: Bool {
            switch self {
            case .outside, .opposite, .rear, .adjacent, .frontOf, .inside: return true
            case .near, .junction, .between, .onOrNear: return false
            }
        }

        /// The canonical text written for this kind.
        var canonicalText: String {
            switch self {
            case .outside: return "OUTSIDE"
            case .opposite: return "OPPOSITE"
            case .rear: return "REAR OF"
            case .near: return "NEAR"
            case .adjacent: return "ADJACENT TO"
            case .frontOf: return "FRONT OF"
            case .inside: return "INSIDE"
            case .junction: return "JUNCTION OF"
            case .between: return "BETWEEN"
            case .onOrNear: return "ON OR NEAR"
            }
        }

        /// The canonical words written for this kind.
        var canonicalWords: [String] { canonicalText.split(separator: " ").map(String.init) }
    }

    /// Qualifier phrases, longest first within a kind. `anywhere` phrases are abbreviations no street or name
    /// uses, and the canonical phrases they are written as, so they are recognised in mid-text too (`TESCO O/S 12
    /// HIGH ST`); the others only open a part.
    static let qualifierPhrases: [(words: [String], kind: QualifierKind, anywhere: Bool)] =
        (QualifierKind.allCases.map { ($0.canonicalWords, $0, true) } + writtenQualifierPhrases)
        .enumerated().sorted { ($0.element.words.count, $1.offset) > ($1.element.words.count, $0.offset) }
        .map(\.element)

    /// The written qualifier phrases as text (`OPPOSITE TO`).
    static let writtenQualifierTexts: Set<String> = Set(writtenQualifierPhrases.map { $0.words.joined(separator: " ") })

    static let writtenQualifierPhrases: [(words: [String], kind: QualifierKind, anywhere: Bool)] = [
        (["ON", "OR", "NEAR"], .onOrNear, false), (["ON/NEAR"], .onOrNear, true),
        (["O/S"], .outside, true), (["OUTSIDE", "OF"], .outside, false), (["OUTSIDE"], .outside, false),
        (["O/SIDE"], .outside, true), (["OS"], .outside, false),
        (["OPP"], .opposite, true), (["OPPOSITE", "TO"], .opposite, false), (["OPPOSITE"], .opposite, false),
        (["OPPO"], .opposite, true),
        (["R/O"], .rear, true), (["TO", "THE", "REAR", "OF"], .rear, false), (["AT", "THE", "REAR", "OF"], .rear, false),
        (["REAR", "OF"], .rear, false), (["BEHIND"], .rear, false),
        (["NR"], .near, true), (["NEAR", "TO"], .near, false), (["NEAR"], .near, false), (["CLOSE", "TO"], .near, false),
        (["ADJ"], .adjacent, true), (["ADJ", "TO"], .adjacent, true), (["ADJACENT", "TO"], .adjacent, false),
        (["ADJACENT"], .adjacent, false), (["NEXT", "TO"], .adjacent, false), (["BESIDE"], .adjacent, false),
        (["F/O"], .frontOf, true), (["IN", "FRONT", "OF"], .frontOf, false), (["INFRONT", "OF"], .frontOf, false),
        (["FRONT", "OF"], .frontOf, false),
        (["INSIDE", "OF"], .inside, false), (["INSIDE"], .inside, false), (["WITHIN"], .inside, false),
        (["IN"], .inside, false),
        (["AT", "THE", "JUNCTION", "OF"], .junction, false), (["AT", "JUNCTION", "OF"], .junction, false),
        (["AT", "THE", "JUNCTION", "WITH"], .junction, false), (["JUNCTION", "OF"], .junction, false),
        (["JUNCTION", "WITH"], .junction, false), (["JUNCTION"], .junction, false), (["J/O"], .junction, true),
        (["J/OF"], .junction, true), (["J/W"], .junction, true), (["JW"], .junction, true), (["JCT"], .junction, true),
        (["JCN"], .junction, true), (["JNC"], .junction, true), (["JUNC"], .junction, true),
        (["CORNER", "OF"], .junction, false), (["CNR", "OF"], .junction, false), (["CNR"], .junction, false),
        (["BTWN"], .between, true), (["BETWEEN"], .between, false), (["BTW"], .between, true),
        (["B/T"], .between, true),
    ]

    /// Whole texts that mean there is nothing to geocode, with the reason.
    static let nothingToGeocode: [String: String] = {
        var table: [String: String] = [:]
        for text in ["NFA", "N F A", "NO FIXED ABODE", "NO FIXED ADDRESS", "NO FIXED ABODE NFA", "NFA NO FIXED ABODE",
                     "HOMELESS", "N/F/A"] {
            table[text] = "no_fixed_abode"
        }
        for text in ["UNKNOWN", "UNK", "N/K", "NK", "NOT KNOWN", "LOCATION UNKNOWN", "UNKNOWN LOCATION",
                     "ADDRESS UNKNOWN", "UNKNOWN ADDRESS", "NOT STATED", "NOT RECORDED", "NO ADDRESS", "NONE",
                     "NIL", "NULL", "N/A", "NA", "TBC", "TBA", "WITHHELD", "REFUSED", "VARIOUS", "VARIOUS LOCATIONS",
                     "NO LOCATION", "NOT GIVEN", "NOT APPLICABLE"] {
            table[text] = "unknown"
        }
        return table
    }()

    /// Sub-building kinds: written form → canonical kind. Kinds in `takesValue` are followed by a number or
    /// letter (`FLAT 3A`, `UNIT C`); the rest stand alone (`BASEMENT`).
    static let subBuildingKinds: [String: String] = [
        "FLAT": "FLAT", "FLT": "FLAT", "APARTMENT": "APARTMENT", "APT": "APARTMENT", "APPT": "APARTMENT",
        "UNIT": "UNIT", "UNITS": "UNIT", "ROOM": "ROOM", "RM": "ROOM", "SUITE": "SUITE", "BLOCK": "BLOCK",
        "BLK": "BLOCK", "SHOP": "SHOP", "STUDIO": "STUDIO", "PLATFORM": "PLATFORM", "PLAT": "PLATFORM",
        "KIOSK": "KIOSK", "STALL": "STALL", "BAY": "BAY", "GATE": "GATE", "ARCH": "ARCH", "ARCHES": "ARCH",
        "MAISONETTE": "MAISONETTE", "BASEMENT": "BASEMENT", "BSMT": "BASEMENT", "LOWER": "LOWER", "UPPER": "UPPER",
        "GROUND": "GROUND", "GND": "GROUND", "GRD": "GROUND", "GRND": "GROUND", "FIRST": "FIRST", "1ST": "FIRST",
        "SECOND": "SECOND", "2ND": "SECOND", "THIRD": "THIRD", "3RD": "THIRD", "FOURTH": "FOURTH", "4TH": "FOURTH",
        "TOP": "TOP", "FLOOR": "FLOOR", "FLR": "FLOOR", "FLOORS": "FLOOR", "FRONT": "FRONT", "REAR": "REAR",
    ]
    /// Sub-building kinds that need a value after them.
    static let takesValue: Set<String> = [
        "FLAT", "APARTMENT", "UNIT", "ROOM", "SUITE", "BLOCK", "SHOP", "STUDIO", "PLATFORM", "KIOSK", "STALL",
        "BAY", "GATE", "ARCH", "MAISONETTE",
    ]
    /// Floor words: a run of them ending in FLOOR (or BASEMENT) is a sub-building on its own.
    static let floorWords: Set<String> = [
        "BASEMENT", "LOWER", "UPPER", "GROUND", "FIRST", "SECOND", "THIRD", "FOURTH", "TOP", "FLOOR", "FRONT", "REAR",
    ]

    /// Words that mark a business, institution or landmark: a part ending in one names premises.
    static let premisesWords: Set<String> = ([
        "STATION", "SCHOOL", "ACADEMY", "COLLEGE", "UNIVERSITY", "HOSPITAL", "CHURCH", "CHAPEL", "MOSQUE",
        "TEMPLE", "SYNAGOGUE", "GURDWARA", "HOTEL", "PUB", "INN", "TAVERN", "ARMS", "CAFE", "RESTAURANT", "BAR",
        "CLUB", "NIGHTCLUB", "SUPERMARKET", "SHOP", "STORE", "STORES", "MARKET", "CENTRE", "CENTER", "LIBRARY",
        "MUSEUM", "GALLERY", "THEATRE", "CINEMA", "OFFICE", "SURGERY", "PHARMACY", "CHEMIST", "CHEMISTS", "GARAGE",
        "STADIUM", "LEISURE", "GYM", "POOL", "NEWSAGENT", "NEWSAGENTS", "TAKEAWAY", "KITCHEN", "BAKERY",
        "BUTCHERS", "LTD", "LIMITED", "PLC", "NURSERY", "PRISON", "AIRPORT", "TERMINAL", "SUBWAY", "AREA", "STOP",
        "HALL", "PALACE", "CATHEDRAL", "ABBEY", "SALON", "BARBERS", "LAUNDERETTE", "OFFLICENCE",
        "CEMETERY", "PLAYGROUND", "BRANCH", "DEPOT", "MOTORS", "SUPERSTORE", "FOODS", "FOOD", "TUBE", "RAILWAY",
        "PIZZA", "CHICKEN", "GRILL", "BISTRO", "DINER", "LOUNGE",
    ] as Set<String>).union(chainNames)

    /// Chain-store names: never a street's name, so even first in a part they name premises (`TESCO HIGH ST`).
    static let chainNames: Set<String> = [
        "MCDONALDS", "TESCO", "SAINSBURYS", "ASDA", "LIDL", "ALDI", "MORRISONS", "WAITROSE", "ICELAND", "BOOTS",
        "GREGGS", "PRIMARK", "COSTA", "STARBUCKS", "KFC", "WETHERSPOONS", "ARGOS", "POUNDLAND", "NANDOS",
        "SUBWAY", "SUPERDRUG", "COSTCUTTER", "NISA", "SPAR", "BOOTHS", "HALFORDS", "CURRYS", "WOOLWORTHS",
    ]

    /// Words that mark a named building: a part before the street ending in one is a building name.
    static let buildingWords: Set<String> = [
        "HOUSE", "BUILDING", "BUILDINGS", "MANSIONS", "LODGE", "TOWER", "TOWERS", "CHAMBERS", "COTTAGE",
        "COTTAGES", "FARMHOUSE", "ANNEXE", "ANNEX", "WING", "WORKS", "MILL", "BARN", "VILLA", "STUDIOS", "PLAZA",
        "EXCHANGE", "COURT", "ESTATE", "POINT", "HEIGHTS", "APARTMENTS", "HOMES", "CENTRE", "QUARTER", "WHARF",
        "FLAT", "VICARAGE", "RECTORY", "PRESBYTERY", "PAVILION", "BUNGALOW",
    ]

    /// Abbreviations that stand for one word wherever they are written.
    static let abbreviations: [String: String] = [
        "STN": "STATION", "STATN": "STATION", "GT": "GREAT", "GRT": "GREAT", "UPR": "UPPER", "LWR": "LOWER",
        "LR": "LOWER", "NTH": "NORTH", "STH": "SOUTH", "HSE": "HOUSE", "HO": "HOUSE", "BLDG": "BUILDING",
        "BLDNG": "BUILDING", "CTR": "CENTRE", "CNTR": "CENTRE", "CENTER": "CENTRE", "HOSP": "HOSPITAL",
        "SCH": "SCHOOL", "SCHL": "SCHOOL", "MKT": "MARKET", "CH": "CHURCH", "PH": "PUBLIC HOUSE", "P/H": "PUBLIC HOUSE",
        "RLY": "RAILWAY", "UNDGRD": "UNDERGROUND", "UGRD": "UNDERGROUND", "TUBE": "TUBE", "CAF": "CAFE",
        "RDBT": "ROUNDABOUT", "RBT": "ROUNDABOUT", "R/BOUT": "ROUNDABOUT", "RNDBT": "ROUNDABOUT", "LTD": "LIMITED",
        "INDUSTRIAL": "INDUSTRIAL", "IND": "INDUSTRIAL", "COMM": "COMMUNITY", "LIB": "LIBRARY", "PO": "POST OFFICE",
        "P/O": "POST OFFICE", "SUPERMKT": "SUPERMARKET", "MCDONALD": "MCDONALDS", "CNR": "CORNER",
    ]

    /// Words that name no place: dropped from the canonical form (`HAIL AND RIDE`, `NO 12`'s `NO`).
    static let noisePhrases: [[String]] = [
        ["HAIL", "AND", "RIDE", "SECTION"], ["HAIL", "AND", "RIDE"], ["HAIL", "RIDE"],
    ]
    /// Words that only mark the next word as a house number (`NO 12`, `NUMBER 12`).
    static let numberMarkers: Set<String> = ["NO", "NUMBER", "NUM", "NBR"]

    /// Words that may follow a street type and belong to the street (`RODING LANE SOUTH`).
    static let streetSuffixes: [String: String] = [
        "NORTH": "NORTH", "SOUTH": "SOUTH", "EAST": "EAST", "WEST": "WEST", "N": "NORTH", "S": "SOUTH",
        "E": "EAST", "W": "WEST", "NTH": "NORTH", "STH": "SOUTH", "UPPER": "UPPER", "LOWER": "LOWER",
        "CENTRAL": "CENTRAL",
    ]

    /// Street types that stand for a thoroughfare in their own right; a weaker type (`PARK`, `HILL`, `GREEN`)
    /// followed by one of these is part of the name (`CRYSTAL PALACE PARK ROAD`).
    static let strongStreetTypes: Set<String> = [
        "STREET", "ROAD", "LANE", "AVENUE", "DRIVE", "GARDENS", "CLOSE", "CRESCENT", "PLACE", "SQUARE", "TERRACE",
        "WAY", "GROVE", "MEWS", "WALK", "ROW", "PARADE", "APPROACH", "HIGHWAY", "BOULEVARD", "EMBANKMENT", "CIRCUS",
        "BROADWAY", "CAUSEWAY", "PASSAGE", "PARKWAY", "PROMENADE", "YARD",
    ]

    /// Words before `ST` that leave it SAINT (`UPPER ST MARTINS LANE`), besides numbers and qualifiers.
    static let beforeSaint: Set<String> = [
        "AND", "OF", "THE", "AT", "ON", "BY", "UPPER", "LOWER", "GREAT", "LITTLE", "OLD", "NEW", "EAST", "WEST",
        "NORTH", "SOUTH",
    ]

    /// Full street types that are written glued to the name in careless text (`BRADWELLAVENUE`).
    static let gluedTypes: [String] = [
        "STREET", "ROAD", "LANE", "AVENUE", "DRIVE", "CLOSE", "GARDENS", "SQUARE", "TERRACE", "PARADE", "CRESCENT",
    ]

    /// Words next to a district-shaped token that make it a road number (`M4 MOTORWAY`), not a postcode.
    static let roadWords: Set<String> = [
        "MOTORWAY", "NORTHBOUND", "SOUTHBOUND", "EASTBOUND", "WESTBOUND", "CARRIAGEWAY", "SLIP", "J", "JUNCTION",
    ]

    /// Street-type forms that are also ordinary words: canonicalised only where they stand as a type.
    static let typeOnlyInPlace: Set<String> = ["GARDEN", "PASS", "APP", "PARA", "EST", "GR", "GRO"]
}
