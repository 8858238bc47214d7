import Testing
@testable import Locus

/// Street lines at match time: chains of a street's lines, the nearest point on them, and house numbers
/// placed along a bent street instead of on the chord.
@Suite struct StreetShapeTests {
    typealias P = StreetGeometry.Point
    static func segment(_ a: (Double, Double), _ b: (Double, Double)) -> StreetGeometry.Segment {
        .init(a: P(x: a.0, y: a.1), b: P(x: b.0, y: b.1))
    }

    /// An L-shaped street in two source lines (written in opposite directions): 300 m east, then 400 m north.
    static let bent = StreetShape(segments: [
        (line: 1, segment: segment((0, 0), (300, 0))),
        (line: 2, segment: segment((300, 400), (300, 200))),
        (line: 2, segment: segment((300, 200), (300, 0))),
    ])

    @Test func linesJoinIntoOneChain() {
        #expect(Self.bent.chains.count == 1)
        #expect(Self.bent.chains[0].map(\.length).reduce(0, +) == 700)
        #expect(Self.bent.chains[0].first?.a == P(x: 0, y: 0) && Self.bent.chains[0].last?.b == P(x: 300, y: 400))
    }

    @Test func nearestPointIsOnTheLineNotAVertex() throws {
        let near = try #require(Self.bent.nearest(150, 40))
        #expect(near.point == P(x: 150, y: 0) && near.distance == 40)
        let corner = try #require(Self.bent.nearest(320, -30))
        #expect(corner.point == P(x: 300, y: 0))
    }

    @Test func numbersAreInterpolatedAlongABentLine() throws {
        // Known numbers at the two ends (10 m off the line, as building points are); halfway is 350 m along
        // the street, 50 m up its north leg, not the chord's midpoint (150, 200) in the block between.
        let a = P(x: 0, y: 10), b = P(x: 290, y: 400)
        let half = try #require(Self.bent.along(from: a, to: b, fraction: 0.5))
        #expect(abs(half.x - 300) < 0.001 && abs(half.y - 50) < 0.001)
        let quarter = try #require(Self.bent.along(from: a, to: b, fraction: 0.25))
        #expect(abs(quarter.x - 175) < 0.001 && quarter.y == 0)
        // A known number far from every line: no along-line answer (the locator keeps the chord).
        #expect(Self.bent.along(from: P(x: 0, y: 200), to: b, fraction: 0.5) == nil)
    }

    @Test func branchesStaySeparateChains() {
        // Three lines ending at one node: a fork, not one street line; nothing is joined across it.
        let fork = StreetShape(segments: [
            (line: 1, segment: Self.segment((0, 0), (100, 0))),
            (line: 2, segment: Self.segment((100, 0), (200, 0))),
            (line: 3, segment: Self.segment((100, 0), (100, 100))),
        ])
        #expect(fork.chains.count == 3)
    }

    @Test func meetingPoints() {
        let bar = Self.segment((0, 0), (100, 0))
        #expect(StreetGeometry.meeting(bar, Self.segment((50, -50), (50, 50))) == P(x: 50, y: 0))
        #expect(StreetGeometry.meeting(bar, Self.segment((50, 0), (50, 50))) == P(x: 50, y: 0))  // a T
        #expect(StreetGeometry.meeting(bar, Self.segment((50, 5), (50, 50))) == nil)  // stops 5 m short
        #expect(StreetGeometry.meeting(bar, Self.segment((0, 10), (100, 10))) == nil)  // parallel, 10 m apart
        #expect(StreetGeometry.meeting(bar, Self.segment((50, -50), (50, 50)), crossings: false) == nil)  // a bridge
    }
}
