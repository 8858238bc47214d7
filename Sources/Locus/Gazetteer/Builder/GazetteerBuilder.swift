import Foundation
import GRDB

/// What a build did: where the file is, what each source gave, and the content digest.
public struct GazetteerBuildSummary: Sendable {
    /// The gazetteer file written.
    public var path: URL
    /// What each source file gave.
    public var sources: [SourceReport]
    /// SHA-256 over the ordered contents of every table but `meta`: equal for equal sources.
    public var contentDigest: String
    /// Wall seconds the build took.
    public var seconds: Double
    /// The file's size.
    public var bytes: Int
}

/// Builds a gazetteer file from source files: reads every source, derives streets, localities and areas,
/// writes all tables and indexes into a temporary file beside the output, and renames it into place, so an
/// interrupted or failed build never leaves a half-written gazetteer at the output path.
public struct GazetteerBuilder: Sendable {
    /// The source files read.
    public var sources: GazetteerSources
    /// The least estimated addresses in a map point's catchment that holds any (`MapPointRules`).
    public var mapPointThreshold = MapPointRules.defaultThreshold

    /// A builder of these sources, with the default map-point threshold.
    public init(sources: GazetteerSources) { self.sources = sources }

    /// Builds into `output` (replacing any file there only when the build succeeds).
    /// `progress` receives one short line per stage; `clock`, when given, records how long each phase took.
    public func build(to output: URL, clock: BuildClock? = nil, progress: (@Sendable (String) -> Void)? = nil)
        throws(GazetteerBuildError) -> GazetteerBuildSummary {
        let started = Date()
        let clock = clock ?? BuildClock()
        try sources.checkPresent()
        let draft = try clock.measure("reading sources (all importers)") { () throws(GazetteerBuildError) in
            try read(progress: progress, clock: clock)
        }
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
        let places = clock.measure("deriving areas, localities and streets") { DerivedPlaces(draft) }
        let digest: String
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // A temporary file renamed into place only when whole: no journal, no syncs. The whole file
                // (about 110 MB) fits in the page cache, so no page is written out and read back while the
                // tables and indexes grow; sorts stay in memory; one connection, so the lock is taken once.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096; "
                    + "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE;")
            }
            progress?("writing \(output.lastPathComponent)")
            digest = try queue.write { db in
                var writer = GazetteerWriter(db: db, draft: draft, places: places)
                writer.mapPointThreshold = mapPointThreshold
                writer.clock = clock
                try clock.measure("writing tables and indexes") { try writer.writeAll(sources: draft.reports) }
                let digests = try clock.measure("content digest") { try GazetteerDigest.digests(db) }
                try Self.writeMeta(db, digest: digests.content, reports: draft.reports, builtAt: started,
                                   packEdition: sources.pack?.edition, tableDigests: digests.tables)
                return digests.content
            }
            try clock.measure("ANALYZE and close") {
                try queue.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
                try queue.close()
            }
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
    func read(progress: (@Sendable (String) -> Void)?, clock: BuildClock = BuildClock())
        throws(GazetteerBuildError) -> GazetteerDraft {
        func timed(_ name: String, _ body: () throws(GazetteerBuildError) -> Void) throws(GazetteerBuildError) {
            try clock.measure("  " + name, body)
        }
        let draft = GazetteerDraft()
        draft.pack = sources.pack
        progress?("reading postcodes")
        for url in sources.codePoint {
            try timed("Code-Point Open \(url.lastPathComponent)") { () throws(GazetteerBuildError) in
                if url.pathExtension.lowercased() == "zip" || url.pathExtension.lowercased() == "whl" {
                    try draft.importCodePointZip(url)
                } else if try Self.hasHeader(url, firstColumn: "postcode", pack: sources.pack) {
                    try draft.importCodePointLondonCSV(url)
                } else {
                    try draft.importCodePointAreaCSV(url)
                }
            }
        }
        if let url = sources.onspd { try timed("ONSPD") { () throws(GazetteerBuildError) in try draft.importONSPD(url) } }
        guard !draft.postcodes.isEmpty else {
            throw .noPostcodes(sources.codePoint.map(\.lastPathComponent).joined(separator: ", "))
        }
        clock.measure("  indexing postcodes") { draft.indexPostcodes() }
        if let url = sources.areaNames {
            try timed("area names") { () throws(GazetteerBuildError) in try draft.importAreaNames(url) }
        }
        if let url = sources.lsoaNames {
            try timed("LSOA names") { () throws(GazetteerBuildError) in try draft.importLSOANames(url) }
        }
        progress?("reading stations, bus stops and places")
        if let url = sources.naptan { try timed("NaPTAN") { () throws(GazetteerBuildError) in try draft.importNaPTAN(url) } }
        if let url = sources.busStops {
            try timed("bus stops") { () throws(GazetteerBuildError) in try draft.importBusStops(url) }
        }
        for url in sources.openNames {
            try timed("Open Names \(url.lastPathComponent)") { () throws(GazetteerBuildError) in try draft.importOpenNames(url) }
        }
        if sources.premises != nil || !sources.points.isEmpty {
            let projection: Projector
            do { projection = try ProjectionSpec.wgs84ToBNG.makeProjector() } catch {
                throw .projection(error.description)
            }
            progress?("reading premises and points")
            if let url = sources.premises {
                try timed("premises (FHRS)") { () throws(GazetteerBuildError) in
                    try draft.importPremises(url, projection: projection)
                }
            }
            for url in sources.points {
                try timed("points \(url.lastPathComponent)") { () throws(GazetteerBuildError) in
                    try draft.importPoints(url, projection: projection)
                }
            }
        }
        if !sources.streetLines.isEmpty || !sources.openRoads.isEmpty {
            progress?("reading street lines")
            try timed("street lines") { () throws(GazetteerBuildError) in try readStreetLines(into: draft) }
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
