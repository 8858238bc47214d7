import Foundation
import Testing
@testable import Locus

/// A road number written beside a street's name picks the street of that name that carries the number
/// (`RoadNumberEvidence`), on a fixture gazetteer with an OS Open Roads GeoPackage holding two roads of one name:
/// the A3 near SW1A 1AA (Westminster) and an unnumbered one near CR0 (Croydon), over 15 km apart.
@Suite struct RoadNumberTests {
    static let gazetteer: Result<URL, Error> = Result {
        var sources = TestGazetteer.fixtureSources
        sources.openRoads = [try StreetLineTests.openRoadsFixture([
            ("Kingston By-pass", nil, "A3", [(529000, 179400), (529100, 179450), (529200, 179400)]),
            ("Kingston By-pass", nil, nil, [(532200, 164880), (532300, 164900), (532400, 164880)]),
        ])]
        let path = try StreetLineTests.freshFolder().appendingPathComponent("road-numbers.sqlite")
        return try GazetteerBuilder(sources: sources).build(to: path).path
    }

    @Test func theNumberPicksTheRoadThatCarriesIt() throws {
        let matcher = Matcher(store: try GazetteerStore(path: try Self.gazetteer.get()))
        // The name alone has two rivals far apart: no confident answer.
        let alone = matcher.geocode(LocationQuery(text: "KINGSTON BY PASS"))
        #expect(alone.easting == nil, "\(alone.level) \(String(describing: alone.easting))")
        for text in ["A3 KINGSTON BY PASS", "KINGSTON BY PASS (A3)", "KINGSTON BY-PASS A3"] {
            StreetLineTests.expectOnTheA3(matcher, text)
        }
        // A number that no road of the name carries is no evidence for either: still no confident answer.
        let other = matcher.geocode(LocationQuery(text: "B217 KINGSTON BY PASS"))
        #expect(other.easting == nil, "\(other.level) \(String(describing: other.easting))")
    }
}
