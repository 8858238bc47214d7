import GRDB

/// Writes the draft and what was derived from it into an empty gazetteer database, table by table, in a
/// fixed order with ids that depend only on the sources.
struct GazetteerWriter {
    let db: Database
    let draft: GazetteerDraft
    let places: DerivedPlaces
    /// Records each table group's time (`locus gazetteer build --timings`), when set.
    var clock: BuildClock?

    /// Streets whose nearest known point lies within this many metres of a postcode unit are listed for it.
    static let nearStreetRadius = 400.0
    /// At most this many streets are listed per postcode unit (the nearest).
    static let nearStreetLimit = 6
    /// The least estimated addresses in a map point's catchment (`MapPointRules`).
    var mapPointThreshold = MapPointRules.defaultThreshold

    private(set) var boroughID: [String: Int64] = [:]
    private(set) var wardID: [String: Int64] = [:]

    init(db: Database, draft: GazetteerDraft, places: DerivedPlaces) {
        self.db = db
        self.draft = draft
        self.places = places
        for (i, borough) in LondonBoroughs.all.enumerated() { boroughID[borough.code] = Int64(i + 1) }
        let wardCodes = Set(draft.wards.keys).union(places.wards.keys).sorted()
        for (i, code) in wardCodes.enumerated() { wardID[code] = Int64(i + 1) }
    }

    /// Prepares `sql` once and runs it for every row `rows` adds, binding the values straight to SQLite
    /// (`FastSQLite.insert`): GRDB's `execute(arguments:)` spends microseconds a row on checks and copies, and
    /// a build inserts about 3 million rows. Values are bound as GRDB binds them, so the file is the same.
    func insert(_ sql: String, _ rows: (( [DatabaseValueConvertible?]) throws -> Void) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try rows { values in try FastSQLite.insert(db, statement, values) }
    }

    func writeAll(sources: [SourceReport]) throws {
        for sql in GazetteerSchema.tables { try db.execute(sql: sql) }
        try insert("INSERT INTO source VALUES (?,?,?,?,?,?,?)") { add in
            for r in sources.sorted(by: { $0.name < $1.name }) {
                try add([r.name, r.format, r.rows, r.malformed, r.sha256, r.licence,
                         (r.faults + (r.skipped > 0 ? ["skipped \(r.skipped) rows outside London or not used"] : []))
                            .joined(separator: "\n")])
            }
        }
        let clock = self.clock ?? BuildClock()
        try clock.measure("  boroughs, wards, area names, LSOAs") { try writeAreas() }
        try clock.measure("  postcodes, sectors, districts") { try writePostcodes() }
        try clock.measure("  localities, streets, points, junctions, addresses, landmarks") { try writePlaces() }
        try clock.measure("  street segments, junctions from lines") { try writeSegments() }
        try clock.measure("  token index, typo keys, joined tokens") { try TokenIndexWriter(writer: self).write() }
        try clock.measure("  streets near each postcode") { try writeNearStreets() }
        try clock.measure("  map points and catchments") { try writeMapPoints(threshold: mapPointThreshold) }
        try clock.measure("  indexes") { for sql in GazetteerSchema.indexes { try db.execute(sql: sql) } }
    }

