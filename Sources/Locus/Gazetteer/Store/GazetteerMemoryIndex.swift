import Foundation
import GRDB
import Synchronization

/// The gazetteer tables a matcher reads most, held in memory: streets by id and name, their words (postings and
/// document frequencies), their address points and known points, and every postcode unit's point and borough.
///
/// Each answer equals the `GazetteerStore` lookup of the same name, order included, so a matcher gives the same
/// results whether or not the index is there yet. About 30 MB and 0.5 s to read for full London, so the
/// matcher reads it in the background (`MemoryIndexSlot`) and uses SQLite until it is ready.
final class GazetteerMemoryIndex: Sendable {
    private let streetsByID: [Int64: GazetteerStreet]
    private let streetIDsByName: [String: [Int64]]
    private let streetWords: [Int64: [String]]
    private let streetPostings: [String: [Int64]]
    private let streetFrequencies: [String: Int]
    private let addressesByStreet: [Int64: [AddressPoint]]
    private let pointsByStreet: [Int64: [StreetPoint]]
    private let postcodePoints: PointGrid
    private let postcodeBoroughs: [Int64?]

    /// The tables while they are read.
    private struct Tables {
        var streetsByID: [Int64: GazetteerStreet] = [:]
        var streetIDsByName: [String: [Int64]] = [:]
        var streetWords: [Int64: [String]] = [:]
        var streetPostings: [String: [Int64]] = [:]
        var streetFrequencies: [String: Int] = [:]
        var addressesByStreet: [Int64: [AddressPoint]] = [:]
        var pointsByStreet: [Int64: [StreetPoint]] = [:]
        var postcodeXs: [Double] = [], postcodeYs: [Double] = []
        var postcodeBoroughs: [Int64?] = []
    }

    /// Reads the tables from `store`'s file on the calling thread, through a connection of its own (so the
    /// store's connections stay free for the matching threads).
    init(store: GazetteerStore) throws(GazetteerStoreError) {
        let queue = try GazetteerStore.openReadOnly(store.path)
        var tables = Tables()
        do {
            try queue.read { db in
                try Self.readStreets(db, into: &tables)
                try Self.readWords(db, into: &tables)
                try Self.readPoints(db, into: &tables)
                try Self.readPostcodes(db, into: &tables)
            }
        } catch {
            throw .unreadable(path: store.path.path, reason: "\(error)")
        }
        streetsByID = tables.streetsByID
        streetIDsByName = tables.streetIDsByName
        streetWords = tables.streetWords
        streetPostings = tables.streetPostings
        streetFrequencies = tables.streetFrequencies
        addressesByStreet = tables.addressesByStreet
        pointsByStreet = tables.pointsByStreet
        postcodePoints = PointGrid(xs: tables.postcodeXs, ys: tables.postcodeYs, cellSize: Self.postcodeCell)
        postcodeBoroughs = tables.postcodeBoroughs
    }

    private static func readStreets(_ db: Database, into tables: inout Tables) throws {
        let streets = try Row.fetchCursor(db, sql: "SELECT \(GazetteerStreet.columns) FROM street ORDER BY id")
        while let row = try streets.next() {
            let street = GazetteerStreet(columns: row)
            tables.streetsByID[street.id] = street
            tables.streetIDsByName[street.name, default: []].append(street.id)
            tables.streetWords[street.id] = street.name.split(separator: " ").map(String.init)
        }
    }

    private static func readWords(_ db: Database, into tables: inout Tables) throws {
        let street = EntityKind.street.rawValue
        let tokens = try Row.fetchCursor(
            db, sql: "SELECT token, entity_id FROM token WHERE kind = ? ORDER BY token, entity_id", arguments: [street])
        while let row = try tokens.next() { tables.streetPostings[row[0] as String, default: []].append(row[1]) }
        let stats = try Row.fetchCursor(db, sql: "SELECT token, df FROM token_stat WHERE kind = ?", arguments: [street])
        while let row = try stats.next() { tables.streetFrequencies[row[0] as String] = row[1] }
    }

