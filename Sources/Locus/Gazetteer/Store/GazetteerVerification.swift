import Foundation
import GRDB

/// `locus gazetteer verify`: recomputes a gazetteer's per-table digests and compares them with those
/// recorded in `meta` at build time, so that a copied, half-written or damaged gazetteer is found before a
/// nightly run trusts it.
package enum GazetteerVerification {
    /// What verification found.
    package enum Outcome: Sendable, Equatable {
        /// Every table's digest (and the content digest) is the one recorded.
        case intact(contentDigest: String, tables: Int)
        /// `table` is the first table, in digest order, whose contents differ from the build's; `table` is
        /// `content` for a gazetteer built before per-table digests were recorded.
        case differs(table: String, recorded: String, found: String)
    }

    /// Verifies the gazetteer at `url`. Throws `GazetteerStoreError.missing` when there is no file and
    /// `.unreadable` when it cannot be read (not SQLite, a damaged page, no `meta`).
    package static func verify(_ url: URL) throws(GazetteerStoreError) -> Outcome {
        let queue = try GazetteerStore.openReadOnly(url)
        do {
            return try queue.read { db in
                var meta: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
                let found = try GazetteerDigest.digests(db)
                var compared = 0
                for (table, digest) in found.tables {
                    guard let recorded = meta["table_digest.\(table)"] else { continue }
                    compared += 1
                    if recorded != digest { return .differs(table: table, recorded: recorded, found: digest) }
                }
                let recorded = meta["content_digest"] ?? ""
                if recorded != found.content {
                    return .differs(table: "content", recorded: recorded, found: found.content)
                }
                return .intact(contentDigest: found.content, tables: compared)
            }
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }
}
