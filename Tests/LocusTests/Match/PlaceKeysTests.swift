import Testing
@testable import Locus

/// Named places written as records write them meet the gazetteer's names under one loose key (`PlaceKeys`).
@Suite struct PlaceKeysTests {
    /// Pairs of a record's canonical form and a source's name that must meet.
    static let same: [(String, String)] = [
        ("SAINT THOMAS HOSPITAL", "St Thomas' Hospital"),
        ("SAINT THOMASS HOSPITAL", "St Thomas' Hospital"),
        ("KINGS COLLEGE HOSPITAL", "King's College Hosp"),
        ("WHITGIFT SHOPPING CENTRE", "Whitgift Centre"),
        ("THE WHITGIFT SHOP CENTRE", "Whitgift Ctr"),
        ("SAINT MARYS CHURCH", "St Mary's Ch"),
        ("BROCKWELL PARK", "Brockwell Pk"),
    ]
    /// Pairs that must stay apart.
    static let apart: [(String, String)] = [
        ("SAINT THOMAS HOSPITAL", "St Thomas Street"),
        ("KINGS COLLEGE HOSPITAL", "Kings College School"),
        ("WHITGIFT CENTRE", "Whitgift School"),
    ]

    @Test(arguments: same)
    func meet(_ pair: (String, String)) {
        let written = PlaceKeys.key(pair.0), source = PlaceKeys.key(CanonicalText.string(pair.1))
        #expect(written != nil && written == source, "\(pair.0) / \(pair.1)")
    }

    @Test(arguments: apart)
    func stayApart(_ pair: (String, String)) {
        #expect(PlaceKeys.key(pair.0) != PlaceKeys.key(CanonicalText.string(pair.1)), "\(pair.0) / \(pair.1)")
    }

    @Test func aLastStIsAStreet() {
        #expect(PlaceKeys.key("ST THOMAS ST") == "ST THOMA STREET")
        #expect(PlaceKeys.key("THE") == "THE")
    }

    @Test func aBuildingIsItsSiteWithoutItsUnit() {
        #expect(PlaceKeys.siteName("1074 WHITGIFT CENTRE") == "WHITGIFT CENTRE")
        #expect(PlaceKeys.siteName("12-18 Whitgift Centre") == "WHITGIFT CENTRE")
        #expect(PlaceKeys.siteName("UNIT 5 WHITGIFT CENTRE") == "WHITGIFT CENTRE")
        #expect(PlaceKeys.siteName("SHOP HOUSE") == "SHOP HOUSE")
        #expect(PlaceKeys.siteName("12") == nil)
    }
}
