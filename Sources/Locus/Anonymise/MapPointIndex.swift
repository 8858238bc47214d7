import Foundation
import GRDB

/// A map point as the gazetteer stores it (`map_point`).
public struct MapPoint: Sendable, Equatable {
    public var id: Int64
    /// `street`, `station` or `place`.
    public var kind: String
    public var name: String
    public var boroughID: Int64
    public var x: Double
    public var y: Double
    /// Live postcode units in its catchment.
    public var units: Int
    /// Estimated postal addresses in its catchment (units × `MapPointRules.addressesPerUnit`).
    public var addresses: Int
    /// Metres from the point to the farthest unit or merged candidate of its catchment.
    public var reach: Double

    /// The police.uk-style label.
    public var label: String { "On or near \(name)" }
}

/// The map points of a gazetteer, in memory, answering "the nearest map point of this borough".
public struct MapPointIndex: Sendable {
    public let points: [MapPoint]
    /// The threshold the gazetteer was built with (`meta.map_point_threshold`).
    public let threshold: Int
    /// Borough short name (as results carry it) → borough id.
    let boroughIDs: [String: Int64]
    private let grids: [Int64: CandidateGrid]
    private let alive: [Bool]

    /// Loads the map points of the gazetteer at `url`; `GazetteerStoreError.unreadable` when it has none
    /// (built before map points existed).
    public static func load(_ url: URL) throws(GazetteerStoreError) -> MapPointIndex {
        let queue = try GazetteerStore.openReadOnly(url)
        do {
            return try queue.read { db in
                guard try db.tableExists("map_point") else {
                    throw GazetteerStoreError.unreadable(
                        path: url.path, reason: "it has no map points (built by an older Locus): rebuild it with "
                            + "`locus gazetteer build`")
                }
                let points = try Row.fetchAll(db, sql: "SELECT * FROM map_point ORDER BY id").map { row in
                    MapPoint(id: row["id"], kind: row["kind"], name: row["name"], boroughID: row["borough_id"],
                             x: row["x"], y: row["y"], units: row["units"], addresses: row["addresses"],
                             reach: row["reach"])
                }
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
        let candidates = points.map {
            MapPointCandidate(kind: $0.kind, refID: $0.id, name: $0.name, borough: $0.boroughID, x: $0.x, y: $0.y)
        }
        var grids: [Int64: CandidateGrid] = [:]
        for (borough, members) in Dictionary(grouping: candidates.indices, by: { candidates[$0].borough }) {
            grids[borough] = CandidateGrid(members: members, candidates: candidates, cellSize: 500)
        }
        self.grids = grids
        alive = Array(repeating: true, count: points.count)
    }

    /// The nearest map point of `boroughID` to (x, y) within `MapPointRules.maximumSnapDistance`, with its
    /// distance; nil when the borough has none that close. Ties: the lower id.
    public func nearest(x: Double, y: Double, boroughID: Int64) -> (point: MapPoint, distance: Double)? {
        guard let index = grids[boroughID]?.nearest(x, y, alive: alive) else { return nil }
        let p = points[index]
        let d = planeDistance(p.x, p.y, x, y)
        return d <= MapPointRules.maximumSnapDistance ? (p, d) : nil
    }

    /// The borough id of a result's borough name, or nil.
    public func boroughID(named name: String?) -> Int64? { name.flatMap { boroughIDs[$0] } }

    /// The smallest catchment holding any units (estimated addresses), or nil when none holds any.
    public var smallestCatchment: MapPoint? {
        points.filter { $0.units > 0 }.min { ($0.addresses, $0.id) < ($1.addresses, $1.id) }
    }
}
