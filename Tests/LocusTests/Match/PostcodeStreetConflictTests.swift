import Foundation
import Testing
@testable import Locus

/// A written unit contradicted by the street and number written (`PostcodeStreetConflict.swift`), on the match
/// fixture: CR0 1AB's centroid (532310, 165250) and its own premises (20 and 30 High Street) lie 2.1 km from
/// 11 Vale Road (534000, 166500).
@Suite struct PostcodeStreetConflictTests {
    /// The fixture with two more units and no premises of their own: CR0 1AF where CR0 1AB stands (1 km from Barn
    /// Road), CR0 1AG 250 m north of 41 Barn Road (533000, 166000), the street's west end.
    static let bare: Result<Matcher, Error> = Result {
        try MatchFixture.variant("bare-units") { sources in
            sources.codePoint = [MatchFixture.amended("codepoint-london.csv", adding: """
                CR0 1AF,10,532310,165250,E09000008,E05011460
                CR0 1AG,10,533000,166250,E09000008,E05011460
                """)]
        }
    }

    @Test func aUnitWhosePremisesAreOnOtherStreetsIsNotAnsweredAgainstTheAddressWritten() throws {
        // 13 is placed between 11 and 16, 2.1 km from the unit: neither the unit (69) nor the guess (61) located.
        let r = try MatchFixture.matcher().geocode(LocationQuery(text: "13 VALE ROAD, CR0 1AB", borough: "Croydon"))
        #expect(r.faults.map(\.code).contains("postcode.street_far"))
        #expect(r.easting == nil)
        #expect(r.postcode == "CR0 1AB")
    }

    @Test func anAddressFoundAsWrittenWinsOverTheDoubtedUnit() throws {
        // 41 Barn Road (533000, 166000) is a premises point 1 km from CR0 1AB: the address (80, with its
        // postcode.conflict) now outscores the unit (84 without this rule, 69 with it).
        let r = try MatchFixture.matcher().geocode(LocationQuery(text: "41 BARN ROAD, CR0 1AB"))
        #expect(r.level == .address)
        #expect(MatchFixture.distance(r, 533000, 166000) < 5)
        #expect(r.faults.map(\.code).contains("postcode.conflict"))
    }

    @Test func aNumberWithinTheUnitsReachIsNoConflict() throws {
        // 1 Park Lane stands 58 m from CR0 1AA's centroid, though the unit's premises are on High Street.
        let r = try MatchFixture.matcher().geocode(LocationQuery(text: "1 PARK LANE, CR0 1AA"))
        #expect(!r.faults.map(\.code).contains("postcode.street_far"))
        #expect(r.easting != nil)
    }

    @Test func aUnitWithNoPremisesIsDoubtedOnlyBeyondTheStreetConflictDistance() throws {
        let matcher = try Self.bare.get()
        // CR0 1AG is 250 m from Barn Road: 57 Barn Road, 900 m east along it, does not doubt the unit.
        let near = matcher.explain(LocationQuery(text: "57 BARN ROAD, CR0 1AG"))
        let unit = try #require(near.candidates.first { $0.level == .postcode })
        #expect(!unit.faults.map(\.code).contains("postcode.street_far"))
        // CR0 1AF lies 1 km from Barn Road, in its borough: the address written is answered.
        let far = matcher.geocode(LocationQuery(text: "41 BARN ROAD, CR0 1AF"))
        #expect(far.level == .address)
        #expect(MatchFixture.distance(far, 533000, 166000) < 5)
    }

    @Test func aStreetNotWrittenAsTheGazetteerHasItIsNoEvidence() throws {
        // VALE RD with a type respelled is still exact; VALE AVENUE is another type: no doubt on the unit.
        let r = try MatchFixture.matcher().explain(LocationQuery(text: "11 VALE AVENUE, CR0 1AB"))
        #expect(!(r.candidates.first { $0.level == .postcode }?.faults.map(\.code).contains("postcode.street_far") ?? true))
    }
}