    private func writeAreas() throws {
        try insert("INSERT INTO borough VALUES (?,?,?,?,?,?,?)") { add in
            for borough in LondonBoroughs.all {
                let area = places.boroughs[borough.code]
                let names = draft.boroughNames[borough.code]
                try add([boroughID[borough.code], borough.code, names?.official ?? borough.officialName,
                         names?.short ?? borough.shortName, area?.centroid.0, area?.centroid.1, area?.units ?? 0])
            }
        }
        try insert("INSERT INTO ward VALUES (?,?,?,?,?,?,?)") { add in
            for (code, id) in wardID.sorted(by: { $0.value < $1.value }) {
                let area = places.wards[code]
                let borough = area?.borough ?? draft.wards[code]?.borough
                try add([id, code, draft.wards[code]?.name ?? code, borough.flatMap { boroughID[$0] },
                         area?.centroid.0, area?.centroid.1, area?.units ?? 0])
            }
        }
        try insert("INSERT OR IGNORE INTO area_name VALUES (?,?,?)") { add in
            for form in boroughNameForms() { try add([form.name, EntityKind.borough.rawValue, form.id]) }
            for (code, id) in wardID {
                guard let name = draft.wards[code]?.name else { continue }
                for form in Self.wardNameForms(name) { try add([form, EntityKind.ward.rawValue, id]) }
            }
        }
        try insert("INSERT INTO lsoa VALUES (?,?,?)") { add in
            for code in draft.lsoas.keys.sorted() {
                let lsoa = draft.lsoas[code]!
                try add([code, lsoa.name, lsoa.borough.flatMap { boroughID[$0] }])
            }
        }
    }

    /// Every canonical name form of every borough: official, ONS short, compiled-in and FSA forms.
    func boroughNameForms() -> [(name: String, id: Int64)] {
        var forms: [(String, Int64)] = []
        for borough in LondonBoroughs.all {
            let id = boroughID[borough.code]!
            let names = draft.boroughNames[borough.code]
            var all = [borough.shortName, borough.officialName] + borough.otherNames
            all += [names?.official, names?.short].compactMap { $0 }
            var canonical = Set(all.map(CanonicalText.string)).union(draft.boroughAliases[borough.code] ?? [])
            for name in canonical where name.hasSuffix(" LONDON BORO") {
                canonical.insert(String(name.dropLast(" LONDON BORO".count)))
                canonical.insert("LONDON BOROUGH OF " + String(name.dropLast(" LONDON BORO".count)))
            }
            forms += canonical.sorted().map { ($0, id) }
        }
        return forms
    }

    /// `Bromley Town Ward` → BROMLEY TOWN WARD, BROMLEY TOWN.
    static func wardNameForms(_ name: String) -> [String] {
        let full = CanonicalText.words(name)
        var forms = [full.joined(separator: " ")]
        if full.count > 1, full.last == "WARD" { forms.append(full.dropLast().joined(separator: " ")) }
        return forms
    }

    private func writePostcodes() throws {
        try insert("INSERT INTO postcode VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)") { add in
            for (i, code) in draft.postcodeOrder.enumerated() {
                let u = draft.postcodes[code]!
                try add([i + 1, code, SourcePostcode.sector(code), SourcePostcode.district(code), u.x, u.y, u.pqi,
                         u.status.rawValue, u.terminated, u.borough.flatMap { boroughID[$0] },
                         u.ward.flatMap { wardID[$0] }, u.lsoa, u.msoa])
            }
        }
        try insert("INSERT INTO postcode_rtree VALUES (?,?,?,?,?)") { add in
            for (i, code) in draft.postcodeOrder.enumerated() {
                let u = draft.postcodes[code]!
                try add([i + 1, u.x, u.x, u.y, u.y])
            }
        }
        for (table, areas, keyed) in [("postcode_sector", places.sectors, true), ("postcode_district", places.districts, false)] {
            let columns = keyed ? "?,?,?,?,?,?,?,?,?,?,?" : "?,?,?,?,?,?,?,?,?,?"
            try insert("INSERT INTO \(table) VALUES (\(columns))") { add in
                for key in areas.keys.sorted() {
                    let a = areas[key]!
                    var values: [DatabaseValueConvertible?] = [key]
                    if keyed { values.append(SourcePostcode.district(key + "XX")) }
                    values += [a.centroid.0, a.centroid.1, a.minX, a.minY, a.maxX, a.maxY, a.units, a.liveUnits,
                               a.borough.flatMap { boroughID[$0] }]
                    try add(values)
                }
            }
        }
    }
}
