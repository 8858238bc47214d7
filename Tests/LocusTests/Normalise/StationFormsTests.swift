import Testing
@testable import Locus

/// Station names in the forms people write them, read into the key the gazetteer's names share.
@Suite struct StationFormsTests {
    /// text → the first reading's key, mode, line, marked (a mode, line or station word written), whole.
    static let table: [(String, String, StationForms.Mode?, String?, Bool, Bool)] = [
        ("Acton Town", "ACTON TOWN", nil, nil, false, true),
        ("Bank and Monument", "BANK AND MONUMENT", nil, nil, false, true),
        ("Blackfriars LU", "BLACKFRIARS", .underground, nil, true, true),
        ("WEST HAMPSTEAD LUL", "WEST HAMPSTEAD", .underground, nil, true, true),
        ("Canary Wharf DLR", "CANARY WHARF", .dlr, nil, true, true),
        ("Shepherd's Bush NR", "SHEPHERDS BUSH", .rail, nil, true, true),
        ("CLAPHAM JN BR", "CLAPHAM JUNCTION", .rail, nil, true, true),
        ("Canary Wharf EL", "CANARY WHARF", .rail, nil, true, true),
        ("Shadwell LO", "SHADWELL", .rail, nil, true, true),
        ("BANK TFL", "BANK", nil, nil, true, true),
        ("Balham Underground Station", "BALHAM", .underground, nil, true, true),
        ("BRIXTON TUBE", "BRIXTON", .underground, nil, true, true),
        ("Highbury Overground", "HIGHBURY", .rail, nil, true, true),
        ("Bethnal Green Rail", "BETHNAL GREEN", .rail, nil, true, true),
        ("Whitechapel Elizabeth line", "WHITECHAPEL", .rail, nil, true, true),
        ("Ampere Way Tram", "AMPERE WAY", .tram, nil, true, true),
        ("Ampere Way Tram Stop", "AMPERE WAY", .tram, nil, true, true),
        ("Elmers End (Tramlink)", "ELMERS END", .tram, nil, true, true),
        ("Pontoon Dock (DLR)", "PONTOON DOCK", .dlr, nil, true, true),
        ("LIVERPOOL ST STN", "LIVERPOOL STREET", nil, nil, true, true),
        ("EUSTON STA", "EUSTON", nil, nil, true, true),
        ("Edgware Road (Bak)", "EDGWARE ROAD", .underground, "BAKERLOO", true, true),
        ("Hammersmith (H&C)", "HAMMERSMITH", .underground, "HAMMERSMITH AND CITY", true, true),
        ("Bank (Central)", "BANK", .underground, "CENTRAL", true, true),
        ("Canary Wharf Jubilee Line", "CANARY WHARF", .underground, "JUBILEE", true, true),
        ("KINGS X", "KINGS CROSS", nil, nil, false, true),
        ("KINGS CROSS ST PANCRAS", "KINGS CROSS SAINT PANCRAS", nil, nil, false, true),
        ("St. Paul's", "SAINT PAULS", nil, nil, false, true),
        ("ST JOHNS WOOD STN", "SAINT JOHNS WOOD", nil, nil, true, true),
        ("Elephant & Castle", "ELEPHANT AND CASTLE", nil, nil, false, true),
        ("Harrow-on-the-Hill", "HARROW ON THE HILL", nil, nil, false, true),
        ("Heathrow T5", "HEATHROW TERMINAL 5", nil, nil, false, true),
        ("HEATHROW AIRPORT TERMINAL 4", "HEATHROW TERMINAL 4", nil, nil, false, true),
        ("KEW GDNS STN", "KEW GARDENS", nil, nil, true, true),
        ("O/S BOW ROAD STATION", "BOW ROAD", nil, nil, true, false),
        ("Bow Road Station, Bow", "BOW ROAD", nil, nil, true, true),
        ("Catford, SE6", "CATFORD", nil, nil, false, true),
        // A dock's or stand's number after the station word is no part of the name.
        ("Southwark Station 1, Southwark", "SOUTHWARK", nil, nil, true, true),
        ("BANK STN 2", "BANK", nil, nil, true, true),
        ("Heathrow Terminal 5 Station", "HEATHROW TERMINAL 5", nil, nil, true, true),
    ]

    @Test(arguments: table) func reads(_ row: (String, String, StationForms.Mode?, String?, Bool, Bool)) {
        let best = StationForms.readings(row.0).first { $0.key == row.1 }
        #expect(best != nil, "\(row.0): \(StationForms.readings(row.0).map(\.key))")
        #expect(best?.mode == row.2, "\(row.0)")
        #expect(best?.line == row.3, "\(row.0)")
        #expect(best?.marked == row.4, "\(row.0)")
        #expect(best?.whole == row.5, "\(row.0)")
    }

    @Test func aStreetBesideAnotherPartIsNotABareStation() {
        // `Ada Street, Hackney Central`: the place names the area, not a station the text is at.
        let readings = StationForms.readings("Ada Street, Hackney Central")
        #expect(!readings.contains { $0.whole })
        #expect(!readings.contains { $0.marked })
    }

    /// gazetteer name → its keys (first is the station's own), mode, line.
    static let gazetteer: [(String, [String], StationForms.Mode?, String?)] = [
        ("Edgware Road (Bakerloo) Underground Station", ["EDGWARE ROAD"], .underground, "BAKERLOO"),
        ("Hammersmith (H&C Line) Underground Station", ["HAMMERSMITH"], .underground, "HAMMERSMITH AND CITY"),
        ("Abbey Wood (London) Rail Station", ["ABBEY WOOD"], .rail, nil),
        ("Queenstown Road (Battersea) Rail Station", ["QUEENSTOWN ROAD"], .rail, nil),
        ("Kensington (Olympia) Rail Station", ["KENSINGTON OLYMPIA"], .rail, nil),
        ("Cutty Sark (for Maritime Greenwich) DLR Station", ["CUTTY SARK"], .dlr, nil),
        ("King's Cross St. Pancras Underground Station", ["KINGS CROSS SAINT PANCRAS"], .underground, nil),
        ("London Victoria Rail Station", ["LONDON VICTORIA", "VICTORIA"], .rail, nil),
        ("London Bridge Rail Station", ["LONDON BRIDGE"], .rail, nil),
        ("Ampere Way Tram Stop", ["AMPERE WAY"], .tram, nil),
        ("Bankside Pier", ["BANKSIDE PIER"], .river, nil),
        ("City Thameslink Rail Station", ["CITY THAMESLINK"], .rail, nil),
        ("Heathrow Terminals 2 & 3 Underground Station",
         ["HEATHROW TERMINALS 2 AND 3", "HEATHROW TERMINAL 2", "TERMINAL 2", "HEATHROW TERMINAL 3", "TERMINAL 3"],
         .underground, nil),
    ]

    @Test(arguments: gazetteer) func gazetteerNames(_ row: (String, [String], StationForms.Mode?, String?)) {
        let forms = StationForms.gazetteerForms(row.0)
        #expect(forms?.keys == row.1, "\(row.0)")
        #expect(forms?.mode == row.2, "\(row.0)")
        #expect(forms?.line == row.3, "\(row.0)")
    }

    @Test func recordsThatAreNoStationOfTheirOwn() {
        #expect(StationForms.gazetteerForms("Albany Park - Footscray Lane") == nil)
        #expect(StationForms.gazetteerForms("Heathrow Terminal 4 (Rail-Air)") == nil)
    }
}
