import GRDB

/// The street lines' segments and their R-tree.
extension GazetteerWriter {
    /// `street_segment` and `street_segment_rtree`: every straight piece of every line, under the street its
    /// start vertex was derived into (a line crossing a borough boundary belongs to each borough's street).
    func writeSegments() throws {
        var id = 0
        try insert("INSERT INTO street_segment VALUES (?,?,?,?,?,?,?,?,?,?)") { add in
            for (l, line) in draft.streetLines.enumerated() {
                for k in 0..<(line.points.count - 1) {
                    guard let street = streetID(line.vertexMentions[k]) else { continue }
                    let a = line.points[k], b = line.points[k + 1]
                    id += 1
                    try add([id, street, l + 1, k, a.x, a.y, b.x, b.y, line.roadClass, line.source])
                }
            }
        }
        try db.execute(sql: """
            INSERT INTO street_segment_rtree SELECT id, min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
            FROM street_segment ORDER BY id
            """)
    }
}
