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
}
