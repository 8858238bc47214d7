import Foundation
import Testing
@testable import Locus

/// Bus stops and named places on their own fixture gazetteer: the match fixture's sources with the stops of
/// `Fixtures/stops/` (invented names and points in Croydon; its README describes them).
@Suite struct StopMatchingTests {
    static let built: Result<Matcher, Error> = Result {
        try MatchFixture.variant("stops") { sources in
            let folder = MatchFixture.folder.deletingLastPathComponent().appendingPathComponent("stops")
            sources.busStops = folder.appendingPathComponent("bus-stops.csv")
            sources.premises = folder.appendingPathComponent("fhrs.csv")
        }
    }

    let matcher: Matcher
    init() throws { matcher = try Self.built.get() }

    func geocode(_ text: String) -> GeocodeResult {
        matcher.geocode(LocationQuery(text: text, postcode: nil, borough: nil))
    }

    func distance(_ r: GeocodeResult, _ x: Double, _ y: Double) -> Double { MatchFixture.distance(r, x, y) }

    @Test func anOpenSpaceNamedLikeAStreetIsItsStops() {
        let r = geocode("Barn Green, Croydon")
        #expect(r.level == .landmark)
        #expect(distance(r, 533420, 166305) < 40)
        // The radius covers both stops and the place beside them.
        #expect((r.precisionMeters ?? 0) >= 150)
    }

    @Test func busStopWordsAreNotPartOfTheName() {
        for text in ["BUS STOP NR BARN GREEN", "BUS STOP O/S CROWN MARKET", "CROWN MARKET BUS STOP", "STOP K CROWN MARKET"] {
            let r = geocode(text)
            #expect(r.level == .landmark, "\(text)")
            #expect(r.easting != nil, "\(text)")
        }
    }

    @Test func aStreetReadOnlyByGuessingItsTypeDoesNotMakeAPlaceFar() {
        // `BARN` alone is read as Barn Road only by supplying its type: it does not say the market is far.
        let r = geocode("Crown Market, Barn")
        #expect(r.level == .landmark)
        #expect(distance(r, 532820, 165510) < 30)
        #expect(!r.faults.map(\.code).contains("landmark.far"))
    }

    @Test func aStopNamedAfterAnOrdinaryStreetIsNotThePlace() {
        let r = geocode("Park Lane, Croydon")
        #expect(r.level == .street)
        #expect(r.matched == "PARK LANE")
    }

    @Test func aNumberOnAnOpenSpaceIsAnAddressNotTheStops() {
        #expect(geocode("49 BARN GREEN").level != .landmark)
    }

    @Test func aBusStopAtAJunctionIsTheJunction() {
        let r = geocode("BUS STOP J/O HIGH ST & PARK LANE")
        #expect(r.level == .junction)
        #expect(distance(r, 532310, 165105) < 5)
    }

    @Test func aStopLetterWithTheStreetIsOnTheStreet() {
        let r = geocode("BUS STOP K PARK LANE")
        #expect(r.level == .street)
        #expect(r.matched == "PARK LANE")
    }

    @Test func aPartialPostcodeIsItsSectorOnly() {
        let r = geocode("CR0 1A")
        #expect(r.level == .postcodeSector)
        #expect(r.matched == "CR0 1")
        #expect(r.faults.map(\.code).contains("postcode.repaired"))
    }

    @Test func aSiteIsFoundFromTheFormsRecordsWrite() {
        // The stops are `St Agnes' Hospital` and `St Agnes' Hosp / A & E Department`, 134 m apart.
        for text in ["ST AGNES HOSPITAL", "SAINT AGNES'S HOSP", "ST. AGNES' HOSPITAL", "BUS STOP NR ST AGNES HOSP"] {
            let r = geocode(text)
            #expect(r.level == .landmark, "\(text)")
            #expect(min(distance(r, 533000, 166000), distance(r, 533120, 166060)) < 5, "\(text)")
            // The radius covers the site's other point.
            #expect((r.precisionMeters ?? 0) >= 134, "\(text)")
        }
        #expect(geocode("ST AGNES SCHOOL").level != .landmark)
    }

    @Test func aSiteKnownOnlyAsitsAddressesBuildingIsFound() {
        // Two premises whose address is `Elm Tree Hospital, Barn Road`: the site is where they are.
        for text in ["ELM TREE HOSPITAL", "ELM TREE HOSP, CROYDON", "THE ELM TREE HOSPITAL"] {
            let r = geocode(text)
            #expect(r.level == .landmark, "\(text)")
            #expect(r.easting != nil, "\(text)")
            // The radius covers both points (about 120 m apart).
            #expect((r.precisionMeters ?? 0) >= 100, "\(text)")
        }
    }

    @Test func aStationIsItsComplexNotABuildingCalledAfterIt() {
        // A premises whose address calls its building `East Croydon Station` lies 3 km from the station: the
        // text names the station, so that building is no site of it (it made KINGS CROSS STN ambiguous).
        for text in ["EAST CROYDON STN", "EAST CROYDON STATION"] {
            let r = geocode(text)
            #expect(r.level == .landmark, "\(text)")
            #expect(distance(r, 533000, 165900) < 50, "\(text)")
        }
    }
}
