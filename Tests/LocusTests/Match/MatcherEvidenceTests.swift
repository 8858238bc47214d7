import Foundation
import Testing
@testable import Locus

/// The accuracy rules on the fixture gazetteer: evidence deciding between same-name streets, honest radii for
/// guessed house positions, street types.
@Suite struct MatcherEvidenceTests {
    let matcher: Matcher

    init() throws { matcher = try MatchFixture.matcher() }

    func geocode(_ text: String, borough: String? = nil) -> GeocodeResult {
        matcher.geocode(LocationQuery(text: text, borough: borough))
    }

    func distance(_ r: GeocodeResult, _ x: Double, _ y: Double) -> Double {
        guard let e = r.easting, let n = r.northing else { return .infinity }
        return planeDistance(e, n, x, y)
    }

    @Test func localityNamedDecidesBetweenSameNameStreets() {
        // Richmond's High Street has 5 itself; Hampton's only brackets it, but Hampton is the place named.
        let r = geocode("5 HIGH STREET, HAMPTON", borough: "Richmond upon Thames")
        #expect(!r.faults.map(\.code).contains("ambiguous"))
        #expect(r.level == .interpolated)
        #expect(distance(r, 513500, 169520) < 15)
    }

    @Test func misspeltLocalityIsReadAsTheNearestSpelling() {
        let r = geocode("5 HIGH STREET, HAMTPON", borough: "Richmond upon Thames")
        #expect(r.level == .interpolated)
        #expect(distance(r, 513500, 169520) < 15)
    }

    @Test func readingTheEvidenceFavoursIsARivalEvenSomePointsBehind() {
        // Hampton's High Street has 41 itself but Richmond is the place named; Richmond's only has 7.
        let r = geocode("41 HIGH STREET, RICHMOND", borough: "Richmond upon Thames")
        #expect(r.faults.map(\.code).contains("ambiguous"))
        #expect(r.easting == nil)
    }

    @Test func numbersInTwoRunsGiveAWideRadius() {
        // 41 and 57 are 900 m apart: 43 next to 41 is a guess the radius must own up to.
        let r = geocode("43 BARN ROAD", borough: "Croydon")
        #expect(r.easting == nil)
        let wide = matcher.explain(LocationQuery(text: "43 BARN ROAD", borough: "Croydon")).candidates
            .first { $0.level == .interpolated }
        #expect((wide?.precisionMeters ?? 0) >= 900)
    }

    @Test func nearestNumberOnTheSameSideBeforeAFacingOne() {
        let r = geocode("17 VALE ROAD", borough: "Croydon")
        #expect(r.level == .interpolated)
        #expect(distance(r, 534000, 166500) < 10)
    }

    @Test func aStreetNamedAfterAParadeIsTriedWhenTheParadeReadsOnlyWithFaults() {
        // PARK PARADE reads as PARK LANE only with a type fault; HIGH STREET is named exactly. The 4 is the
        // parade's, so High Street is placed as a street, not at a number 4.
        let r = geocode("4 PARK PARADE, HIGH STREET", borough: "Croydon")
        #expect(r.matched == "HIGH STREET")
        #expect(r.level == .street)
        #expect(!r.faults.map(\.code).contains("number.not_found"))
    }

    @Test func aPointWhosePostcodeIsOutsideTheSectorGivenConflicts() {
        // Both Mill Roads lie inside sector CR0 2's extent; only one's 2 has a CR0 2 postcode.
        let r = geocode("2 MILL ROAD, CR0 2")
        #expect(!r.faults.map(\.code).contains("ambiguous"))
        #expect(r.level == .address)
        #expect(distance(r, 533000, 166020) < 10)
        let other = matcher.explain(LocationQuery(text: "2 MILL ROAD, CR0 2")).candidates
            .first { $0.level == .address && planeDistance($0.x, $0.y, 532000, 166900) < 10 }
        #expect(other?.faults.map(\.code).contains("postcode.conflict") == true)
    }

    @Test func aLongStreetPlacedByALocalityKeepsAWideRadius() {
        // London Road runs 2 km; Norbury's centre lies on it, but the place may be anywhere along it there.
        let r = geocode("LONDON ROAD, NORBURY", borough: "Croydon")
        #expect(r.level == .street)
        #expect((r.precisionMeters ?? 0) >= CandidateBuilder.localityAnchorReach)
        #expect(r.easting == nil)
    }
}