    private static func readPoints(_ db: Database, into tables: inout Tables) throws {
        let addresses = try Row.fetchCursor(db, sql: """
            SELECT \(AddressPoint.columns) FROM address WHERE street_id IS NOT NULL ORDER BY street_id, number, id
            """)
        while let row = try addresses.next() {
            let point = AddressPoint(columns: row)
            tables.addressesByStreet[point.streetID!, default: []].append(point)
        }
        // The order of `street_point_idx` (street, then rowid): the order the store's lookup reads.
        let known = try Row.fetchCursor(db, sql: """
            SELECT street_id, kind, ref_id, x, y FROM street_point ORDER BY street_id, rowid
            """)
        while let row = try known.next() {
            tables.pointsByStreet[row[0] as Int64, default: []].append(
                StreetPoint(kind: row[1], refID: row[2], x: row[3], y: row[4]))
        }
    }

    private static func readPostcodes(_ db: Database, into tables: inout Tables) throws {
        let units = try Row.fetchCursor(db, sql: "SELECT x, y, borough_id FROM postcode ORDER BY id")
        while let row = try units.next() {
            tables.postcodeXs.append(row[0])
            tables.postcodeYs.append(row[1])
            tables.postcodeBoroughs.append(row[2])
        }
    }

    /// The postcode grid's cell: the boundary reach of the matcher, so one ring of cells answers it.
    static let postcodeCell = 250.0

    func street(id: Int64) -> GazetteerStreet? { streetsByID[id] }

    /// The words of a street's name, split once.
    func words(ofStreet id: Int64) -> [String]? { streetWords[id] }

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

/// Where a matcher's memory index arrives once read in the background. The read starts after `lookupsFirst`
/// lookups have gone to SQLite (so a run of a few rows does not pay for it) or at `loadNow()`. Until it ends
/// `index` is nil and the matcher reads SQLite; a failed read leaves it nil for good (SQLite still answers).
final class MemoryIndexSlot: @unchecked Sendable {
    /// The gazetteer to read; nil: never.
    private let store: GazetteerStore?
    private var lookupsBeforeRead: Int
    /// Written once, under `lock`, before `isLoaded` turns true; read without the lock after.
    nonisolated(unsafe) private var loaded: GazetteerMemoryIndex?
    /// Set (releasing) once `loaded` is written: the matching threads then read the index without a lock.
    private let isLoaded = Atomic<Bool>(false)
    private var started = false
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init(store: GazetteerStore?, lookupsFirst: Int) {
        self.store = store
        lookupsBeforeRead = lookupsFirst
    }

    /// The index when read, else nil (counting the lookup towards starting the read).
    var index: GazetteerMemoryIndex? {
        if isLoaded.load(ordering: .acquiring) { return loaded }
        lock.lock()
        defer { lock.unlock() }
        if loaded == nil && !started {
            lookupsBeforeRead -= 1
            if lookupsBeforeRead <= 0 { startLocked() }
        }
        return loaded
    }

    /// Starts the read now unless it has started (or there is nothing to read), and waits for it to end.
    func loadNow() {
        lock.lock()
        if !started { startLocked() }
        let waits = started
        lock.unlock()
        if waits {
            done.wait()
            done.signal()
        }
    }

    private func startLocked() {
        guard let store else { return }
        started = true
        Thread.detachNewThread { [self] in
            // Below the matching threads: on a busy machine the read takes idle time, not theirs.
            // (On Linux a nice value belongs to the thread, and 0 names the calling one.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            let index = try? GazetteerMemoryIndex(store: store)
            lock.lock()
            loaded = index
            if index != nil { isLoaded.store(true, ordering: .releasing) }
            lock.unlock()
            done.signal()
        }
    }
}
