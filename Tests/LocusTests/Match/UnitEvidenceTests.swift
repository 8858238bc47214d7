import Foundation
import Testing
@testable import Locus

/// A written postcode unit read from its own address points as well as its centroid (`UnitEvidence.swift`), on
/// the match fixture with one more premises record: 13 Vale Road given unit CR0 1AB, whose centroid (532310,
/// 165250) lies 2 km from Vale Road.
@Suite struct UnitEvidenceTests {
    static let built: Result<Matcher, Error> = Result {
        try MatchFixture.variant("unit-points") { sources in
            sources.premises = MatchFixture.amended("fhrs.csv", adding:
                "1034,Vale Shop,Retailers - other,13 Vale Road,Croydon,,,CR0 1AB,-0.074401,51.381717,Croydon")
        }
    }

    let matcher: Matcher
    init() throws { matcher = try Self.built.get() }

    @Test func aStreetHoldingAnAddressOfTheUnitIsTheUnitsStreet() {
        // Without the unit's own point the address would lose 30 points for lying 2 km from the unit's centroid,
        // and the centroid would be answered.
        let r = matcher.geocode(LocationQuery(text: "13 VALE ROAD, CR0 1AB"))
        #expect(r.level == .address)
        #expect(MatchFixture.distance(r, 534102, 166500) < 15)
        #expect(!r.faults.map(\.code).contains("postcode.conflict"))
    }

    @Test func aNumberIsMeasuredFromTheUnitsNearestOwnPoint() {
        // 15 is placed from 13 and 16, a few metres from the unit's point on Vale Road: no conflict.
        let r = matcher.geocode(LocationQuery(text: "15 VALE ROAD, CR0 1AB"))
        #expect(r.level == .interpolated)
        #expect(MatchFixture.distance(r, 534200, 166500) < 150)
        #expect(!r.faults.map(\.code).contains("postcode.conflict"))
    }

    @Test func aUnitPointOnAFartherSameNameStreetDoesNotCount() throws {
        // 2 Mill Road at (532000, 166900) is given CR0 1AD, but the other Mill Road lies nearer that unit's
        // centroid: the far one's point is a record's slip, and its 2 still conflicts with the unit.
        let far = try MatchFixture.matcher().explain(LocationQuery(text: "2 MILL ROAD, CR0 1AD")).candidates
            .first { $0.level == .address && planeDistance($0.x, $0.y, 532000, 166900) < 10 }
        #expect(far?.faults.map(\.code).contains("postcode.conflict") == true)
    }
}
