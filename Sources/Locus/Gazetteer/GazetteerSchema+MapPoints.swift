/// `map_point` and `map_point_unit`: the anonymous map points and their catchments (see `MapPointRules`).
extension GazetteerSchema {
    /// The tables, created with the others (`GazetteerSchema.tables` lists them).
    static let mapPointTables: [String] = [
        // kind street / station / place; ref_id: the street's or landmark's id; units: live postcode units in
        // the catchment; addresses: units × MapPointRules.addressesPerUnit; reach: farthest unit or merged
        // candidate of the catchment, metres.
        """
        CREATE TABLE map_point(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref_id INTEGER NOT NULL,
          name TEXT NOT NULL, borough_id INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL,
          units INTEGER NOT NULL, addresses INTEGER NOT NULL, reach REAL NOT NULL)
        """,
        // The map point whose catchment holds each live postcode unit with a borough.
        "CREATE TABLE map_point_unit(postcode_id INTEGER PRIMARY KEY, map_point_id INTEGER NOT NULL) WITHOUT ROWID",
    ]
}
