import GRDB

extension GazetteerStore {
    /// The line segments of a street (`street_segment`), each with the source line it belongs to, in line and
    /// sequence order; empty for a street known only by points, or a gazetteer built before street lines.
    func segments(streetID: Int64) throws(GazetteerStoreError) -> [(line: Int64, segment: StreetGeometry.Segment)] {
        try read { db in
            guard try db.tableExists("street_segment") else { return [] }
            return try Row.fetchAll(db.cachedStatement(sql:
                "SELECT line, x1, y1, x2, y2 FROM street_segment WHERE street_id = ? ORDER BY line, seq"),
                arguments: [streetID]).map { row in
                    (row[0], StreetGeometry.Segment(a: .init(x: row[1], y: row[2]), b: .init(x: row[3], y: row[4])))
                }
        }
    }

    /// Every street line segment of the gazetteer (`street_segment`), in no order; empty for a gazetteer built
    /// before street lines.
    func allSegments() throws(GazetteerStoreError) -> [StreetGeometry.Segment] {
        try read { db in
            guard try db.tableExists("street_segment") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT x1, y1, x2, y2 FROM street_segment").map { row in
                StreetGeometry.Segment(a: .init(x: row[0], y: row[1]), b: .init(x: row[2], y: row[3]))
            }
        }
    }
}
