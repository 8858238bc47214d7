import Foundation
import GRDB

/// What a build did: where the file is, what each source gave, and the content digest.
public struct GazetteerBuildSummary: Sendable {
    public var path: URL
    public var sources: [SourceReport]
    /// SHA-256 over the ordered contents of every table but `meta`: equal for equal sources.
    public var contentDigest: String
    public var seconds: Double
    public var bytes: Int
}

/// Builds a gazetteer file from source files: reads every source, derives streets, localities and areas,
/// writes all tables and indexes into a temporary file beside the output, and renames it into place, so an
/// interrupted or failed build never leaves a half-written gazetteer at the output path.
public struct GazetteerBuilder: Sendable {
    public var sources: GazetteerSources
    /// The least estimated addresses in a map point's catchment that holds any (`MapPointRules`).
    public var mapPointThreshold = MapPointRules.defaultThreshold

    public init(sources: GazetteerSources) { self.sources = sources }

    /// Builds into `output` (replacing any file there only when the build succeeds).
    /// `progress` receives one short line per stage.
    public func build(to output: URL, progress: (@Sendable (String) -> Void)? = nil)
        throws(GazetteerBuildError) -> GazetteerBuildSummary {
        let started = Date()
        try sources.checkPresent()
        let draft = try read(progress: progress)
        let fm = FileManager.default
        let folder = output.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .output(path: folder.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(
            ".\(output.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer {
            try? fm.removeItem(at: temporary)
            try? fm.removeItem(atPath: temporary.path + "-journal")
        }
        progress?("deriving streets, localities and areas")
        let places = DerivedPlaces(draft)
        let digest: String
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;")
            }
            progress?("writing \(output.lastPathComponent)")
            digest = try queue.write { db in
                var writer = GazetteerWriter(db: db, draft: draft, places: places)
                writer.mapPointThreshold = mapPointThreshold
                try writer.writeAll(sources: draft.reports)
                let digests = try Self.digests(db)
                try Self.writeMeta(db, digest: digests.content, reports: draft.reports, builtAt: started,
                                   packEdition: sources.pack?.edition, tableDigests: digests.tables)
                return digests.content
            }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
            try queue.close()
        } catch let error as GazetteerBuildError {
            throw error
        } catch {
            throw .database("\(error)")
        }
        if rename(temporary.path, output.path) != 0 {
            throw .output(path: output.path, reason: String(cString: strerror(errno)))
        }
        let bytes = (try? fm.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        return GazetteerBuildSummary(
            path: output, sources: draft.reports, contentDigest: digest,
            seconds: Date().timeIntervalSince(started), bytes: bytes)
    }

    /// Reads every source in a fixed order: postcodes first (the other importers place things by them).
    func read(progress: (@Sendable (String) -> Void)?) throws(GazetteerBuildError) -> GazetteerDraft {
        let draft = GazetteerDraft()
        draft.pack = sources.pack
        progress?("reading postcodes")
        for url in sources.codePoint {
            if url.pathExtension.lowercased() == "zip" || url.pathExtension.lowercased() == "whl" {
                try draft.importCodePointZip(url)
            } else if try Self.hasHeader(url, firstColumn: "postcode", pack: sources.pack) {
                try draft.importCodePointLondonCSV(url)
            } else {
                try draft.importCodePointAreaCSV(url)
            }
        }
        if let url = sources.onspd { try draft.importONSPD(url) }
        guard !draft.postcodes.isEmpty else {
            throw .noPostcodes(sources.codePoint.map(\.lastPathComponent).joined(separator: ", "))
        }
        draft.indexPostcodes()
        if let url = sources.areaNames { try draft.importAreaNames(url) }
        if let url = sources.lsoaNames { try draft.importLSOANames(url) }
        progress?("reading stations, bus stops and places")
        if let url = sources.naptan { try draft.importNaPTAN(url) }
        if let url = sources.busStops { try draft.importBusStops(url) }
        for url in sources.openNames { try draft.importOpenNames(url) }
        if sources.premises != nil || !sources.points.isEmpty {
            let projection: Projector
            do { projection = try ProjectionSpec.wgs84ToBNG.makeProjector() } catch {
                throw .projection(error.description)
            }
            progress?("reading premises and points")
            if let url = sources.premises { try draft.importPremises(url, projection: projection) }
            for url in sources.points { try draft.importPoints(url, projection: projection) }
        }
        if !sources.streetLines.isEmpty || !sources.openRoads.isEmpty {
            progress?("reading street lines")
            try readStreetLines(into: draft)
        }
        return draft
    }

