import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A map point as the gazetteer stores it (`map_point`).
struct MapPoint: Sendable, Equatable {
    var id: Int64
    /// `street`, `station` or `place`.
    var kind: String
    var name: String
    var boroughID: Int64
    var x: Double
    var y: Double
    /// Live postcode units in its catchment.
    var units: Int
    /// Estimated postal addresses in its catchment (units × `MapPointRules.addressesPerUnit`).
    var addresses: Int
    /// Metres from the point to the farthest unit or merged candidate of its catchment.
    var reach: Double

    /// The police.uk-style label.
    var label: String { "On or near \(name)" }
}

/// The map points of a gazetteer, in memory, answering "the nearest map point of this borough".
struct MapPointIndex: Sendable {
    let points: [MapPoint]
    /// The threshold the gazetteer was built with (`meta.map_point_threshold`).
    let threshold: Int
    /// Borough short name (as results carry it) → borough id.
    let boroughIDs: [String: Int64]
    /// `points[i].label`, made once.
    let labels: [String]
    private let grids: [Int64: NearestGrid]

    /// Loads the map points of the gazetteer at `url` (one read of `map_point`, straight from SQLite);
    /// `GazetteerStoreError.unreadable` when it has none (built before map points existed) or a row cannot
    /// be read.
    static func load(_ url: URL) throws(GazetteerStoreError) -> MapPointIndex {
        let queue = try GazetteerStore.openReadOnly(url)
        do {
            return try queue.read { db in
                guard try db.tableExists("map_point") else {
                    throw GazetteerStoreError.unreadable(
                        path: url.path, reason: "it has no map points (built by an older Locus): rebuild it with "
                            + "`locus gazetteer build`")
                }
                let points = try MapPointRows.read(db, path: url.path)
                let threshold = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'map_point_threshold'")
                var names: [String: Int64] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, short_name FROM borough") { names[row[1]] = row[0] }
                return MapPointIndex(points: points, threshold: threshold.flatMap(Int.init) ?? 0, boroughIDs: names)
            }
        } catch let error as GazetteerStoreError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    init(points: [MapPoint], threshold: Int, boroughIDs: [String: Int64]) {
        self.points = points
        self.threshold = threshold
        self.boroughIDs = boroughIDs
        labels = points.map(\.label)
        let xs = points.map(\.x), ys = points.map(\.y)
        var members: [Int64: [Int]] = [:]
        for (i, p) in points.enumerated() { members[p.boroughID, default: []].append(i) }
        grids = members.mapValues { NearestGrid(indices: $0, x: xs, y: ys, cellSize: 500) }
    }

    /// The nearest map point of `boroughID` to (x, y) within `MapPointRules.maximumSnapDistance`, with its
    /// distance; nil when the borough has none that close. Ties: the lower id.
    func nearest(x: Double, y: Double, boroughID: Int64) -> (point: MapPoint, distance: Double)? {
        nearestIndex(x: x, y: y, boroughID: boroughID).map { (points[$0.index], $0.distance) }
    }

    /// As `nearest`, the point's position in `points` (and `labels`).
    func nearestIndex(x: Double, y: Double, boroughID: Int64) -> (index: Int, distance: Double)? {
        let limit = MapPointRules.maximumSnapDistance
        guard let index = grids[boroughID]?.nearest(x, y, within: limit) else { return nil }
        let p = points[index]
        let d = planeDistance(p.x, p.y, x, y)
        return d <= limit ? (index, d) : nil
    }

    /// The borough id of a result's borough name, or nil.
    func boroughID(named name: String?) -> Int64? { name.flatMap { boroughIDs[$0] } }

    /// The smallest catchment holding any units (estimated addresses), or nil when none holds any.
    var smallestCatchment: MapPoint? {
        points.filter { $0.units > 0 }.min { ($0.addresses, $0.id) < ($1.addresses, $1.id) }
    }
}

/// `map_point` read row by row straight from SQLite (below GRDB's per-row `Row` copies: the table has some
/// 16,500 rows for London and is read on every `--anonymise` run).
enum MapPointRows {
    static let sql = "SELECT id, kind, name, borough_id, x, y, units, addresses, reach FROM map_point ORDER BY id"

    static func read(_ db: Database, path: String) throws -> [MapPoint] {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var points: [MapPoint] = []
        points.reserveCapacity(Int(try Int.fetchOne(db, sql: "SELECT MAX(id) FROM map_point") ?? 0))
        while try FastSQLite.step(db, handle, sql: sql) {
            func bad(_ what: String) -> GazetteerStoreError {
                .unreadable(path: path, reason: "map_point row \(points.count + 1): \(what)")
            }
            for column: CInt in [0, 3, 6, 7] where sqlite3_column_type(handle, column) != SQLITE_INTEGER {
                throw bad("column \(column + 1) is not an integer")
            }
            for column: CInt in [4, 5, 8] {
                let type = sqlite3_column_type(handle, column)
                guard type == SQLITE_FLOAT || type == SQLITE_INTEGER else { throw bad("column \(column + 1) is not a number") }
            }
            guard let kind = text(handle, 1), let name = text(handle, 2) else { throw bad("no kind or name") }
            let x = sqlite3_column_double(handle, 4), y = sqlite3_column_double(handle, 5)
            guard x.isFinite, y.isFinite, abs(x) < 1e9, abs(y) < 1e9 else { throw bad("coordinates out of range") }
            points.append(MapPoint(
                id: sqlite3_column_int64(handle, 0), kind: kind, name: name,
                boroughID: sqlite3_column_int64(handle, 3), x: x, y: y,
                units: Int(sqlite3_column_int64(handle, 6)), addresses: Int(sqlite3_column_int64(handle, 7)),
                reach: sqlite3_column_double(handle, 8)))
        }
        return points
    }

    /// A text column as a `String`, or nil when it is not text.
    @inline(__always)
    private static func text(_ handle: SQLiteStatement, _ column: CInt) -> String? {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT, let bytes = sqlite3_column_text(handle, column)
        else { return nil }
        let buffer = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
        return String(decoding: buffer, as: UTF8.self)
    }
}
