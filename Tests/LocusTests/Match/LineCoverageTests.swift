import Foundation
import Testing
@testable import Locus

/// A street known by a short line counts as well known when the line data covers the ground around its ends
/// (`LineCoverage`): the honest fixture (`Fixtures/honest/`) with a block of street lines written here.
@Suite struct LineCoverageTests {
    /// Eleven roads 2 km long, 100 m apart, run north from 532000,165000 (five vertices each: well known);
    /// Quill Yard (30 m) lies well inside the block, Edge Yard (30 m) on its southern edge.
    static func geoJSON() throws -> URL {
        func line(_ name: String, _ points: [(Double, Double)]) -> String {
            let coordinates = points.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
            return """
                {"type":"Feature","properties":{"name":"\(name)","highway":"residential"},
                 "geometry":{"type":"LineString","coordinates":[\(coordinates)]}}
                """
        }
        let names = ["Ayr", "Bute", "Coll", "Doon", "Eigg", "Fife", "Gigha", "Harris", "Islay", "Jura", "Kintyre"]
        var features = names.enumerated().map { i, name in
            line("\(name) Road", (0...4).map { (532000 + 100 * Double(i), 165000 + 500 * Double($0)) })
        }
        features.append(line("Quill Yard", [(532450, 165500), (532450, 165530)]))
        features.append(line("Edge Yard", [(532950, 165010), (532980, 165010)]))
        let text = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},
            "features":[\(features.joined(separator: ",\n"))]}
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-line-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("block.geojson")
        try Data(text.utf8).write(to: url)
        return url
    }

    private static let built: Result<Matcher, Error> = Result {
        var sources = MatchFixture.sources(in: MatchFixture.folder.deletingLastPathComponent().appendingPathComponent("honest"))
        sources.streetLines = [try geoJSON()]
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-line-coverage-\(ProcessInfo.processInfo.processIdentifier).sqlite")
        if !FileManager.default.fileExists(atPath: url.path) { _ = try GazetteerBuilder(sources: sources).build(to: url) }
        return Matcher(store: try GazetteerStore(path: url))
    }

    @Test func aShortLineInsideTheCoveredGroundShowsItsStreetsWholeExtent() throws {
        let r = try Self.built.get().geocode(LocationQuery(text: "QUILL YARD", borough: "Croydon"))
        #expect(r.level == .street)
        #expect((r.precisionMeters ?? .infinity) <= CandidateBuilder.streetFloor)
        #expect(r.easting != nil)
    }

    @Test func aShortLineAtTheEdgeOfTheCoveredGroundMayHaveBeenCut() throws {
        // Its street may run on past the line data: the reach of its borough's long streets.
        let r = try Self.built.get().geocode(LocationQuery(text: "EDGE YARD", borough: "Croydon"))
        #expect(r.level == .street)
        #expect((r.precisionMeters ?? 0) > Matcher.defaultAcceptanceRadius)
        #expect(r.easting == nil)
    }
}