    /// Whether the CSV at `url` starts with a header whose first column is `firstColumn`.
    static func hasHeader(_ url: URL, firstColumn: String, pack: SourcePack? = nil) throws(GazetteerBuildError) -> Bool {
        if let bytes = pack?.contents(of: url) { return isHeader(Array(bytes.prefix(64)), firstColumn: firstColumn) }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .missingSource(what: "Code-Point Open", path: url.path)
        }
        defer { try? handle.close() }
        return isHeader([UInt8](handle.readData(ofLength: 64)), firstColumn: firstColumn)
    }

    private static func isHeader(_ bytes: [UInt8], firstColumn: String) -> Bool {
        let head = String(decoding: bytes, as: UTF8.self)
        let first = head.drop { $0 == "\u{FEFF}" }.prefix { $0 != "," && $0 != "\n" && $0 != "\r" }
        return first.trimmingCharacters(in: .whitespaces).lowercased() == firstColumn
    }

    /// SHA-256 over every table but `meta`, each in a fixed order, value by value.
    static func contentDigest(_ db: Database) throws -> String { try digests(db).content }

    /// The content digest and, for each table of `GazetteerSchema.digestTables` in order, the SHA-256 of that
    /// table alone (the same bytes the content digest reads for it). Stored in `meta` at build as
    /// `content_digest` and `table_digest.<table>`; `locus gazetteer verify` recomputes them.
    static func digests(_ db: Database) throws -> (content: String, tables: [(table: String, digest: String)]) {
        var hasher = SHA256()
        var tables: [(String, String)] = []
        // A gazetteer built before a table existed (map_point) digests as it did then.
        for (table, order) in GazetteerSchema.digestTables where try db.tableExists(table) {
            var own = SHA256()
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
            Array((table + "\n").utf8).withUnsafeBytes { hasher.update($0); own.update($0) }
            var line: [UInt8] = []
            while let row = try rows.next() {
                line.removeAll(keepingCapacity: true)
                for value in row.databaseValues {
                    line.append(contentsOf: value.description.utf8)
                    line.append(0x1F)
                }
                line.append(10)
                line.withUnsafeBytes { hasher.update($0); own.update($0) }
            }
            tables.append((table, own.finalizeHex()))
        }
        return (hasher.finalizeHex(), tables)
    }

    static func writeMeta(_ db: Database, digest: String, reports: [SourceReport], builtAt: Date,
                          packEdition: String? = nil, tableDigests: [(table: String, digest: String)] = []) throws {
        var licences: [String] = []
        for report in reports where !licences.contains(report.licence) { licences.append(report.licence) }
        let formatter = ISO8601DateFormatter()
        let meta: [(String, String)] = [
            ("schema_version", String(GazetteerSchema.version)), ("locus_version", LocusInfo.version),
            ("built_at", formatter.string(from: builtAt)), ("content_digest", digest),
            ("attribution", licences.joined(separator: "\n")),
        ] + (packEdition.map { [("pack_edition", $0)] } ?? []) + tableDigests.map { ("table_digest.\($0.table)", $0.digest) }
        for (key, value) in meta {
            try db.execute(sql: "INSERT INTO meta VALUES (?, ?)", arguments: [key, value])
        }
        try db.execute(sql: "PRAGMA user_version = \(GazetteerSchema.version)")
    }
}
