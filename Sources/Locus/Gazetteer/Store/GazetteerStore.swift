import Foundation
import GRDB

/// A gazetteer that cannot be opened or read.
public enum GazetteerStoreError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case wrongSchema(path: String, found: Int, expected: Int)
    /// A lookup failed after the gazetteer was opened (a damaged page, a file replaced or truncated under it).
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "no gazetteer at \(path): build one with `locus gazetteer build` (or set LOCUS_GAZETTEER)"
        case let .unreadable(path, reason):
            return "cannot read the gazetteer \(path): \(reason)"
        case let .readFailed(path, reason):
            return "reading the gazetteer \(path) failed during the run: \(reason); check it with "
                + "`locus gazetteer verify \(path)` and rebuild it with `locus gazetteer build`"
        case let .wrongSchema(path, found, expected):
            return "\(path) has gazetteer schema \(found) but this Locus reads schema \(expected): rebuild it "
                + "with `locus gazetteer build`"
        }
    }
}

/// A built gazetteer, opened read-only, answering the matcher's lookups.
///
/// Opening loads only the small tables (boroughs, wards, area names, postcode sectors and districts) into
/// memory; everything else is read through prepared statements that each connection caches and reuses.
/// Safe to use from several threads: reads go through a pool of read-only connections, one per thread.
public final class GazetteerStore: Sendable {
    /// The gazetteer file.
    public let path: URL
    /// The `meta` table (schema_version, locus_version, built_at, content_digest, attribution).
    public let meta: [String: String]
    /// Every borough, read once when opened.
    package let boroughs: [GazetteerBorough]
    /// Every ward, read once when opened.
    package let wards: [GazetteerWard]
    /// Canonical borough name form → borough ids (`RICHMOND UPON THAMES`, `CITY OF LONDON CORPORATION`).
    let boroughNames: [String: [Int64]]
    /// Canonical ward name form → ward ids.
    let wardNames: [String: [Int64]]
    let sectors: [String: PostcodeArea]
    let districts: [String: PostcodeArea]
    /// Number of entities per kind (for inverse document frequency).
    let entityCounts: [EntityKind: Int]
    private let pool: DatabasePool
    private let failures = ReadFailureRecord()
    private let boroughByID: [Int64: GazetteerBorough]
    private let wardByID: [Int64: GazetteerWard]

    /// Opens the gazetteer at `path` read-only and checks its schema version.
    public init(path: URL, maximumReaders: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) throws(GazetteerStoreError) {
        self.path = path
        pool = try Self.openPool(path, readers: maximumReaders)
        do {
            let loaded = try pool.read { db in
                var meta: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
                let found = Int(meta["schema_version"] ?? "") ?? 0
                if found != GazetteerSchema.version {
                    throw GazetteerStoreError.wrongSchema(path: path.path, found: found, expected: GazetteerSchema.version)
                }
                let boroughs = try GazetteerBorough.fetchAll(db, sql: "SELECT * FROM borough ORDER BY id")
                let wards = try GazetteerWard.fetchAll(db, sql: "SELECT * FROM ward ORDER BY id")
                var boroughNames: [String: [Int64]] = [:], wardNames: [String: [Int64]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT name, kind, area_id FROM area_name") {
                    if row[1] as Int == EntityKind.borough.rawValue {
                        boroughNames[row[0], default: []].append(row[2])
                    } else {
                        wardNames[row[0], default: []].append(row[2])
                    }
                }
                var sectors: [String: PostcodeArea] = [:], districts: [String: PostcodeArea] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM postcode_sector") {
                    let area = PostcodeArea(row: row, key: "sector")
                    sectors[area.code] = area
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM postcode_district") {
                    let area = PostcodeArea(row: row, key: "district")
                    districts[area.code] = area
                }
                districts = PostcodeDistricts.withSubDistricts(districts)
                var counts: [EntityKind: Int] = [:]
                let tables: [EntityKind: String] = [.street: "street", .landmark: "landmark", .locality: "locality",
                                                    .borough: "borough", .ward: "ward", .address: "address"]
                for (kind, table) in tables {
                    counts[kind] = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
                }
                return (meta, boroughs, wards, boroughNames, wardNames, sectors, districts, counts)
            }
            (meta, boroughs, wards, boroughNames, wardNames, sectors, districts, entityCounts) = loaded
        } catch let error as GazetteerStoreError {
            throw error
        } catch {
            throw .unreadable(path: path.path, reason: "\(error)")
        }
        boroughByID = Dictionary(uniqueKeysWithValues: boroughs.map { ($0.id, $0) })
        wardByID = Dictionary(uniqueKeysWithValues: wards.map { ($0.id, $0) })
    }

    static func readOnlyConfiguration(readers: Int = 1) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.maximumReaderCount = readers
        configuration.label = "gazetteer"
        return configuration
    }

    static func openPool(_ url: URL, readers: Int) throws(GazetteerStoreError) -> DatabasePool {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missing(path: url.path) }
        do {
            return try DatabasePool(path: url.path, configuration: readOnlyConfiguration(readers: readers))
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    static func openReadOnly(_ url: URL) throws(GazetteerStoreError) -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missing(path: url.path) }
        do {
            return try DatabaseQueue(path: url.path, configuration: readOnlyConfiguration())
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    /// Runs `body` with one pooled connection held for every lookup made inside it (on this thread), so a
    /// match that makes many lookups takes a connection from the pool once. Lookups work without it too.
    public func session<T>(_ body: () throws -> T) throws -> T {
        try pool.unsafeReentrantRead { _ in try body() }
    }

    /// Runs `body` on this thread's session connection, else on a pooled one, mapping failures to
    /// `GazetteerStoreError`. No transaction wraps a lookup (nothing writes to the read-only file), which
    /// saves a BEGIN/COMMIT pair per call.
    @inline(__always)
    func read<T>(_ body: (Database) throws -> T) throws(GazetteerStoreError) -> T {
        do {
            return try pool.unsafeReentrantRead(body)
        } catch {
            let failure = (error as? GazetteerStoreError) ?? .readFailed(path: path.path, reason: "\(error)")
            failures.record(failure)
            throw failure
        }
    }

    /// The first lookup that failed since the store was opened, or nil. The matcher treats a failed lookup
    /// as "nothing found"; a batch run checks this and stops (exit 74) rather than write such rows.
    public var firstReadError: GazetteerStoreError? { failures.first }

    /// The borough with this row id, if any.
    package func borough(id: Int64) -> GazetteerBorough? { boroughByID[id] }
    /// The ward with this row id, if any.
    package func ward(id: Int64) -> GazetteerWard? { wardByID[id] }

    /// Boroughs having the canonical name form `name`.
    package func boroughs(named name: String) -> [GazetteerBorough] {
        (boroughNames[name] ?? []).compactMap { boroughByID[$0] }
    }

    /// Wards having the canonical name form `name`.
    package func wards(named name: String) -> [GazetteerWard] {
        (wardNames[name] ?? []).compactMap { wardByID[$0] }
    }
}

/// The first read failure of a store, shared by its threads.
private final class ReadFailureRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var error: GazetteerStoreError?

    func record(_ failure: GazetteerStoreError) {
        lock.lock()
        if error == nil { error = failure }
        lock.unlock()
    }

    var first: GazetteerStoreError? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}
