import Foundation
import Testing
@testable import Locus

/// One test per level on the fixture gazetteer: the level reached, where, and how precisely.
@Suite struct MatcherLevelTests {
    let matcher: Matcher

    init() throws { matcher = try MatchFixture.matcher() }

    func geocode(_ text: String, borough: String? = nil, postcode: String? = nil) -> GeocodeResult {
        matcher.geocode(LocationQuery(text: text, postcode: postcode, borough: borough))
    }

    func distance(_ r: GeocodeResult, _ x: Double, _ y: Double) -> Double {
        guard let e = r.easting, let n = r.northing else { return .infinity }
        return planeDistance(e, n, x, y)
    }

    @Test func addressOnTheNamedStreet() {
        let r = geocode("12 HIGH ST, CROYDON", borough: "Croydon")
        #expect(r.level == .address)
        #expect(distance(r, 532300, 165100) < 10)
        #expect(r.score >= 90)
        #expect(r.borough == "Croydon")
        #expect(r.postcode == "CR0 1AA")
    }

    @Test func interpolatedBetweenNumbersOnTheSameSide() {
        let r = geocode("24 HIGH STREET", borough: "Croydon")
        #expect(r.level == .interpolated)
        #expect(distance(r, 532300, 165220) < 15)
        #expect(r.faults.map(\.code).contains("number.interpolated"))
    }

    @Test func streetWithoutNumber() {
        let r = geocode("PARK LANE", borough: "Croydon")
        #expect(r.level == .street)
        #expect(distance(r, 532520, 165100) < 250)
        #expect((r.precisionMeters ?? 0) >= 100)
    }

    @Test func junctionFromTheStopNamedAfterIt() {
        let r = geocode("J/O HIGH ST & PARK LANE", borough: "Croydon")
        #expect(r.level == .junction)
        #expect(distance(r, 532310, 165105) < 5)
    }

    @Test func landmarkOnTheNamedStreet() {
        let r = geocode("O/S TESCO, HIGH ST", borough: "Croydon")
        #expect(r.level == .landmark)
        #expect(distance(r, 532300, 165420) < 10)
        #expect(r.faults.map(\.code).contains("qualifier"))
    }

    @Test func stationByName() {
        let r = geocode("EAST CROYDON STATION")
        #expect(r.level == .landmark)
        #expect(distance(r, 533000, 165900) < 10)
    }

    @Test func postcodeUnit() {
        let r = geocode("CR0 2AA")
        #expect(r.level == .postcode)
        #expect(distance(r, 533000, 166000) < 1)
        #expect(r.ward == "Fairfield Ward")
    }

    @Test func postcodeFromItsColumn() {
        let r = geocode("SOMEWHERE UNHEARD OF", postcode: "CR0 2AA")
        #expect(r.level == .postcode)
        #expect(distance(r, 533000, 166000) < 1)
    }

    @Test func unknownUnitFallsBackToItsSector() {
        let r = geocode("CR0 1XX")
        #expect(r.level == .postcodeSector)
        #expect(r.faults.map(\.code).contains("postcode.not_found"))
    }

    @Test func boroughOnlyHasNoCoordinates() {
        let r = geocode("SOMEWHERE UNHEARD OF", borough: "Richmond upon Thames")
        #expect(r.level == .borough)
        #expect(r.easting == nil)
        #expect(r.borough == "Richmond upon Thames")
        #expect(r.faults.map(\.code).contains("coarse"))
    }

    @Test func nothingToGeocode() {
        let r = geocode("NFA")
        #expect(r.level == .none)
        #expect(!r.isMatched)
    }
}
