import GRDB

/// The gazetteer's content digest, written at build and checked by `locus gazetteer verify`.
enum GazetteerDigest {
    /// SHA-256 over every table but `meta`, each in a fixed order, value by value.
    static func contentDigest(_ db: Database) throws -> String { try digests(db).content }

    /// The content digest and, for each table of `GazetteerSchema.digestTables` in order, the SHA-256 of that
    /// table alone (the same bytes the content digest reads for it). Stored in `meta` at build as
    /// `content_digest` and `table_digest.<table>`; `locus gazetteer verify` recomputes them.
    static func digests(_ db: Database) throws -> (content: String, tables: [(table: String, digest: String)]) {
        var hasher = SHA256Hasher()
        var tables: [(String, String)] = []
        // A gazetteer built before a table existed (map_point) digests as it did then.
        for (table, order) in GazetteerSchema.digestTables where try db.tableExists(table) {
            var own = SHA256Hasher()
            Array((table + "\n").utf8).withUnsafeBytes { hasher.update($0); own.update($0) }
            // Each value as `DatabaseValue.description` writes it, then 0x1F; a newline ends the row.
            try FastSQLite.forEachDigestLine(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") { line in
                hasher.update(line)
                own.update(line)
            }
            tables.append((table, own.finalizeHex()))
        }
        return (hasher.finalizeHex(), tables)
    }
}
