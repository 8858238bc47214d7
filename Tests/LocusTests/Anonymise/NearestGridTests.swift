import Foundation
import GRDB
import Testing
@testable import Locus

/// `NearestGrid` (what `--anonymise` and the builder search) answers exactly as a search of every point would,
/// on points laid out at random: clustered, spread, tied and far away; with candidates merged away too.
struct NearestGridTests {
    /// The nearest of `points` in `borough` with `alive`, ties to the lower index: every point compared.
    static func bruteNearest(_ points: [MapPoint], _ x: Double, _ y: Double, borough: Int64, alive: [Bool]) -> Int? {
        var best: (d: Double, i: Int)?
        for (i, p) in points.enumerated() where p.boroughID == borough && alive[i] {
            let d = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
            if best == nil || d < best!.d { best = (d, i) }
        }
        return best?.i
    }

    @Test func answersAsASearchOfEveryPoint() {
        var random = NormaliserPropertyTests.Seeded(state: 18)
        var points: [MapPoint] = []
        for i in 0..<3_000 {
            let borough = Int64(i % 3 + 1)
            // Borough 3 is one tight cluster; the others spread over 12 km, with every 50th point a duplicate
            // of the one before (a tie: the lower id wins).
            var x = Double.random(in: 500_000..<512_000, using: &random).rounded()
            var y = Double.random(in: 170_000..<182_000, using: &random).rounded()
            if borough == 3 { (x, y) = (505_000 + Double(i % 40), 176_000 + Double(i % 7)) }
            if i % 50 == 0, let last = points.last(where: { $0.boroughID == borough }) { (x, y) = (last.x, last.y) }
            points.append(MapPoint(id: Int64(i + 1), kind: "street", name: "P\(i)", boroughID: borough, x: x, y: y,
                                   units: 2, addresses: 8, reach: 100))
        }
        let index = MapPointIndex(points: points, threshold: 8, boroughIDs: [:])
        let alive = Array(repeating: true, count: points.count)
        // A third of the points merged away, as the builder's planning leaves them.
        let someAlive = points.indices.map { $0 % 3 != 0 }
        let xs = points.map(\.x), ys = points.map(\.y)
        var grids: [Int64: NearestGrid] = [:]
        for (borough, members) in Dictionary(grouping: points.indices, by: { points[$0].boroughID }) {
            grids[borough] = NearestGrid(indices: members, x: xs, y: ys, cellSize: 500)
        }
        var compared = 0, far = 0
        for k in 0..<6_000 {
            let borough = Int64(k % 4 + 1)  // borough 4 has no map points
            var x = Double.random(in: 498_000..<514_000, using: &random)
            let y = Double.random(in: 168_000..<184_000, using: &random)
            // Some queries about 20 km east of every point: some within reach of one, some not.
            if k % 50 == 0 { x = 512_000 + Double.random(in: 17_000..<24_000, using: &random) }
            #expect(grids[borough]?.nearest(x, y, alive: someAlive)
                == Self.bruteNearest(points, x, y, borough: borough, alive: someAlive), "query \(k), some alive")
            let expected = Self.bruteNearest(points, x, y, borough: borough, alive: alive).flatMap { i -> Int64? in
                let d = ((points[i].x - x) * (points[i].x - x) + (points[i].y - y) * (points[i].y - y)).squareRoot()
                return d <= MapPointRules.maximumSnapDistance ? points[i].id : nil
            }
            let found = index.nearest(x: x, y: y, boroughID: borough)
            #expect(found?.point.id == expected, "query \(k) at (\(x), \(y)) in borough \(borough)")
            if let found { #expect(index.labels[Int(found.point.id) - 1] == "On or near P\(found.point.id - 1)") }
            if expected == nil && borough != 4 { far += 1 }
            compared += 1
        }
        #expect(compared == 6_000 && far > 20)
        #expect(index.nearest(x: .nan, y: 176_000, boroughID: 1) == nil)
        #expect(index.nearest(x: 1e300, y: 176_000, boroughID: 1) == nil)
    }

    @Test func sectorCutsTheGazetteersFormAndLeavesOthers() {
        let cases = ["CR0 1AB": "CR0 1", "SW1A 2AA": "SW1A 2", "E1 6AN": "E1 6", "CR0": "CR0", "": "",
                     "CR0  1AB": "CR0 1", " CR0 1AB": "CR0 1", "CR0 1AB ": "CR0 1", "CR0 1A": "CR0 1A",
                     "CR0 1ÅB": "CR0 1", "A B C": "A B C", "CR0 1AB\r\n": "CR0 1AB\r\n"]
        for (postcode, sector) in cases { #expect(AnonymisingGeocoder.sector(postcode) == sector, "\(postcode)") }
    }

    /// A damaged `map_point` row (a coordinate that is not a number, a missing name) is an error naming the
    /// row, not a crash.
    @Test func aDamagedRowIsAnErrorNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-map-point-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (n, bad) in ["(1, 'street', 1, 'High Street', 1, 'far', 1.0, 2, 8, 100.0)",
                         "(1, 'street', 1, NULL, 1, 1.0, 1.0, 2, 8, 100.0)"].enumerated() {
            let url = folder.appendingPathComponent("\(n).sqlite")
            try DatabaseQueue(path: url.path).write { db in
                try db.execute(sql: """
                    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE borough(id INTEGER PRIMARY KEY, short_name TEXT);
                    CREATE TABLE map_point(id INTEGER PRIMARY KEY, kind TEXT, ref_id INTEGER, name TEXT,
                      borough_id INTEGER, x REAL, y REAL, units INTEGER, addresses INTEGER, reach REAL);
                    INSERT INTO map_point VALUES \(bad);
                    """)
            }
            #expect {
                _ = try MapPointIndex.load(url)
            } throws: { error in
                guard case let GazetteerStoreError.unreadable(_, reason) = error else { return false }
                return reason.hasPrefix("map_point row 1:")
            }
        }
    }
}
