import GRDB

/// A London borough (or the City) as the gazetteer holds it.
package struct GazetteerBorough: Sendable, Equatable, FetchableRecord {
    /// Row id in the `borough` table.
    package var id: Int64
    /// GSS code (`E09000008`).
    package var code: String
    /// Official name (`Croydon London Boro`).
    package var name: String
    /// ONS short name (`Croydon`).
    var shortName: String
    /// Centroid easting, BNG metres (nil when the sources gave none).
    package var x: Double?
    /// Centroid northing, BNG metres.
    package var y: Double?

    /// Reads a row of the `borough` table.
    package init(row: Row) {
        id = row["id"]; code = row["code"]; name = row["name"]; shortName = row["short_name"]
        x = row["x"]; y = row["y"]
    }
}

/// A ward with its centroid.
package struct GazetteerWard: Sendable, Equatable, FetchableRecord {
    /// Row id in the `ward` table.
    package var id: Int64
    /// GSS code (`E05011462`).
    package var code: String
    /// The ward's name.
    package var name: String
    /// The borough it lies in.
    package var boroughID: Int64?
    /// Centroid easting, BNG metres.
    package var x: Double?
    /// Centroid northing, BNG metres.
    package var y: Double?

    /// Reads a row of the `ward` table.
    package init(row: Row) {
        id = row["id"]; code = row["code"]; name = row["name"]; boroughID = row["borough_id"]
        x = row["x"]; y = row["y"]
    }
}

/// A postcode unit.
public struct PostcodeUnit: Sendable, Equatable, FetchableRecord {
    /// Row id in the `postcode` table.
    public var id: Int64
    /// Canonical spaced form, `SW1A 1AA`.
    public var postcode: String
    /// The sector (`SW1A 1`).
    public var sector: String
    /// The district (`SW1A`).
    public var district: String
    /// Easting, BNG metres.
    public var x: Double
    /// Northing, BNG metres.
    public var y: Double
    /// OS positional quality indicator (10 best; nil for ONSPD-only units).
    var pqi: Int?
    /// Live or terminated (unknown when no source said).
    public var status: PostcodeStatus
    /// `YYYYMM` when terminated.
    public var terminated: String?
    /// The borough it lies in.
    public var boroughID: Int64?
    var wardID: Int64?
    /// Its LSOA code (`E01001234`), when known.
    public var lsoa: String?
    var msoa: String?

    /// Reads a row of the `postcode` table.
    public init(row: Row) {
        id = row["id"]; postcode = row["postcode"]; sector = row["sector"]; district = row["district"]
        x = row["x"]; y = row["y"]; pqi = row["pqi"]
        status = PostcodeStatus(rawValue: row["status"]) ?? .unknown
        terminated = row["terminated"]; boroughID = row["borough_id"]; wardID = row["ward_id"]
        lsoa = row["lsoa"]; msoa = row["msoa"]
    }

    /// The columns `init(columns:)` reads, in order.
    static let columns = "id, postcode, sector, district, x, y, pqi, status, terminated, borough_id, ward_id, lsoa, msoa"

    /// From a row of `columns`, by position (faster than by name, for the matcher's hot lookups).
    init(columns row: Row) {
        id = row[0]; postcode = row[1]; sector = row[2]; district = row[3]; x = row[4]; y = row[5]; pqi = row[6]
        status = PostcodeStatus(rawValue: row[7]) ?? .unknown
        terminated = row[8]; boroughID = row[9]; wardID = row[10]; lsoa = row[11]; msoa = row[12]
    }
}

/// A postcode sector (`SW1A 1`) or district (`SW1A`): centroid, extent and unit counts.
struct PostcodeArea: Sendable, Equatable {
    var code: String
    var x: Double, y: Double
    var minX: Double, minY: Double, maxX: Double, maxY: Double
    var units: Int
    var liveUnits: Int
    var boroughID: Int64?
    /// The codes the area is made of: itself, or for a district written without its letter, its lettered
    /// sub-districts too (`PostcodeDistricts`).
    var parts: [String]

    init(row: Row, key: String) {
        code = row[key]; x = row["x"]; y = row["y"]
        minX = row["min_x"]; minY = row["min_y"]; maxX = row["max_x"]; maxY = row["max_y"]
        units = row["units"]; liveUnits = row["live_units"]; boroughID = row["borough_id"]
        parts = [code]
    }
}

/// One street: a canonical name in one place (two HIGH STREETs far apart are two streets).
package struct GazetteerStreet: Sendable, Equatable, FetchableRecord {
    /// Row id in the `street` table.
    package var id: Int64
    /// Canonical name (`HIGH STREET`).
    package var name: String
    /// The borough it lies in.
    package var boroughID: Int64?
    var localityID: Int64?
    /// Centroid of its known points, BNG metres.
    package var x: Double, y: Double
    var minX: Double, minY: Double, maxX: Double, maxY: Double
    /// Known points on it.
    package var points: Int

    /// Reads a row of the `street` table.
    package init(row: Row) {
        id = row["id"]; name = row["name"]; boroughID = row["borough_id"]; localityID = row["locality_id"]
        x = row["x"]; y = row["y"]; minX = row["min_x"]; minY = row["min_y"]; maxX = row["max_x"]; maxY = row["max_y"]
        points = row["points"]
    }

    /// The columns `init(columns:)` reads, in order.
    static let columns = "id, name, borough_id, locality_id, x, y, min_x, min_y, max_x, max_y, points"

    /// From a row of `columns`, by position (reading by name costs more than the rest of a memory-index read).
    init(columns row: Row) {
        id = row[0]; name = row[1]; boroughID = row[2]; localityID = row[3]; x = row[4]; y = row[5]
        minX = row[6]; minY = row[7]; maxX = row[8]; maxY = row[9]; points = row[10]
    }
}

