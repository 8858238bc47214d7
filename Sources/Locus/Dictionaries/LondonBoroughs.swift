/// The 33 London local authorities (32 boroughs and the City of London) with their GSS codes and the
/// name forms that police, ONS, OS and the FSA write. Compiled in so that a gazetteer built without the area
/// name files still names every borough.
enum LondonBoroughs {
    struct Borough: Sendable, Equatable {
        /// ONS GSS code, `E09000001` … `E09000033`.
        let code: String
        /// The ONS short name (`ladnm`): `Barking and Dagenham`, `City of London`, `Westminster`.
        let shortName: String
        /// The official name as in the Code-Point code list (`Barking and Dagenham London Boro`).
        let officialName: String
        /// Other forms people write (FSA `Richmond-Upon-Thames`, `City of London Corporation`, short forms).
        let otherNames: [String]
    }

    static let all: [Borough] = rows.map { row in
        Borough(
            code: row.0, shortName: row.1,
            officialName: row.2 ?? "\(row.1) London Boro", otherNames: row.3)
    }

    /// The borough with GSS `code`, if it is one of the 33.
    static func borough(code: String) -> Borough? { byCode[code] }

    /// Whether `code` is a London local authority (`E09…`).
    static func isLondon(code: String) -> Bool { byCode[code] != nil }

    private static let byCode: [String: Borough] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    private static let rows: [(String, String, String?, [String])] = [
        ("E09000001", "City of London", "City and County of the City of London",
         ["City of London Corporation", "City", "Corporation of London"]),
        ("E09000002", "Barking and Dagenham", nil, ["Barking", "Dagenham"]),
        ("E09000003", "Barnet", nil, []),
        ("E09000004", "Bexley", nil, []),
        ("E09000005", "Brent", nil, []),
        ("E09000006", "Bromley", nil, []),
        ("E09000007", "Camden", nil, []),
        ("E09000008", "Croydon", nil, []),
        ("E09000009", "Ealing", nil, []),
        ("E09000010", "Enfield", nil, []),
        ("E09000011", "Greenwich", "Greenwich London Boro", ["Royal Borough of Greenwich"]),
        ("E09000012", "Hackney", nil, []),
        ("E09000013", "Hammersmith and Fulham", nil, ["Hammersmith", "Fulham", "Hammersmith & Fulham"]),
        ("E09000014", "Haringey", nil, []),
        ("E09000015", "Harrow", nil, []),
        ("E09000016", "Havering", nil, []),
        ("E09000017", "Hillingdon", nil, []),
        ("E09000018", "Hounslow", nil, []),
        ("E09000019", "Islington", nil, []),
        ("E09000020", "Kensington and Chelsea", nil,
         ["Royal Borough of Kensington and Chelsea", "Kensington", "Chelsea"]),
        ("E09000021", "Kingston upon Thames", nil,
         ["Kingston-Upon-Thames", "Kingston", "Royal Borough of Kingston upon Thames"]),
        ("E09000022", "Lambeth", nil, []),
        ("E09000023", "Lewisham", nil, []),
        ("E09000024", "Merton", nil, []),
        ("E09000025", "Newham", nil, []),
        ("E09000026", "Redbridge", nil, []),
        ("E09000027", "Richmond upon Thames", nil, ["Richmond-Upon-Thames", "Richmond"]),
        ("E09000028", "Southwark", nil, []),
        ("E09000029", "Sutton", nil, []),
        ("E09000030", "Tower Hamlets", nil, []),
        ("E09000031", "Waltham Forest", nil, []),
        ("E09000032", "Wandsworth", nil, []),
        ("E09000033", "Westminster", "City of Westminster London Boro", ["City of Westminster"]),
    ]
}
