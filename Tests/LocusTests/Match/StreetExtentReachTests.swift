import Testing
@testable import Locus

/// How far a place on a street may be from a point of it that an anchor (a postcode unit, a locality) picked.
@Suite struct StreetExtentReachTests {
    /// A street known along 1000 m east–west.
    static func street(points: Int) -> GazetteerStreet {
        GazetteerStreet(row: [
            "id": 1, "name": "LONG ROAD", "borough_id": 1, "locality_id": nil, "x": 500.0, "y": 0.0,
            "min_x": 0.0, "min_y": 0.0, "max_x": 1000.0, "max_y": 0.0, "points": points,
        ])
    }

    @Test func fromTheMiddleItIsTheReach() {
        #expect(Self.street(points: 20).reach(from: 500, 0, reach: 500) == 500)
    }

    @Test func fromOneEndItIsTheWholeKnownLength() {
        // `HORSEFERRY ROAD, WESTMINSTER`: the locality picks the east end; the place may be at the west end.
        #expect(Self.street(points: 20).reach(from: 1000, 0, reach: 500) == 1000)
        #expect(Self.street(points: 20).reach(from: 800, 0, reach: 500) == 800)
    }

    @Test func aLittleKnownStreetMayRunOnPastItsKnownPoints() {
        // Reach 900 from the middle of a 1000 m extent: 400 m more beyond either end.
        #expect(Self.street(points: 2).reach(from: 1000, 0, reach: 900) == 1400)
    }
}
