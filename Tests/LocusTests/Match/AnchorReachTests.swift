import Foundation
import Testing
@testable import Locus

/// A street's point placed by a locality (`CandidateBuilder.anchoredPoint`) on the match fixture: London Road
/// runs 2 km north from (531800, 166000); Norbury lies on it, Ham 13 km west.
@Suite struct AnchorReachTests {
    func street(_ text: String) throws -> MatchCandidate? {
        try MatchFixture.matcher().explain(LocationQuery(text: text, borough: "Croydon")).candidates
            .first { $0.level == .street && $0.matched == "LONDON ROAD" }
    }

    @Test func aLocalityThatDoesNotNarrowTheStreetLeavesItAtItsCentroid() throws {
        // Ham is farther from London Road than the road's own reach: it says nothing about which stretch, so the
        // point stays where the street's reach is measured from, not at the end nearest Ham.
        let plain = try #require(try street("LONDON ROAD"))
        let far = try #require(try street("LONDON ROAD, HAM"))
        #expect(planeDistance(far.x, far.y, plain.x, plain.y) < 1)
    }

    @Test func aLocalityOnTheStreetStillSaysWhichStretch() throws {
        // Norbury's centre lies on the road's northern half: the point moves there, with a radius under the road's.
        let plain = try #require(try street("LONDON ROAD"))
        let near = try #require(try street("LONDON ROAD, NORBURY"))
        #expect(planeDistance(near.x, near.y, plain.x, plain.y) > 50)
        #expect(near.precisionMeters < plain.precisionMeters)
    }
}
