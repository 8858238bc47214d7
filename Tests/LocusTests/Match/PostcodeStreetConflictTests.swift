import Foundation
import Testing
@testable import Locus

/// A written unit contradicted by the street and number written (`PostcodeStreetConflict.swift`), on the match
/// fixture: CR0 1AB's centroid (532310, 165250) and its own premises (20 and 30 High Street) lie 2.1 km from
/// 11 Vale Road (534000, 166500).
@Suite struct PostcodeStreetConflictTests {
    /// The fixture with one more unit, CR0 1AF, at CR0 1AB's centroid but with no premises of its own.
    static let bare: Result<Matcher, Error> = Result {
        try MatchFixture.variant("bare-unit") { sources in
            sources.codePoint = [MatchFixture.amended("codepoint-london.csv",
                                                      adding: "CR0 1AF,10,532310,165250,E09000008,E05011460")]
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

    @Test func aUnitWithNoPremisesOfItsOwnIsNotDoubted() throws {
        // CR0 1AF stands where CR0 1AB does, but holds no premises: nothing says it is another street's unit.
        let r = try Self.bare.get().geocode(LocationQuery(text: "41 BARN ROAD, CR0 1AF"))
        #expect(!r.faults.map(\.code).contains("postcode.street_far"))
        #expect(r.level == .postcode)
        #expect(r.easting != nil)
    }

    @Test func aStreetNotWrittenAsTheGazetteerHasItIsNoEvidence() throws {
        // VALE RD with a type respelled is still exact; VALE AVENUE is another type: no doubt on the unit.
        let r = try MatchFixture.matcher().explain(LocationQuery(text: "11 VALE AVENUE, CR0 1AB"))
        #expect(!(r.candidates.first { $0.level == .postcode }?.faults.map(\.code).contains("postcode.street_far") ?? true))
    }
}
