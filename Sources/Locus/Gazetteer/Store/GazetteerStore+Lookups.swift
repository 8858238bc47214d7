import GRDB

/// The per-query lookups: each is one cached prepared statement on the calling thread's connection.
extension GazetteerStore {
    /// The unit with canonical postcode `postcode` (`SW1A 1AA`), live, terminated or unknown.
    public func postcode(_ postcode: String) throws(GazetteerStoreError) -> PostcodeUnit? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(PostcodeUnit.columns) FROM postcode WHERE postcode = ?"),
                             arguments: [postcode]).map(PostcodeUnit.init(columns:))
        }
    }

    /// The postcode unit nearest to a BNG point within `radius` metres (R*Tree search).
    public func nearestPostcode(x: Double, y: Double, within radius: Double = 1000,
                                liveOnly: Bool = false) throws(GazetteerStoreError) -> PostcodeUnit? {
        try read { db in
            var reach = min(100.0, radius)
            while true {
                let statement = try db.cachedStatement(sql: """
                    SELECT p.* FROM postcode_rtree r JOIN postcode p ON p.id = r.id
                    WHERE r.min_x >= ? AND r.max_x <= ? AND r.min_y >= ? AND r.max_y <= ? AND (? = 0 OR p.status = 0)
                    ORDER BY (p.x - ?) * (p.x - ?) + (p.y - ?) * (p.y - ?), p.id LIMIT 1
                    """)
                let found = try PostcodeUnit.fetchOne(statement, arguments: [
                    x - reach, x + reach, y - reach, y + reach, liveOnly ? 1 : 0, x, x, y, y])
                if let found, planeDistance(found.x, found.y, x, y) <= reach {
                    return found
                }
                if reach >= radius { return found.flatMap { u in
                    planeDistance(u.x, u.y, x, y) <= radius ? u : nil } }
                reach = min(radius, reach * 3)
            }
        }
    }

    /// The boroughs of the postcode units within `radius` metres of a BNG point (R*Tree search).
    package func boroughsOfPostcodes(x: Double, y: Double, within radius: Double) throws(GazetteerStoreError) -> Set<Int64> {
        try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT DISTINCT p.borough_id FROM postcode_rtree r JOIN postcode p ON p.id = r.id
                WHERE r.min_x >= ? AND r.max_x <= ? AND r.min_y >= ? AND r.max_y <= ? AND p.borough_id IS NOT NULL
                  AND (p.x - ?) * (p.x - ?) + (p.y - ?) * (p.y - ?) <= ?
                """)
            return Set(try Int64.fetchAll(statement, arguments: [
                x - radius, x + radius, y - radius, y + radius, x, x, y, y, radius * radius]))
        }
    }

    /// The ids of entities of `kind` whose names contain the canonical word `token`.
    public func entities(token: String, kind: EntityKind) throws(GazetteerStoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT entity_id FROM token WHERE token = ? AND kind = ?"),
                               arguments: [token, kind.rawValue])
        }
    }

    /// How many entities of `kind` contain `token` (0 when none): rare words weigh more.
    public func documentFrequency(token: String, kind: EntityKind) throws(GazetteerStoreError) -> Int {
        try read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT df FROM token_stat WHERE token = ? AND kind = ?"),
                             arguments: [token, kind.rawValue]) ?? 0
        }
    }

    /// Indexed words within one edit (5+ letters) or two (9+) of `word`, with their distances, nearest first;
    /// none for a word longer than `TypoKeys.maximumQueryLength`.
    public func typoCandidates(_ word: String) throws(GazetteerStoreError) -> [(token: String, distance: Int)] {
        guard word.utf8.count <= TypoKeys.maximumQueryLength else { return [] }
        let keys = TypoKeys.keys(word)
        let limit = word.utf8.count >= TypoKeys.twoEditLength ? 2 : (word.utf8.count >= TypoKeys.oneEditLength ? 1 : 0)
        // The keys go in batches of `typoKeysPerRead` (a word of 12 letters has 67), padded with "", which is
        // never a key: one prepared statement, a few reads.
        let found: Set<String> = try read { db in
            let statement = try db.cachedStatement(sql: "SELECT token FROM typo_key WHERE key IN ("
                + Array(repeating: "?", count: Self.typoKeysPerRead).joined(separator: ",") + ")")
            var tokens: Set<String> = []
            for start in stride(from: 0, to: keys.count, by: Self.typoKeysPerRead) {
                var batch = Array(keys[start..<min(keys.count, start + Self.typoKeysPerRead)])
                batch += Array(repeating: "", count: Self.typoKeysPerRead - batch.count)
                tokens.formUnion(try String.fetchAll(statement, arguments: StatementArguments(batch)))
            }
            return tokens
        }
        return found.compactMap { token -> (token: String, distance: Int)? in
            let d = TypoKeys.distance(word, token)
            return d <= max(limit, 0) ? (token, d) : nil
        }.sorted { ($0.distance, $0.token) < ($1.distance, $1.token) }
    }

    static let typoKeysPerRead = 32

    /// Indexed adjacent word pairs that, written together, make `joined` (HIGHROAD → HIGH, ROAD).
    func splitForms(ofJoined joined: String) throws(GazetteerStoreError) -> [(String, String)] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT first, second FROM joined_token WHERE joined = ?"),
                             arguments: [joined]).map { ($0[0], $0[1]) }
        }
    }

    /// The street with this row id, if any.
    package func street(id: Int64) throws(GazetteerStoreError) -> GazetteerStreet? {
        try read { db in
            try GazetteerStreet.fetchOne(db.cachedStatement(sql: "SELECT * FROM street WHERE id = ?"), arguments: [id])
        }
    }

    /// Every street with the canonical name `name` (one per place).
    package func streets(named name: String) throws(GazetteerStoreError) -> [GazetteerStreet] {
        try read { db in
            try GazetteerStreet.fetchAll(db.cachedStatement(sql: "SELECT * FROM street WHERE name = ? ORDER BY id"),
                                         arguments: [name])
        }
    }

    /// The streets near a postcode unit, nearest first, with the distance of their nearest known point.
    func streetsNear(postcodeID: Int64) throws(GazetteerStoreError) -> [(streetID: Int64, distance: Double)] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql:
                "SELECT street_id, distance FROM postcode_street WHERE postcode_id = ? ORDER BY distance, street_id"),
                arguments: [postcodeID]).map { ($0[0], $0[1]) }
        }
    }

    /// The ids of the streets holding an address point given `postcode` (the unit's own premises), ascending.
    func addressStreets(postcode: String) throws(GazetteerStoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT street_id FROM address WHERE postcode = ? AND street_id IS NOT NULL ORDER BY street_id
                """), arguments: [postcode])
        }
    }

    /// The ids of streets touching a postcode sector (`SW1A 1`) or district (`SW1A`).
    public func streets(inPostcodeArea area: String) throws(GazetteerStoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db.cachedStatement(sql: "SELECT street_id FROM street_area WHERE area = ?"),
                               arguments: [area])
        }
    }

    /// The address points on a street, optionally only those whose number (or range) covers `number`.
    package func addresses(streetID: Int64, number: Int? = nil) throws(GazetteerStoreError) -> [AddressPoint] {
        try read { db in
            if let number {
                return try AddressPoint.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM address WHERE street_id = ? AND number <= ? AND coalesce(number_end, number) >= ?
                    ORDER BY id
                    """), arguments: [streetID, number, number])
            }
            return try AddressPoint.fetchAll(db.cachedStatement(sql:
                "SELECT * FROM address WHERE street_id = ? ORDER BY number, id"), arguments: [streetID])
        }
    }

    /// The address point with this row id, if any.
    package func address(id: Int64) throws(GazetteerStoreError) -> AddressPoint? {
        try read { db in
            try AddressPoint.fetchOne(db.cachedStatement(sql: "SELECT * FROM address WHERE id = ?"), arguments: [id])
        }
    }

    /// The known points of a street (addresses, stops, stations, Open Names points).
    package func points(streetID: Int64) throws(GazetteerStoreError) -> [StreetPoint] {
        try read { db in
            try StreetPoint.fetchAll(db.cachedStatement(sql:
                "SELECT kind, ref_id, x, y FROM street_point WHERE street_id = ?"), arguments: [streetID])
        }
    }

    /// Junctions involving a street.
    package func junctions(streetID: Int64) throws(GazetteerStoreError) -> [GazetteerJunction] {
        try read { db in
            try GazetteerJunction.fetchAll(db.cachedStatement(sql:
                "SELECT * FROM junction WHERE street_a = ?1 UNION SELECT * FROM junction WHERE street_b = ?1"),
                arguments: [streetID])
        }
    }

    /// The landmark with this row id, if any.
    package func landmark(id: Int64) throws(GazetteerStoreError) -> GazetteerLandmark? {
        try read { db in
            try GazetteerLandmark.fetchOne(db.cachedStatement(sql: "SELECT * FROM landmark WHERE id = ?"), arguments: [id])
        }
    }

    /// Landmarks having the canonical name form `name` (`ELEPHANT AND CASTLE STATION`).
    func landmarks(named name: String) throws(GazetteerStoreError) -> [GazetteerLandmark] {
        try read { db in
            try GazetteerLandmark.fetchAll(db.cachedStatement(sql: """
                SELECT l.* FROM landmark_name n JOIN landmark l ON l.id = n.landmark_id WHERE n.name = ? ORDER BY l.id
                """), arguments: [name])
        }
    }

    /// The locality with this row id, if any.
    package func locality(id: Int64) throws(GazetteerStoreError) -> GazetteerLocality? {
        try read { db in
            try GazetteerLocality.fetchOne(db.cachedStatement(sql: "SELECT * FROM locality WHERE id = ?"), arguments: [id])
        }
    }

    /// Localities with the canonical name `name` (one per place).
    func localities(named name: String) throws(GazetteerStoreError) -> [GazetteerLocality] {
        try read { db in
            try GazetteerLocality.fetchAll(db.cachedStatement(sql:
                "SELECT * FROM locality WHERE canonical = ? ORDER BY id"), arguments: [name])
        }
    }
}
