import Foundation
import GRDB
import Testing
@testable import Locus

/// The street-line importers (GeoJSON, OS Open Roads GeoPackage), junctions from geometry and the segments
/// written to the gazetteer, on fixtures written here around the fixture postcodes (SW1A 1AA: 529090, 179645).
@Suite struct StreetLineTests {
    static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("locus-street-lines-\(ProcessInfo.processInfo.processIdentifier)")

    /// A folder of its own for one fixture file: the suite's tests run in parallel, and two of them writing the
    /// same path at once made SQLite's COMMIT fail with a disk I/O error (CI at 839a030).
    static func freshFolder() throws -> URL {
        let url = folder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A GeoJSON FeatureCollection in EPSG:27700 as `ogr2ogr` writes it.
    static func gridGeoJSON() throws -> URL {
        func line(_ name: String?, _ coordinates: String, _ extra: String = "") -> String {
            let named = name.map { "\"name\":\"\($0)\"," } ?? ""
            return """
                {"type":"Feature","properties":{\(named)"highway":"residential"\(extra)},
                 "geometry":{"type":"LineString","coordinates":\(coordinates)}}
                """
        }
        let features = [
            // Alpha and Beta cross at (529100, 179600); Gamma starts where Alpha ends (a shared node).
            line("Alpha Road", "[[529000,179600],[529200,179600]]"),
            line("Beta Street", "[[529100,179500],[529100,179700]]"),
            line("Gamma Lane", "[[529200,179600],[529300,179700]]"),
            // Delta runs 20 m beside Alpha and stops 10 m short of Beta: near, never meeting.
            line("Delta Mews", "[[529000,179620],[529090,179620]]"),
            // A bridge over Alpha: a crossing that is no junction.
            line("Epsilon Road", "[[529050,179550],[529050,179650]]", ",\"bridge\":\"yes\""),
            line(nil, "[[529000,179500],[529100,179500]]"),
            line("Broken Road", "[[529000,\"north\"],[529100,179500]]"),
            """
            {"type":"Feature","properties":{"name":"A Point"},"geometry":{"type":"Point","coordinates":[529000,179500]}}
            """,
        ]
        let text = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},
            "features":[\(features.joined(separator: ",\n"))]}
            """
        let url = try freshFolder().appendingPathComponent("grid-lines.geojson")
        try Data(text.utf8).write(to: url)
        return url
    }

    func draftWithPostcodes() throws -> GazetteerDraft {
        let draft = GazetteerDraft()
        try draft.importCodePointLondonCSV(TestGazetteer.fixtureFile("codepoint-london.csv"))
        draft.indexPostcodes()
        return draft
    }

    static func projection() throws(GazetteerBuildError) -> Projector {
        do { return try ProjectionSpec.wgs84ToBNG.makeProjector() } catch { throw .projection(error.description) }
    }

    @Test func geoJSONInBritishNationalGridWithJunctionsFromGeometry() throws {
        let draft = try draftWithPostcodes()
        try draft.importStreetLinesGeoJSON(try Self.gridGeoJSON(), projection: Self.projection)
        let report = try #require(draft.reports.last)
        #expect(report.rows == 8 && report.malformed == 1 && report.skipped == 2)
        #expect(report.faults.first?.contains("feature 7") == true)
        #expect(report.licence.contains("ODbL") && report.licence.contains("derivative database"))
        #expect(draft.streetLines.map(\.name) == ["ALPHA ROAD", "BETA STREET", "GAMMA LANE", "DELTA MEWS", "EPSILON ROAD"])
        // 200 m of Alpha Road mentioned every 50 m: five points, its two ends among them.
        #expect(draft.streetMentions.filter { $0.name == "ALPHA ROAD" }.map(\.x) == [529000, 529050, 529100, 529150, 529200])
        draft.deriveLineJunctions()
        let met = draft.junctions.map { j in
            [draft.streetMentions[j.a].name, draft.streetMentions[j.b].name].sorted().joined(separator: " / ")
                + " at \(Int(j.x)),\(Int(j.y))"
        }.sorted()
        #expect(met == ["ALPHA ROAD / BETA STREET at 529100,179600", "ALPHA ROAD / GAMMA LANE at 529200,179600"])
    }

    @Test func geoJSONInWGS84IsProjected() throws {
        let url = Self.folder.appendingPathComponent("wgs84-lines.geojson")
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        // SW1A 1AA is at 51.50101 N, 0.14189 W.
        try Data("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"The Mall","highway":"primary"},
             "geometry":{"type":"MultiLineString","coordinates":[[[-0.14189,51.50101],[-0.1400,51.5020]],
             [[-0.1400,51.5020],[-0.1390,51.5030]]]}},
             {"type":"Feature","properties":{"name":"Far Road"},"geometry":{"type":"LineString",
             "coordinates":[[-2.0,53.0],[-2.001,53.001]]}}]}
            """.utf8).write(to: url)
        let draft = try draftWithPostcodes()
        try draft.importStreetLinesGeoJSON(url, projection: Self.projection)
        let report = try #require(draft.reports.last)
        #expect(report.rows == 2 && report.skipped == 1 && report.malformed == 0)
        #expect(draft.streetLines.count == 2 && draft.streetLines.allSatisfy { $0.name == "THE MALL" })
        let start = draft.streetLines[0].points[0]
        #expect(start.x > 528_500 && start.x < 530_500 && start.y > 179_000 && start.y < 181_000)
        #expect(draft.streetLines[0].points.last == draft.streetLines[1].points.first)
    }

    @Test func geoJSONInAnotherCRSIsRefused() throws {
        let url = Self.folder.appendingPathComponent("other-crs.geojson")
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        try Data("""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}
            """.utf8).write(to: url)
        let draft = try draftWithPostcodes()
        #expect(throws: GazetteerBuildError.self) {
            try draft.importStreetLinesGeoJSON(url, projection: Self.projection)
        }
    }

    /// A GeoPackage binary LineString: `GP`, version 0, flags (little-endian, envelope of 32 bytes), SRS 27700,
    /// the envelope, then WKB.
    static func geoPackageLine(_ points: [(Double, Double)]) -> Data {
        var bytes: [UInt8] = [0x47, 0x50, 0, 0b0000_0011]
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
        u32(27700)
        for v in [points.map(\.0).min()!, points.map(\.0).max()!, points.map(\.1).min()!, points.map(\.1).max()!] { f64(v) }
        bytes.append(1)
        u32(2)
        u32(UInt32(points.count))
        for (x, y) in points { f64(x); f64(y) }
        return Data(bytes)
    }

    /// One `road_link` row: name_1, name_2, road number, vertices (nil: a malformed geometry).
    typealias RoadLink = (String?, String?, String?, [(Double, Double)]?)

    static let fixtureLinks: [RoadLink] = [
        ("Kingston By-pass", nil, "A3", [(529000, 179400), (529100, 179450), (529200, 179400)]),
        ("Buckingham Gate", nil, nil, [(529200, 179400), (529250, 179300)]),
        ("Far Lane", nil, nil, [(400000, 300000), (400100, 300000)]),
        ("Bad Lane", nil, nil, nil),
    ]

    /// A small OS Open Roads GeoPackage (layer `road_link`, its R-tree), written with SQLite.
    static func openRoadsFixture(_ rows: [RoadLink] = fixtureLinks) throws -> URL {
        let url = try freshFolder().appendingPathComponent("oproad-fixture.gpkg")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: """
                PRAGMA application_id = 1196444487;
                CREATE TABLE gpkg_spatial_ref_sys(srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
                  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
                  description TEXT);
                INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', 27700, 'EPSG', 27700,
                  'PROJCS["OSGB36 / British National Grid"]', NULL);
                CREATE TABLE gpkg_contents(table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT,
                  description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,
                  max_y DOUBLE, srs_id INTEGER);
                INSERT INTO gpkg_contents VALUES ('road_link', 'features', 'road_link', '', '2025-04-01T00:00:00Z',
                  0, 0, 700000, 1300000, 27700);
                CREATE TABLE gpkg_geometry_columns(table_name TEXT NOT NULL, column_name TEXT NOT NULL,
                  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
                INSERT INTO gpkg_geometry_columns VALUES ('road_link', 'geometry', 'LINESTRING', 27700, 0, 0);
                CREATE TABLE road_link(fid INTEGER PRIMARY KEY, geometry BLOB, name_1 TEXT, name_2 TEXT,
                  road_classification_number TEXT, road_classification TEXT, form_of_way TEXT);
                CREATE VIRTUAL TABLE rtree_road_link_geometry USING rtree(id, minx, maxx, miny, maxy);
                """)
            for (i, row) in rows.enumerated() {
                let blob = row.3.map(geoPackageLine) ?? Data([0x47, 0x50, 0, 1, 0, 0])
                try db.execute(sql: "INSERT INTO road_link VALUES (?,?,?,?,?,?,?)",
                               arguments: [i + 1, blob, row.0, row.1, row.2, row.2 == nil ? "Unclassified" : "A Road",
                                           "Single Carriageway"])
                let xs = row.3?.map(\.0) ?? [529000], ys = row.3?.map(\.1) ?? [179400]
                try db.execute(sql: "INSERT INTO rtree_road_link_geometry VALUES (?,?,?,?,?)",
                               arguments: [i + 1, xs.min()!, xs.max()!, ys.min()!, ys.max()!])
            }
        }
        try queue.close()
        return url
    }

    @Test func openRoadsGeoPackage() throws {
        let draft = try draftWithPostcodes()
        try draft.importOpenRoads(try Self.openRoadsFixture())
        let report = try #require(draft.reports.last)
        // Far Lane is outside the London box: the R-tree never hands it out.
        #expect(report.rows == 3 && report.malformed == 1 && report.skipped == 0)
        #expect(report.faults.first?.contains("road_link row") == true)
        #expect(report.licence.contains("OS Open Roads"))
        // The name as a query written the same way reads it (the normaliser's canonical street form).
        #expect(draft.streetLines.map(\.name) == [StreetNaming.canonical("Kingston By-pass"), "A3", "BUCKINGHAM GATE"])
        #expect(draft.streetLines[0].points.count == 3 && draft.streetLines[0].points[1] == .init(x: 529100, y: 179450))
        draft.deriveLineJunctions()
        // The road number names the same line (no junction with itself); the two links share a node.
        let met = draft.junctions.map { [draft.streetMentions[$0.a].name, draft.streetMentions[$0.b].name].sorted() }
        #expect(met.count == 2 && met.allSatisfy { $0.contains("BUCKINGHAM GATE") })
    }

    @Test func gazetteerKeepsSegmentsJunctionsAndExtentsDeterministically() throws {
        var sources = TestGazetteer.fixtureSources
        sources.streetLines = [try Self.gridGeoJSON()]
        sources.openRoads = [try Self.openRoadsFixture()]
        let first = try GazetteerBuilder(sources: sources).build(to: Self.folder.appendingPathComponent("a.sqlite"))
        let second = try GazetteerBuilder(sources: sources).build(to: Self.folder.appendingPathComponent("b.sqlite"))
        #expect(first.contentDigest == second.contentDigest)
        let info = try GazetteerInfo.read(first.path)
        #expect(info.sources.contains { $0.name == "grid-lines.geojson" && $0.rows == 8 && $0.licence.contains("ODbL") })
        #expect(info.sources.contains { $0.name == "oproad-fixture.gpkg" && $0.format == "os-open-roads" })
        let queue = try DatabaseQueue(path: first.path.path)
        try queue.read { db in
            let alpha = try #require(try Row.fetchOne(db, sql: "SELECT * FROM street WHERE name = 'ALPHA ROAD'"))
            #expect((alpha["min_x"] as Double) == 529000 && (alpha["max_x"] as Double) == 529200)
            #expect((alpha["sources"] as String).contains("line"))
            let segments = try Int.fetchOne(db, sql: "SELECT count(*) FROM street_segment") ?? 0
            #expect(segments == 10)  // five GeoJSON lines; Open Roads: 2 + 2 (the A3 alias) + 1
            let hits = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM street_segment_rtree WHERE max_x >= 529099 AND min_x <= 529101
                  AND max_y >= 179599 AND min_y <= 179601
                """)
            #expect(hits == 2)  // Alpha and Beta at their crossing
            let geometric = try Int.fetchOne(db, sql: "SELECT count(*) FROM junction WHERE source = 'geometry'")
            #expect(geometric == 4)  // Alpha/Beta, Alpha/Gamma, Buckingham Gate with Kingston By-pass and A3
        }
        // The road number and the name find the same line, written either way, and together: the number before,
        // after or bracketed beside the name is an alias (`RoadNumbers`), and finds the road alone when the name
        // is unknown (`A3 PORTSMOUTH ROAD`: no street has that name).
        let matcher = Matcher(store: try GazetteerStore(path: first.path))
        for text in ["KINGSTON BY-PASS", "KINGSTON BY PASS", "A3", "A3 KINGSTON BY PASS", "KINGSTON BY PASS (A3)",
                     "KINGSTON BY-PASS A3", "A3 KINGSTON BYPASS", "A3 PORTSMOUTH ROAD"] {
            Self.expectOnTheA3(matcher, text)
        }
    }

    /// `text` geocodes at street level to a point of the fixture's A3 line (Kingston By-pass near SW1A 1AA).
    static func expectOnTheA3(_ matcher: Matcher, _ text: String) {
        let r = matcher.geocode(LocationQuery(text: text))
        #expect(r.level == .street, "\(text): \(r.level)")
        if let x = r.easting, let y = r.northing {
            #expect((529000...529200).contains(x) && (179400...179450).contains(y), "\(text): \(x) \(y)")
        } else {
            Issue.record("\(text): not located")
        }
    }
}
