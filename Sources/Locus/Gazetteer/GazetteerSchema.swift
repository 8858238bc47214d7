/// The tables of a Locus gazetteer file, shared by the builder (which writes them) and the store (which reads them).
///
/// All coordinates are British National Grid metres (EPSG:27700) in columns `x` (easting) and `y` (northing).
/// Names are stored twice where it matters: `name` as the source wrote it (for display) and canonical forms
/// (`CanonicalText` words, street types through `StreetTypes`) in the name and token tables the matcher reads.
/// `gazetteer/README.md` documents every column.
enum GazetteerSchema {
    /// Bumped whenever a table or a column changes meaning; the store refuses other versions.
    static let version = 1

    static let tables: [String] = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE source(name TEXT PRIMARY KEY, format TEXT NOT NULL, rows INTEGER NOT NULL,
          malformed INTEGER NOT NULL, sha256 TEXT NOT NULL, licence TEXT NOT NULL, faults TEXT NOT NULL)
        """,
        """
        CREATE TABLE borough(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          short_name TEXT NOT NULL, x REAL, y REAL, units INTEGER NOT NULL)
        """,
        """
        CREATE TABLE ward(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          borough_id INTEGER, x REAL, y REAL, units INTEGER NOT NULL)
        """,
        // Every name form of a borough (kind 4) or ward (kind 5), canonical.
        "CREATE TABLE area_name(name TEXT NOT NULL, kind INTEGER NOT NULL, area_id INTEGER NOT NULL, "
            + "PRIMARY KEY(name, kind, area_id)) WITHOUT ROWID",
        "CREATE TABLE lsoa(code TEXT PRIMARY KEY, name TEXT NOT NULL, borough_id INTEGER) WITHOUT ROWID",
        """
        CREATE TABLE postcode(id INTEGER PRIMARY KEY, postcode TEXT NOT NULL UNIQUE, sector TEXT NOT NULL,
          district TEXT NOT NULL, x REAL NOT NULL, y REAL NOT NULL, pqi INTEGER, status INTEGER NOT NULL,
          terminated TEXT, borough_id INTEGER, ward_id INTEGER, lsoa TEXT, msoa TEXT)
        """,
        """
        CREATE TABLE postcode_sector(sector TEXT PRIMARY KEY, district TEXT NOT NULL, x REAL, y REAL,
          min_x REAL, min_y REAL, max_x REAL, max_y REAL, units INTEGER NOT NULL, live_units INTEGER NOT NULL,
          borough_id INTEGER) WITHOUT ROWID
        """,
        """
        CREATE TABLE postcode_district(district TEXT PRIMARY KEY, x REAL, y REAL,
          min_x REAL, min_y REAL, max_x REAL, max_y REAL, units INTEGER NOT NULL, live_units INTEGER NOT NULL,
          borough_id INTEGER) WITHOUT ROWID
        """,
        "CREATE VIRTUAL TABLE postcode_rtree USING rtree(id, min_x, max_x, min_y, max_y)",
        """
        CREATE TABLE locality(id INTEGER PRIMARY KEY, name TEXT NOT NULL, canonical TEXT NOT NULL, x REAL, y REAL, borough_id INTEGER,
          points INTEGER NOT NULL, sources TEXT NOT NULL)
        """,
        """
        CREATE TABLE street(id INTEGER PRIMARY KEY, name TEXT NOT NULL, borough_id INTEGER, locality_id INTEGER,
          x REAL, y REAL, min_x REAL, min_y REAL, max_x REAL, max_y REAL, points INTEGER NOT NULL,
          sources TEXT NOT NULL)
        """,
        // The postcode sectors (level 0) and districts (level 1) a street touches.
        "CREATE TABLE street_area(area TEXT NOT NULL, street_id INTEGER NOT NULL, level INTEGER NOT NULL, "
            + "PRIMARY KEY(area, street_id)) WITHOUT ROWID",
        // The known points on a street: kind address / bus_stop / station / open_names / points.
        """
        CREATE TABLE street_point(street_id INTEGER NOT NULL, kind TEXT NOT NULL, ref_id INTEGER,
          x REAL NOT NULL, y REAL NOT NULL)
        """,
        """
        CREATE TABLE junction(id INTEGER PRIMARY KEY, street_a INTEGER NOT NULL, street_b INTEGER NOT NULL,
          x REAL NOT NULL, y REAL NOT NULL, source TEXT NOT NULL, landmark_id INTEGER)
        """,
        """
        CREATE TABLE address(id INTEGER PRIMARY KEY, number INTEGER, suffix TEXT, number_end INTEGER,
          sub_unit TEXT, building TEXT, premises TEXT, street_id INTEGER, locality_id INTEGER, postcode TEXT,
          borough_id INTEGER, x REAL, y REAL, shared_point INTEGER NOT NULL, source TEXT NOT NULL, ref TEXT)
        """,
        """
        CREATE TABLE landmark(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, x REAL NOT NULL,
          y REAL NOT NULL, street_id INTEGER, borough_id INTEGER, locality_id INTEGER,
          indicative INTEGER NOT NULL, source TEXT NOT NULL, ref TEXT)
        """,
        "CREATE TABLE landmark_name(name TEXT NOT NULL, landmark_id INTEGER NOT NULL, "
            + "PRIMARY KEY(name, landmark_id)) WITHOUT ROWID",
        // token → entity of a kind (EntityKind raw value); token_stat holds the document frequency.
        "CREATE TABLE token(token TEXT NOT NULL, kind INTEGER NOT NULL, entity_id INTEGER NOT NULL, "
            + "PRIMARY KEY(token, kind, entity_id)) WITHOUT ROWID",
        "CREATE TABLE token_stat(token TEXT NOT NULL, kind INTEGER NOT NULL, df INTEGER NOT NULL, "
            + "PRIMARY KEY(token, kind)) WITHOUT ROWID",
        // Deletion-neighbourhood keys (TypoKeys) of every indexed token.
        "CREATE TABLE typo_key(key TEXT NOT NULL, token TEXT NOT NULL, PRIMARY KEY(key, token)) WITHOUT ROWID",
        // Adjacent indexed words written as one (HIGH ROAD → HIGHROAD), so a joined query word finds them.
        "CREATE TABLE joined_token(joined TEXT NOT NULL, first TEXT NOT NULL, second TEXT NOT NULL, "
            + "PRIMARY KEY(joined, first, second)) WITHOUT ROWID",
        // The straight pieces of the street lines (line sources only), in line order; `line` numbers the source
        // line, `seq` the piece along it.
        """
        CREATE TABLE street_segment(id INTEGER PRIMARY KEY, street_id INTEGER NOT NULL, line INTEGER NOT NULL,
          seq INTEGER NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL,
          class TEXT NOT NULL, source TEXT NOT NULL)
        """,
        "CREATE VIRTUAL TABLE street_segment_rtree USING rtree(id, min_x, max_x, min_y, max_y)",
        // The streets near each postcode unit (nearest known point within `GazetteerBuilder.nearStreetRadius`).
        "CREATE TABLE postcode_street(postcode_id INTEGER NOT NULL, street_id INTEGER NOT NULL, "
            + "distance REAL NOT NULL, PRIMARY KEY(postcode_id, street_id)) WITHOUT ROWID",
    ] + mapPointTables

    static let indexes: [String] = [
        "CREATE INDEX postcode_sector_idx ON postcode(sector)",
        "CREATE INDEX postcode_district_idx ON postcode(district)",
        "CREATE INDEX street_name_idx ON street(name)",
        "CREATE INDEX street_point_idx ON street_point(street_id)",
        "CREATE INDEX junction_a_idx ON junction(street_a)",
        "CREATE INDEX junction_b_idx ON junction(street_b)",
        "CREATE INDEX address_street_idx ON address(street_id, number)",
        "CREATE INDEX address_postcode_idx ON address(postcode)",
        "CREATE INDEX landmark_street_idx ON landmark(street_id)",
        "CREATE INDEX locality_name_idx ON locality(canonical)",
        "CREATE INDEX street_area_street_idx ON street_area(street_id)",
        "CREATE INDEX street_segment_street_idx ON street_segment(street_id, line, seq)",
    ]

    /// The tables whose ordered contents make up the content digest (everything but `meta`).
    static let digestTables: [(table: String, order: String)] = [
        ("source", "name"), ("borough", "id"), ("ward", "id"), ("area_name", "name, kind, area_id"),
        ("lsoa", "code"), ("postcode", "id"), ("postcode_sector", "sector"), ("postcode_district", "district"),
        ("locality", "id"), ("street", "id"), ("street_area", "area, street_id"),
        ("street_point", "street_id, kind, ref_id, x, y"), ("junction", "id"), ("address", "id"),
        ("landmark", "id"), ("landmark_name", "name, landmark_id"), ("token", "token, kind, entity_id"),
        ("token_stat", "token, kind"), ("typo_key", "key, token"), ("joined_token", "joined, first, second"),
        ("postcode_street", "postcode_id, street_id"), ("street_segment", "id"), ("map_point", "id"),
        ("map_point_unit", "postcode_id"),
    ]
}

/// The kinds of named thing the token index points at.
public enum EntityKind: Int, Sendable, CaseIterable, Codable {
    case street = 1
    case landmark = 2
    case locality = 3
    case borough = 4
    case ward = 5
    /// Address points by building name.
    case address = 6
}

/// Whether a postcode unit is in use.
public enum PostcodeStatus: Int, Sendable, Codable {
    /// In Code-Point Open, or in ONSPD without a termination date while present in the May-2022 lookup.
    case live = 0
    /// Has a termination date.
    case terminated = 1
    /// Only in ONSPD, and absent from the lookup that carries termination dates.
    case unknown = 2
}

/// What a landmark is.
package enum LandmarkKind: String, Sendable, CaseIterable, Codable {
    case station
    case busStop = "bus_stop"
    /// A named business or building from the premises file.
    case premises
    /// A named place from Open Names or a points file (not a street, not a populated place).
    case place
}
