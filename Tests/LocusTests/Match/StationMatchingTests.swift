import Foundation
import Testing
@testable import Locus

/// Stations on their own fixture gazetteer: the match fixture's postcodes and areas, with the stations and
/// stops of `Fixtures/stations/` (invented names and points in Croydon and Richmond).
@Suite struct StationMatchingTests {
    static let built: Result<Matcher, Error> = Result {
        let folder = MatchFixture.folder.deletingLastPathComponent().appendingPathComponent("stations")
        return try MatchFixture.variant("station") { sources in
            sources.naptan = folder.appendingPathComponent("naptan.csv")
            sources.busStops = folder.appendingPathComponent("bus-stops.csv")
        }
    }

    let matcher: Matcher
    init() throws { matcher = try Self.built.get() }

    func geocode(_ text: String, borough: String? = nil) -> GeocodeResult {
        matcher.geocode(LocationQuery(text: text, postcode: nil, borough: borough))
    }

    func distance(_ r: GeocodeResult, _ x: Double, _ y: Double) -> Double {
        guard let e = r.easting, let n = r.northing else { return .infinity }
        return planeDistance(e, n, x, y)
    }

    @Test func aModeSaysItIsTheStation() {
        let r = geocode("EAST CROYDON NR")
        #expect(r.level == .landmark)
        #expect(distance(r, 533000, 165900) < 5)
        #expect(!r.faults.map(\.code).contains("station.assumed"))
    }

    @Test func aTramStopOfTheComplexByItsMode() {
        let r = geocode("East Croydon (Tramlink)")
        #expect(distance(r, 533080, 165860) < 5)
    }

    @Test func aBareNameIsTheWholeComplexAssumed() {
        let r = geocode("East Croydon")
        #expect(r.level == .landmark)
        #expect(r.faults.map(\.code).contains("station.assumed"))
        // Between the rail station and the tram stop, with a radius covering both.
        #expect(distance(r, 533040, 165880) < 5)
        #expect((r.precisionMeters ?? 0) >= 200)
    }

    @Test func aLineInBracketsPicksItsStation() {
        #expect(distance(geocode("Hammersmith (H&C)"), 533300, 165300) < 5)
        #expect(distance(geocode("HAMMERSMITH (DISTRICT)"), 533500, 165300) < 5)
        let both = geocode("HAMMERSMITH STN")
        #expect(distance(both, 533400, 165300) < 5)
        #expect((both.precisionMeters ?? 0) >= 250)
    }

    @Test func londonAbbreviations() {
        #expect(distance(geocode("KINGS X ST PANCRAS TUBE"), 532400, 165600) < 5)
        #expect(distance(geocode("ST JOHNS WOOD LU"), 532800, 165300) < 5)
        #expect(distance(geocode("St. John's Wood Station"), 532800, 165300) < 5)
    }

    @Test func aStationNamedLikeAStreetIsNotTheStreet() {
        let r = geocode("PARK LANE (TRAMLINK)")
        #expect(r.level == .landmark)
        #expect(distance(r, 532560, 165140) < 5)
    }

    @Test func airportTerminals() {
        #expect(distance(geocode("HEATHROW T3"), 532700, 166100) < 5)
        #expect(distance(geocode("TERMINAL 2 TUBE"), 532700, 166100) < 5)
    }

    @Test func twoStationsJoinedAreOneComplex() {
        let r = geocode("Bank and Monument")
        #expect(r.level == .landmark)
        #expect(distance(r, 532275, 165530) < 5)
    }

    @Test func theStationNotTheBusStopNamedAfterIt() {
        let r = geocode("EAST CROYDON STATION")
        #expect(r.level == .landmark)
        #expect(distance(r, 533040, 165880) < 5)
    }

    @Test func aDistrictWithoutAStationStaysALocality() {
        #expect(geocode("CROYDON").level == .locality)
    }

    @Test func aBareStationInAnotherBoroughIsNotLocated() {
        let r = geocode("HAM", borough: "Croydon")
        #expect(r.easting == nil)
        #expect(geocode("HAM", borough: "Richmond upon Thames").level == .landmark)
    }

    @Test func aBareNameWithAFarPlaceIsNotTheStation() {
        // `PARK LANE, HAM`: the tram stop is in Croydon, kilometres from Ham; not assumed.
        #expect(geocode("PARK LANE, HAM").level != .landmark)
        #expect(geocode("PARK LANE TRAM STOP, CROYDON").level == .landmark)
    }

    @Test func aDockNumberAfterTheStationWordIsTheStation() {
        // `EAST CROYDON STATION 2, CROYDON`: the second cycle dock or rank named after the station.
        let r = geocode("East Croydon Station 2, Croydon")
        #expect(r.level == .landmark)
        #expect(distance(r, 533040, 165880) < 5)
        #expect(geocode("EAST CROYDON 2").level != .landmark)
    }

    @Test func aNumberedAddressIsNeverAStation() {
        #expect(geocode("12 PARK LANE").level != .landmark)
    }

    @Test func aBareNameWithAPlaceCoversTheStreetOfThatName() throws {
        // `Park Lane` is a tram stop and a street beside it: written `Street, Area`, it may be either.
        let r = geocode("PARK LANE, CROYDON")
        #expect(r.level == .landmark)
        #expect(r.faults.map(\.code).contains("station.assumed"))
        let far = geocode("15 PARK LANE")
        let e = try #require(far.easting), n = try #require(far.northing)
        #expect((r.precisionMeters ?? 0) >= planeDistance(e, n, 532560, 165140), "covers the street's far end")
        // Said to be the station, or written alone, it is the station's own radius.
        #expect(geocode("PARK LANE TRAM STOP, CROYDON").precisionMeters == 200)
        #expect(geocode("PARK LANE").precisionMeters == 200)
    }
}
