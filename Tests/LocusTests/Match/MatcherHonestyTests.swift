import Foundation
import GRDB
import Testing
@testable import Locus

/// Issue 11's rules on the fixture gazetteer: `precision_m` covers the place, a fallback that cannot cover it
/// gives no coordinates, a street type nothing confirms is not located, and an unlocated row carries only the
/// areas its evidence established.
@Suite struct MatcherHonestyTests {
    /// The fixture matcher's result for a text and borough column.
    func geocode(_ text: String, borough: String? = nil) throws -> GeocodeResult {
        try MatchFixture.matcher().geocode(LocationQuery(text: text, borough: borough))
    }

    func candidates(_ text: String, borough: String? = nil) throws -> [MatchCandidate] {
        try MatchFixture.matcher().explain(LocationQuery(text: text, borough: borough)).candidates
    }

    @Test func anUnfoundJunctionOnALongStreetHasNoCoordinates() throws {
        // London Road runs 2 km; the text asks for where it meets a street the data does not hold.
        let r = try geocode("J/O LONDON ROAD & NOWHERE GROVE", borough: "Croydon")
        #expect(r.level == .street)
        #expect(r.faults.map(\.code).contains("junction.not_found"))
        #expect((r.precisionMeters ?? 0) >= 1000)
        #expect(r.easting == nil)
        #expect(r.faults.map(\.code).contains("coarse"))
    }

    @Test func anUnfoundJunctionOnAShortStreetIsLocatedWithTheStreetsReach() throws {
        // Park Lane is 360 m of known points: a point on it with a radius covering it all is honest.
        let r = try geocode("J/O PARK LANE & NOWHERE GROVE", borough: "Croydon")
        #expect(r.level == .street)
        let reach = try candidates("PARK LANE", borough: "Croydon")
            .first { $0.level == .street }.map { planeDistance($0.x, $0.y, 532340, 165100) } ?? 0
        #expect((r.precisionMeters ?? 0) >= reach)
    }

    @Test func aStreetTypeNothingConfirmsIsNotLocated() throws {
        let r = try geocode("ASHBURNHAM AVENUE", borough: "Richmond upon Thames")
        #expect(r.faults.map(\.code).contains("street.type_unconfirmed"))
        #expect(r.easting == nil)
        #expect(r.score < Matcher.defaultMinimumScore)
    }

    @Test func aStreetTypeIsConfirmedByTheNumberFoundOnTheStreet() throws {
        let r = try geocode("172 ASHBURNHAM AVENUE", borough: "Richmond upon Thames")
        #expect(r.level == .address)
        #expect(!r.faults.map(\.code).contains("street.type_unconfirmed"))
        #expect(r.easting != nil)
    }

    @Test func aStreetTypeIsConfirmedByAPostcodeUnitOnTheStreet() throws {
        let street = try candidates("ASHBURNHAM AVENUE TW10 7AA").first { $0.level == .street }
        #expect(street != nil)
        #expect(street?.faults.map(\.code).contains("street.type_unconfirmed") == false)
    }

    @Test func anUnlocatedRowCarriesOnlyTheAreasItsEvidenceEstablished() throws {
        // Park Lane is in Croydon; the borough column says Richmond: the rejected street's borough is not kept.
        let r = try geocode("PARK LANE", borough: "Richmond upon Thames")
        #expect(r.easting == nil)
        #expect(r.borough == "Richmond upon Thames")
        let none = try geocode("J/O LONDON ROAD & NOWHERE GROVE")
        #expect(none.easting == nil)
        #expect(none.borough == nil)
        #expect(none.postcode == nil)
    }

    @Test func aNamedPremisesIsASiteNotADoor() throws {
        let r = try geocode("TESCO, HIGH ST", borough: "Croydon")
        #expect(r.level == .landmark)
        #expect((r.precisionMeters ?? 0) >= CandidateBuilder.premisesReach)
    }

    @Test func anAddressPointIsNoSurerThanAPostcodeUnit() throws {
        let r = try geocode("12 HIGH ST, CROYDON", borough: "Croydon")
        #expect(r.level == .address)
        #expect((r.precisionMeters ?? 0) >= CandidateBuilder.numberedPointFloor)
    }

    @Test func aLittleKnownStreetReachesAsFarAsItsBoroughsLongStreets() throws {
        let reach = StreetReach(halfExtents: (0..<40).map { (boroughID: Int64(1), halfDiagonal: Double($0) * 10) }
            + (0..<5).map { _ in (boroughID: Int64(2), halfDiagonal: 2000) })
        // Borough 1: 40 well-known streets, the 90th percentile of 0…390 m is 360 m.
        #expect(reach.byBorough[1] == 360)
        // Borough 2 has too few to say: London's figure stands in.
        #expect(reach.byBorough[2] == nil)
        var street = GazetteerStreet(row: [
            "id": 9, "name": "X", "borough_id": 1, "locality_id": nil, "x": 0.0, "y": 0.0,
            "min_x": 0.0, "min_y": 0.0, "max_x": 100.0, "max_y": 0.0, "points": 1,
        ])
        #expect(reach.reach(of: street) == 360)
        street.boroughID = 2
        #expect(reach.reach(of: street) == reach.london)
        street.points = StreetReach.wellKnownPoints
        #expect(reach.reach(of: street) == 50)
    }
}

/// Issue 11 pattern 5: a street whose numbers the gazetteer does not hold is not beaten by absence of data.
@Suite struct NumbersUnknownTests {
    @Test func aSameNameStreetWithoutKnownNumbersIsARival() throws {
        // Croydon's Vale Road has 11 and 16; Ham's is known only by a stop. Nothing says which one 17 is on.
        let r = try MatchFixture.matcher().geocode(LocationQuery(text: "17 VALE ROAD"))
        #expect(r.faults.map(\.code).contains("ambiguous"))
        #expect(r.easting == nil)
    }

    @Test func theBoroughColumnTellsThemApart() throws {
        let r = try MatchFixture.matcher().geocode(LocationQuery(text: "17 VALE ROAD", borough: "Croydon"))
        #expect(r.level == .interpolated)
        #expect(r.easting != nil)
    }
}
