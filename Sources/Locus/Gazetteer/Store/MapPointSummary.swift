import GRDB

/// What `locus gazetteer info` says about the map points: how many, the threshold, the smallest catchment.
struct MapPointSummary: Sendable, Equatable {
    var count: Int
    var threshold: Int
    /// Map points whose catchment holds no live postcode unit (parks, stations away from homes).
    var empty: Int
    /// Map points whose catchment holds units and meets the threshold.
    var meeting: Int
    /// The smallest catchment that holds any units: estimated addresses, units, label.
    var smallest: (addresses: Int, units: Int, name: String)?
    /// The median and largest reach, metres.
    var medianReach: Double
    var maximumReach: Double

    static func == (a: MapPointSummary, b: MapPointSummary) -> Bool {
        a.count == b.count && a.threshold == b.threshold && a.empty == b.empty && a.meeting == b.meeting
            && a.smallest?.addresses == b.smallest?.addresses && a.smallest?.name == b.smallest?.name
    }

    /// Reads the summary from an open gazetteer; nil when it has no map points table.
    static func read(_ db: Database) throws -> MapPointSummary? {
        guard try db.tableExists("map_point") else { return nil }
        let threshold = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'map_point_threshold'")
            .flatMap { Int($0) } ?? 0
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM map_point") ?? 0
        let empty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM map_point WHERE units = 0") ?? 0
        let meeting = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM map_point WHERE units > 0 AND addresses >= ?", arguments: [threshold]) ?? 0
        let smallest = try Row.fetchOne(
            db, sql: "SELECT addresses, units, name FROM map_point WHERE units > 0 ORDER BY addresses, id LIMIT 1")
            .map { (addresses: $0[0] as Int, units: $0[1] as Int, name: $0[2] as String) }
        let reaches = try Double.fetchAll(db, sql: "SELECT reach FROM map_point ORDER BY reach")
        return MapPointSummary(
            count: count, threshold: threshold, empty: empty, meeting: meeting, smallest: smallest,
            medianReach: reaches.isEmpty ? 0 : reaches[reaches.count / 2], maximumReach: reaches.last ?? 0)
    }

    /// The lines `locus gazetteer info` prints.
    var text: String {
        var out = "map points: \(count) (threshold \(threshold) estimated addresses = live postcode units × "
            + "\(MapPointRules.addressesPerUnit))\n"
        out += "  catchments meeting the threshold: \(meeting) of \(count - empty) holding units; \(empty) hold no units\n"
        if let smallest {
            out += "  smallest catchment: \(smallest.addresses) addresses (\(smallest.units) units), On or near \(smallest.name)\n"
        }
        out += "  reach (farthest unit of a catchment): median \(Int(medianReach)) m, largest \(Int(maximumReach)) m\n"
        return out
    }
}