/// An address point from the premises file.
package struct AddressPoint: Sendable, Equatable, FetchableRecord {
    /// Row id in the `address` table.
    package var id: Int64
    /// The house number (`12` of `12A`).
    package var number: Int?
    /// The letter after the number (`A` of `12A`).
    package var suffix: String?
    /// The end of a range (`152-154`).
    var numberEnd: Int?
    var subUnit: String?
    /// The building name, when the source gives one.
    package var building: String?
    /// The premises (business) name, when the source gives one.
    package var premises: String?
    /// The street it is on.
    package var streetID: Int64?
    var localityID: Int64?
    /// Its postcode, canonical spaced form.
    package var postcode: String?
    /// The borough it lies in.
    package var boroughID: Int64?
    /// The point, BNG metres.
    package var x: Double, y: Double
    /// The point is shared with other records (often a postcode-level geocode).
    var sharedPoint: Bool

    /// Reads a row of the `address` table.
    package init(row: Row) {
        id = row["id"]; number = row["number"]; suffix = row["suffix"]; numberEnd = row["number_end"]
        subUnit = row["sub_unit"]; building = row["building"]; premises = row["premises"]
        streetID = row["street_id"]; localityID = row["locality_id"]; postcode = row["postcode"]
        boroughID = row["borough_id"]; x = row["x"]; y = row["y"]; sharedPoint = row["shared_point"]
    }

    /// The columns `init(columns:)` reads, in order.
    static let columns = """
        id, number, suffix, number_end, sub_unit, building, premises, street_id, locality_id, postcode, borough_id, \
        x, y, shared_point
        """

    /// From a row of `columns`, by position.
    init(columns row: Row) {
        id = row[0]; number = row[1]; suffix = row[2]; numberEnd = row[3]; subUnit = row[4]; building = row[5]
        premises = row[6]; streetID = row[7]; localityID = row[8]; postcode = row[9]; boroughID = row[10]
        x = row[11]; y = row[12]; sharedPoint = row[13]
    }
}

/// A station, bus stop, named premises or place.
package struct GazetteerLandmark: Sendable, Equatable, FetchableRecord {
    /// Row id in the `landmark` table.
    package var id: Int64
    /// Station, bus stop, premises or place.
    package var kind: LandmarkKind
    /// The name as the source wrote it (TfL suffixes cleaned).
    package var name: String
    /// The point, BNG metres.
    package var x: Double, y: Double
    /// The street it stands on, when known.
    package var streetID: Int64?
    /// The borough it lies in.
    package var boroughID: Int64?
    var localityID: Int64?
    /// The point only indicates a stretch (TfL hail-and-ride).
    var indicative: Bool

    /// Reads a row of the `landmark` table.
    package init(row: Row) {
        id = row["id"]; kind = LandmarkKind(rawValue: row["kind"]) ?? .place; name = row["name"]
        x = row["x"]; y = row["y"]; streetID = row["street_id"]; boroughID = row["borough_id"]
        localityID = row["locality_id"]; indicative = row["indicative"]
    }
}

/// A town, district or neighbourhood with its centroid.
package struct GazetteerLocality: Sendable, Equatable, FetchableRecord {
    /// Row id in the `locality` table.
    package var id: Int64
    /// The name (`NORBURY`).
    package var name: String
    /// Centroid, BNG metres.
    package var x: Double, y: Double
    /// The borough it is in.
    package var boroughID: Int64?

    /// Reads a row of the `locality` table.
    package init(row: Row) {
        id = row["id"]; name = row["name"]; x = row["x"]; y = row["y"]; boroughID = row["borough_id"]
    }
}

/// Two streets meeting at a point.
package struct GazetteerJunction: Sendable, Equatable, FetchableRecord {
    /// Row id in the `junction` table.
    package var id: Int64
    var streetA: Int64
    var streetB: Int64
    /// Where the two streets meet, BNG metres.
    package var x: Double, y: Double

    /// Reads a row of the `junction` table.
    package init(row: Row) {
        id = row["id"]; streetA = row["street_a"]; streetB = row["street_b"]; x = row["x"]; y = row["y"]
    }
}

/// A known point on a street (`kind`: address, bus_stop, station, open_names, points).
package struct StreetPoint: Sendable, Equatable, FetchableRecord {
    /// What the point comes from (`address`, `bus_stop`, `station`, `open_names`, `points`).
    package var kind: String
    /// The row it comes from in its own table, when it has one.
    package var refID: Int64?
    /// The point, BNG metres.
    package var x: Double, y: Double

    /// Reads a row of the `street_point` table.
    package init(row: Row) { kind = row["kind"]; refID = row["ref_id"]; x = row["x"]; y = row["y"] }

    /// A point from its parts.
    package init(kind: String, refID: Int64?, x: Double, y: Double) {
        self.kind = kind; self.refID = refID; self.x = x; self.y = y
    }
}
