import Foundation
import GRDB

/// The OS Open Roads importer (`--open-roads FILE.gpkg`): the GeoPackage read directly with SQLite, no GDAL.
extension GazetteerDraft {
    /// Greater London's bounding box in BNG metres with a margin; links outside it are never read.
    static let londonBox = (minX: 498_000.0, minY: 153_000.0, maxX: 565_000.0, maxY: 204_000.0)

    /// Reads layer `road_link` of an OS Open Roads GeoPackage: `name_1` (and `name_2`) as the street name,
    /// `road_classification_number` (A3, B217) as an alias naming the same line, `road_classification` as
    /// its class, and the `geometry` (GeoPackage binary header, then a WKB LineString in EPSG:27700). Only
    /// links in or touching London are kept (through the GeoPackage's R-tree when it has one). Open Roads
    /// links meet only at their shared nodes: a crossing without one is a bridge or tunnel.
    func importOpenRoads(_ url: URL) throws(GazetteerBuildError) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .missingSource(what: "OS Open Roads", path: url.path)
        }
        // The GB file is gigabytes: hashed in chunks and read row by row, never held in memory whole.
        let digest: String
        do { digest = try SHA256Hasher.hex(file: url) } catch {
            throw .unreadableSource(path: url.path, reason: error.localizedDescription)
        }
        var report = SourceReport(name: url.lastPathComponent, format: "os-open-roads", sha256: digest,
                                  licence: SourceLicences.openRoads)
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try queue.read { db in
                let table = "road_link"
                guard try db.tableExists(table) else {
                    throw GazetteerBuildError.unreadableSource(
                        path: url.path, reason: "no layer road_link: is this the OS Open Roads GeoPackage?")
                }
                let columns = Set(try db.columns(in: table).map { $0.name.lowercased() })
                let missing = ["name_1", "geometry"].filter { !columns.contains($0) }
                if !missing.isEmpty { throw GazetteerBuildError.unexpectedHeader(path: url.path, missing: missing) }
                func column(_ name: String) -> String { columns.contains(name) ? name : "NULL" }
                let box = Self.londonBox
                let rtree = "rtree_\(table)_geometry"
                let filter = try db.tableExists(rtree)
                    ? "WHERE rowid IN (SELECT id FROM \(rtree) WHERE maxx >= \(box.minX) AND minx <= \(box.maxX) "
                        + "AND maxy >= \(box.minY) AND miny <= \(box.maxY))"
                    : ""
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT name_1, \(column("name_2")), \(column("road_classification_number")),
                      \(column("road_classification")), geometry FROM \(table) \(filter) ORDER BY rowid
                    """)
                var number = 0
                var names: [String: String] = [:]
                func canonical(_ display: String) -> String {
                    if let known = names[display] { return known }
                    let name = StreetNaming.canonical(display)
                    names[display] = name
                    return name
                }
                while let row = try rows.next() {
                    number += 1
                    report.rows += 1
                    let blob: Data? = row[4]
                    guard let blob, let points = GeoPackageGeometry.lineString([UInt8](blob)) else {
                        report.malformed += 1
                        if report.faults.count < SourceReport.faultsKept {
                            report.faults.append("\(url.lastPathComponent): road_link row \(number): "
                                                 + "geometry is not a GeoPackage LineString")
                        }
                        continue
                    }
                    let forms = [row[0], row[1], row[2]].compactMap { ($0 as String?)?
                        .trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    guard !forms.isEmpty, points.contains(where: {
                        $0.x >= box.minX && $0.x <= box.maxX && $0.y >= box.minY && $0.y <= box.maxY
                    }), touchesLondon(points) else {
                        report.skipped += 1
                        continue
                    }
                    let roadClass: String = row[3] ?? ""
                    var seen: Set<String> = []
                    for form in forms {
                        let name = canonical(form)
                        guard seen.insert(name).inserted else { continue }
                        addStreetLine(name: name, roadClass: roadClass, points: points, crossingsMeet: false,
                                      source: "os-open-roads", feature: -number)
                    }
                }
            }
        } catch let error as GazetteerBuildError {
            throw error
        } catch {
            throw .unreadableSource(path: url.path, reason: "not a readable GeoPackage: \(error)")
        }
        reports.append(report)
    }
}

/// GeoPackage binary geometry (OGC 12-128r18 §2.1.3): `GP`, version, flags (byte order, envelope kind,
/// empty), SRS id, the envelope, then standard WKB.
enum GeoPackageGeometry {
    /// The points of a LineString (2D, Z, M or ZM, ISO or EWKB type codes); nil for anything else.
    static func lineString(_ bytes: [UInt8]) -> [StreetGeometry.Point]? {
        guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else { return nil }
        let flags = bytes[3]
        guard flags & 0x10 == 0 else { return nil }  // empty geometry
        let envelope = [0, 32, 48, 48, 64]
        let kind = Int((flags >> 1) & 0x07)
        guard kind < envelope.count else { return nil }
        return wkbLineString(bytes, at: 8 + envelope[kind])
    }

    /// A WKB LineString starting at `offset`.
    static func wkbLineString(_ bytes: [UInt8], at offset: Int) -> [StreetGeometry.Point]? {
        var at = offset
        guard at + 9 <= bytes.count else { return nil }
        let little = bytes[at] == 1
        at += 1
        func uint32() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[at + k]) << (little ? 8 * k : 8 * (3 - k)) }
            at += 4
            return v
        }
        func double() -> Double? {
            guard at + 8 <= bytes.count else { return nil }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[at + k]) << (little ? 8 * k : 8 * (7 - k)) }
            at += 8
            return Double(bitPattern: v)
        }
        guard let rawType = uint32() else { return nil }
        // EWKB flags in the high bits; ISO codes 1002 (Z), 2002 (M), 3002 (ZM).
        let ewkbZ = rawType & 0x8000_0000 != 0, ewkbM = rawType & 0x4000_0000 != 0
        if rawType & 0x2000_0000 != 0 { guard uint32() != nil else { return nil } }  // EWKB SRID
        let type = rawType & 0x0FFF_FFFF
        guard type % 1000 == 2 else { return nil }
        let dimensions = 2 + (ewkbZ || type / 1000 == 1 || type / 1000 == 3 ? 1 : 0)
            + (ewkbM || type / 1000 == 2 || type / 1000 == 3 ? 1 : 0)
        guard let count = uint32(), count >= 2, at + Int(count) * dimensions * 8 <= bytes.count else { return nil }
        var points: [StreetGeometry.Point] = []
        points.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let x = double(), let y = double(), x.isFinite, y.isFinite else { return nil }
            for _ in 2..<dimensions { _ = double() }
            points.append(.init(x: x, y: y))
        }
        return points
    }
}
