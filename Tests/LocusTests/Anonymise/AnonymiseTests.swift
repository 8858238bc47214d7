import Foundation
import GRDB
import Testing
@testable import Locus

/// The anonymiser on laid-out map points, and the London gazetteer's map points as a whole.
struct AnonymiseTests {
    /// A geocoder that answers every query with one fixed result.
    struct Fixed: Geocoding {
        let result: GeocodeResult
        func geocode(_ query: LocationQuery) -> GeocodeResult { result }
    }

    static let index = MapPointIndex(
        points: [
            MapPoint(id: 1, kind: "street", name: "High Street", boroughID: 1, x: 1000, y: 1000, units: 3,
                     addresses: 12, reach: 300),
            MapPoint(id: 2, kind: "place", name: "Grange Park", boroughID: 1, x: 1500, y: 1500, units: 0,
                     addresses: 0, reach: 0),
            MapPoint(id: 3, kind: "street", name: "Border Road", boroughID: 2, x: 1210, y: 1210, units: 4,
                     addresses: 16, reach: 200),
        ],
        threshold: 8, boroughIDs: ["Croydon": 1, "Sutton": 2])

    static func exact(_ x: Double, _ y: Double, borough: String?) -> GeocodeResult {
        GeocodeResult(easting: x, northing: y, level: .address, score: 95, precisionMeters: 10,
                      matched: "12 HIGH STREET, CROYDON", postcode: "CR0 1AB", borough: borough, ward: "Fairfield",
                      lsoa: "E01001000")
    }

    func anonymise(_ result: GeocodeResult) -> GeocodeResult {
        AnonymisingGeocoder(wrapping: Fixed(result: result), index: Self.index).geocode(LocationQuery(text: "x"))
    }

    @Test func thePointMovesToItsBoroughsNearestMapPoint() {
        // Nearer to Border Road (Sutton) than to High Street, but in Croydon: High Street.
        let out = anonymise(Self.exact(1200, 1200, borough: "Croydon"))
        #expect(out.easting == 1000 && out.northing == 1000)
        #expect(out.matched == "On or near High Street")
        #expect(out.precisionMeters == 310)
        #expect(out.level == .address && out.score == 95)
        #expect(out.ward == "Fairfield" && out.lsoa == "E01001000" && out.borough == "Croydon")
        #expect(out.postcode == "CR0 1")
        // The same point in Sutton goes to Sutton's map point.
        #expect(anonymise(Self.exact(1200, 1200, borough: "Sutton")).matched == "On or near Border Road")
    }

    @Test func aPointInAParkSnapsToThePark() {
        let out = anonymise(Self.exact(1480, 1490, borough: "Croydon"))
        #expect(out.matched == "On or near Grange Park" && out.easting == 1500 && out.northing == 1500)
    }

    @Test func sameInputSameMapPoint() {
        let a = anonymise(Self.exact(1250, 1250, borough: "Croydon"))
        let b = anonymise(Self.exact(1250, 1250, borough: "Croydon"))
        #expect(a == b)
    }

    @Test func noMapPointWithin20kmOrNoBoroughDropsTheCoordinates() {
        for result in [Self.exact(1000 + 25_000, 1000, borough: "Croydon"), Self.exact(1000, 1000, borough: nil)] {
            let out = anonymise(result)
            #expect(out.easting == nil && out.northing == nil && out.matched.isEmpty && out.precisionMeters == nil)
            #expect(out.faults.map(\.code) == [AnonymisingGeocoder.noMapPoint])
        }
    }

    /// The London gazetteer: every catchment meets the threshold or holds no units; every unit's map point is
    /// of its borough and the nearest of that borough; a snapped unit lands on its own catchment's map point.
    @Test func londonCatchmentsMeetTheThreshold() throws {
        let path = try TestGazetteer.london()
        let index = try MapPointIndex.load(path)
        #expect(index.threshold == MapPointRules.defaultThreshold)
        #expect(index.points.count > 10_000)
        #expect(index.points.allSatisfy { $0.units == 0 || $0.addresses >= index.threshold })
        #expect(index.points.contains { $0.kind == "station" })
        let summary = try #require(try GazetteerInfo.read(path).mapPoints)
        #expect(summary.meeting == summary.count - summary.empty)
        let queue = try GazetteerStore.openReadOnly(path)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.x, p.y, p.borough_id, u.map_point_id, m.borough_id FROM map_point_unit u
                JOIN postcode p ON p.id = u.postcode_id JOIN map_point m ON m.id = u.map_point_id
                """)
        }
        #expect(rows.count > 150_000)
        // No street's map point sits on an address point.
        let onAddresses = try queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM map_point m JOIN address a ON a.x = m.x AND a.y = m.y WHERE m.kind = 'street'
                """)
        }
        #expect(onAddresses == 0)
        var checked = 0
        for (i, row) in rows.enumerated() {
            let unitBorough: Int64 = row[2], pointBorough: Int64 = row[4]
            #expect(unitBorough == pointBorough)
            guard i % 97 == 0 else { continue }
            let snapped = try #require(index.nearest(x: row[0], y: row[1], boroughID: unitBorough))
            #expect(snapped.point.id == row[3] as Int64)
            checked += 1
        }
        #expect(checked > 1_000)
    }
}
