import Foundation
import GRDB

/// The gazetteer tables a matcher reads most, held in memory: streets by id and name, their words (postings and
/// document frequencies), their address points and known points, and every postcode unit's point and borough.
///
/// Each answer equals the `GazetteerStore` lookup of the same name, order included, so a matcher gives the same
/// results whether or not the index is there yet. About 30 MB and 0.2–0.4 s to read for full London, so the
/// matcher reads it in the background (`MemoryIndexSlot`) and uses SQLite until it is ready.
final class GazetteerMemoryIndex: Sendable {
    private let streetsByID: [Int64: GazetteerStreet]
    private let streetIDsByName: [String: [Int64]]
    private let streetPostings: [String: [Int64]]
    private let streetFrequencies: [String: Int]
    private let addressesByStreet: [Int64: [AddressPoint]]
    private let pointsByStreet: [Int64: [StreetPoint]]
    private let postcodePoints: PointGrid
    private let postcodeBoroughs: [Int64?]

    /// Reads the tables from `store` (on the calling thread).
    init(store: GazetteerStore) throws(GazetteerStoreError) {
        let street = EntityKind.street.rawValue
        (streetsByID, streetIDsByName, streetPostings, streetFrequencies, addressesByStreet, pointsByStreet,
         postcodePoints, postcodeBoroughs) = try store.read { db in
            var byID: [Int64: GazetteerStreet] = [:], byName: [String: [Int64]] = [:]
            let streets = try Row.fetchCursor(db, sql: """
                SELECT id, name, borough_id, locality_id, x, y, min_x, min_y, max_x, max_y, points FROM street ORDER BY id
                """)
            while let row = try streets.next() {
                let street = GazetteerStreet(columns: row)
                byID[street.id] = street
                byName[street.name, default: []].append(street.id)
            }
            var postings: [String: [Int64]] = [:], frequencies: [String: Int] = [:]
            let tokens = try Row.fetchCursor(
                db, sql: "SELECT token, entity_id FROM token WHERE kind = ? ORDER BY token, entity_id", arguments: [street])
            while let row = try tokens.next() { postings[row[0] as String, default: []].append(row[1]) }
            let stats = try Row.fetchCursor(db, sql: "SELECT token, df FROM token_stat WHERE kind = ?", arguments: [street])
            while let row = try stats.next() { frequencies[row[0] as String] = row[1] }
            var addresses: [Int64: [AddressPoint]] = [:]
            let points = try Row.fetchCursor(db, sql: """
                SELECT id, number, suffix, number_end, sub_unit, building, premises, street_id, locality_id, postcode,
                  borough_id, x, y, shared_point
                FROM address WHERE street_id IS NOT NULL ORDER BY street_id, number, id
                """)
            while let row = try points.next() {
                let point = AddressPoint(columns: row)
                addresses[point.streetID!, default: []].append(point)
            }
            var known: [Int64: [StreetPoint]] = [:]
            // The order of `street_point_idx` (street, then rowid): the order the store's lookup reads.
            let streetPoints = try Row.fetchCursor(db, sql: """
                SELECT street_id, kind, ref_id, x, y FROM street_point ORDER BY street_id, rowid
                """)
            while let row = try streetPoints.next() {
                known[row[0] as Int64, default: []].append(
                    StreetPoint(kind: row[1], refID: row[2], x: row[3], y: row[4]))
            }
            var xs: [Double] = [], ys: [Double] = [], boroughs: [Int64?] = []
            let units = try Row.fetchCursor(db, sql: "SELECT x, y, borough_id FROM postcode ORDER BY id")
            while let row = try units.next() {
                xs.append(row[0])
                ys.append(row[1])
                boroughs.append(row[2])
            }
            let grid = PointGrid(xs: xs, ys: ys, cellSize: Self.postcodeCell)
            return (byID, byName, postings, frequencies, addresses, known, grid, boroughs)
        }
    }

    /// The postcode grid's cell: the boundary reach of the matcher, so one ring of cells answers it.
    static let postcodeCell = 250.0

    func street(id: Int64) -> GazetteerStreet? { streetsByID[id] }

    /// As `GazetteerStore.streets(named:)`: by id.
    func streets(named name: String) -> [GazetteerStreet] {
        (streetIDsByName[name] ?? []).compactMap { streetsByID[$0] }
    }

    /// As `GazetteerStore.documentFrequency(token:kind: .street)`.
    func streetFrequency(_ token: String) -> Int { streetFrequencies[token] ?? 0 }

    /// As `GazetteerStore.entities(token:kind: .street)`: by id.
    func streetPostings(_ token: String) -> [Int64] { streetPostings[token] ?? [] }

    /// As `GazetteerStore.addresses(streetID:)`: by number (none first), then id.
    func addresses(streetID: Int64) -> [AddressPoint] { addressesByStreet[streetID] ?? [] }

    /// As `GazetteerStore.points(streetID:)`.
    func points(streetID: Int64) -> [StreetPoint] { pointsByStreet[streetID] ?? [] }

    /// The borough of the postcode unit nearest (x, y) within `radius` metres (ties: the lower id), as
    /// `GazetteerStore.nearestPostcode(x:y:within:)` finds it; `.some(nil)` when that unit has no borough.
    func boroughOfNearestPostcode(x: Double, y: Double, within radius: Double) -> Int64?? {
        guard let nearest = postcodePoints.nearest(x, y, within: radius) else { return nil }
        return .some(postcodeBoroughs[nearest.index])
    }
}

/// Where a matcher's memory index arrives once read in the background. Until then `index` is nil and the
/// matcher reads SQLite; a failed read leaves it nil for good (SQLite still answers).
final class MemoryIndexSlot: @unchecked Sendable {
    private var loaded: GazetteerMemoryIndex?
    private var started = false
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    /// The index when read, else nil.
    var index: GazetteerMemoryIndex? {
        lock.lock()
        defer { lock.unlock() }
        return loaded
    }

    /// Starts reading `store`'s index on a background thread.
    func load(from store: GazetteerStore) {
        lock.lock()
        started = true
        lock.unlock()
        Thread.detachNewThread { [self] in
            // Below the matching threads: on a busy machine the read takes idle time, not theirs.
            // (On Linux a nice value belongs to the thread, and 0 names the calling one.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            let index = try? GazetteerMemoryIndex(store: store)
            lock.lock()
            loaded = index
            lock.unlock()
            done.signal()
        }
    }

    /// Whether a background read was started.
    var wasStarted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return started
    }

    /// Blocks until the background read has ended (for benchmarks and tests); at once if it has.
    func wait() {
        done.wait()
        done.signal()
    }
}

private extension GazetteerStreet {
    /// From `id, name, borough_id, locality_id, x, y, min_x, min_y, max_x, max_y, points`, by position (reading
    /// columns by name costs more than the rest of the index read).
    init(columns row: Row) {
        id = row[0]; name = row[1]; boroughID = row[2]; localityID = row[3]; x = row[4]; y = row[5]
        minX = row[6]; minY = row[7]; maxX = row[8]; maxY = row[9]; points = row[10]
    }
}

private extension AddressPoint {
    /// From `id, number, suffix, number_end, sub_unit, building, premises, street_id, locality_id, postcode,
    /// borough_id, x, y, shared_point`, by position.
    init(columns row: Row) {
        id = row[0]; number = row[1]; suffix = row[2]; numberEnd = row[3]; subUnit = row[4]; building = row[5]
        premises = row[6]; streetID = row[7]; localityID = row[8]; postcode = row[9]; boroughID = row[10]
        x = row[11]; y = row[12]; sharedPoint = row[13]
    }
}
