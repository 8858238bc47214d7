import Testing

@testable import Locus

/// Bus stops, named places and partial postcodes as the normaliser reads them (`ParsedLocation.summary`).
@Suite struct StopFormsTableTests {
    static let cases: [(String, String)] = [
        // A stop at a junction: the junction's two streets, the stop as premises (not a street `BUS STOP`).
        ("BUS STOP J/O MARE ST & WELL ST", "q:junction; prem:BUS STOP; st:MARE|STREET; x:WELL|STREET"),
        ("BUS STOP J/O MARE ST AND WELL ST E8", "q:junction; prem:BUS STOP; st:MARE|STREET; x:WELL|STREET; pc:E8"),
        ("O/S BUS STOP J/O MARE ST & WELL ST", "q:outside,junction; prem:BUS STOP; st:MARE|STREET; x:WELL|STREET"),
        ("BUS STOP O/S 12 HIGH ST CROYDON", "q:outside; prem:BUS STOP; #12; st:HIGH|STREET; boro:CROYDON"),
        ("BUS STOP NR ELEPHANT & CASTLE STN", "q:near; bldg:BUS STOP; prem:ELEPHANT AND CASTLE STATION"),
        // An unspaced slash after a street type parts two streets, as TfL names a stop at a junction.
        ("MARE ST/WELL ST", "q:junction; st:MARE|STREET; x:WELL|STREET"),
        ("BUS STOP, MARE ST/WELL ST", "q:junction; prem:BUS STOP; st:MARE|STREET; x:WELL|STREET"),
        ("12/14 HIGH ST", "#12-14; st:HIGH|STREET"),
        // A stop's letter goes with the stop, not the street after it.
        ("BUS STOP K MARE STREET E8", "prem:BUS STOP K; st:MARE|STREET; pc:E8"),
        ("STOP K, MARE STREET", "prem:STOP K; st:MARE|STREET"),
        ("O/S BUS STOP K MARE ST", "q:outside; prem:BUS STOP K; st:MARE|STREET"),
        ("STOP AND SEARCH", "st:STOP AND SEARCH|"),
        // Named places.
        ("WATNEY MARKET BUS STOP", "prem:WATNEY MARKET BUS STOP"),
        ("BUS STOP O/S WATNEY MARKET", "q:outside; bldg:BUS STOP; prem:WATNEY MARKET"),
        ("Altab Ali Park, Whitechapel", "st:ALTAB ALI|PARK; loc:WHITECHAPEL"),
        // Named sites as records write them: saints, apostrophes, abbreviations (then looked up by `PlaceKeys`).
        ("ST THOMAS' HOSP", "prem:SAINT THOMAS HOSPITAL"),
        ("O/S ST. THOMAS'S HOSPITAL, WESTMINSTER BRIDGE RD",
         "q:outside; prem:SAINT THOMASS HOSPITAL; st:WESTMINSTER BRIDGE|ROAD"),
        ("WHITGIFT SHOP CTR, CROYDON", "prem:WHITGIFT SHOP CENTRE; boro:CROYDON"),
        ("KING'S COLLEGE HOSPITAL, DENMARK HILL", "prem:KINGS COLLEGE HOSPITAL; loc:DENMARK HILL"),
        // Partial postcodes: a unit with its last letter lost is its sector (`!`: repaired).
        ("SE1 7P", "pc:SE1 7!"),
        ("12 HIGH ST SE1 7P", "#12; st:HIGH|STREET; pc:SE1 7!"),
        ("SW1A 1", "pc:SW1A 1"),
        ("FLAT 7P, 12 HIGH ST", "sub:FLAT 7P; #12; st:HIGH|STREET"),
    ]

    @Test(arguments: cases)
    func parsesWhole(_ item: (String, String)) {
        #expect(Normaliser().parse(item.0).summary == item.1, "\(item.0)")
    }

    @Test func aPartialPostcodeIsMarkedRepaired() throws {
        let mention = try #require(Normaliser().parse("SE1 7P").postcode?.postcode)
        #expect(mention.level == .sector)
        #expect(mention.repaired)
        #expect(Postcode.find(in: "O/S 4 KING ST SE1 7P").first?.postcode?.canonical == "SE1 7")
        // The same in a postcode column.
        let column = try #require(Postcode("se1 7p"))
        #expect(column.canonical == "SE1 7" && column.level == .sector && column.repaired)
        #expect(Postcode("SE1 7C") == nil, "C is never an inward letter")
    }

    @Test func stopWordsAreTakenOffANameBeforeItIsLookedUp() {
        #expect(PlaceNames.withoutStopWords("BUS STOP WATNEY MARKET") == "WATNEY MARKET")
        #expect(PlaceNames.withoutStopWords("WATNEY MARKET BUS STOP") == "WATNEY MARKET")
        #expect(PlaceNames.withoutStopWords("STOP K WATNEY MARKET") == "WATNEY MARKET")
        #expect(PlaceNames.withoutStopWords("BUS STOP K") == nil)
        #expect(PlaceNames.withoutStopWords("TESCO") == "TESCO")
        #expect(PlaceNames.namesStop("BUS STOP"))
        #expect(!PlaceNames.namesStop("STOPFORD ROAD"))
    }
}
