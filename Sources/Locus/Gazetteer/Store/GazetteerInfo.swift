import Foundation
import GRDB

/// A gazetteer's metadata, sources and entity counts, as `locus gazetteer info` prints them.
package struct GazetteerInfo: Sendable {
    /// The gazetteer file.
    package var path: URL
    /// `meta` table: schema_version, locus_version, built_at, content_digest, attribution, pack_edition (when
    /// built from a source pack).
    package var meta: [String: String]
    /// What each source file gave when it was built (`source` table).
    package var sources: [SourceReport]
    /// Row counts by table, plus `postcode.live` / `postcode.terminated` / `postcode.unknown` and
    /// `landmark.<kind>`.
    package var counts: [(name: String, count: Int)]
    /// The map points (`locus geocode --anonymise`), or nil for a gazetteer built without them.
    var mapPoints: MapPointSummary?

    /// Reads the file read-only.
    package static func read(_ url: URL) throws(GazetteerStoreError) -> GazetteerInfo {
        let queue = try GazetteerStore.openReadOnly(url)
        do {
            return try queue.read { db in
                var meta: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
                let sources = try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY name").map { row in
                    let faults: String = row["faults"]
                    return SourceReport(
                        name: row["name"], format: row["format"], rows: row["rows"], malformed: row["malformed"],
                        sha256: row["sha256"], licence: row["licence"],
                        faults: faults.isEmpty ? [] : faults.components(separatedBy: "\n"))
                }
                var counts: [(String, Int)] = []
                for (table, _) in GazetteerSchema.digestTables where try table != "source" && db.tableExists(table) {
                    counts.append((table, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0))
                }
                for status in [PostcodeStatus.live, .terminated, .unknown] {
                    let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postcode WHERE status = ?",
                                             arguments: [status.rawValue]) ?? 0
                    counts.append(("postcode.\(status)", n))
                }
                for kind in LandmarkKind.allCases {
                    let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM landmark WHERE kind = ?",
                                             arguments: [kind.rawValue]) ?? 0
                    counts.append(("landmark.\(kind.rawValue)", n))
                }
                return GazetteerInfo(path: url, meta: meta, sources: sources, counts: counts,
                                     mapPoints: try MapPointSummary.read(db))
            }
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    /// The report as printed by `locus gazetteer info`.
    package var text: String {
        var out = "gazetteer \(path.path)\n"
        for key in ["schema_version", "locus_version", "built_at", "content_digest", "pack_edition"] {
            out += "  \(key): \(meta[key] ?? (key == "pack_edition" ? "none (not built from a source pack)" : "?"))\n"
        }
        out += "sources:\n"
        for s in sources {
            out += "  \(s.name) [\(s.format)] rows \(s.rows), malformed \(s.malformed), sha256 \(s.sha256)\n"
            for fault in s.faults { out += "    \(fault)\n" }
            out += "    licence: \(s.licence)\n"
        }
        out += "counts:\n"
        for (name, count) in counts { out += "  \(name): \(count)\n" }
        out += mapPoints?.text ?? "map points: none (built by an older Locus; rebuild it to anonymise output)\n"
        out += "attribution:\n"
        for line in (meta["attribution"] ?? "").split(separator: "\n") { out += "  \(line)\n" }
        return out
    }
}
