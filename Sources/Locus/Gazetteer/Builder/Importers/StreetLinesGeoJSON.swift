import Foundation

/// The GeoJSON street-lines importer (`--streets-geojson`): what `osmium export` or `ogr2ogr -f GeoJSON` writes
/// from an OpenStreetMap extract.
extension GazetteerDraft {
    /// Reads a GeoJSON FeatureCollection of `LineString`/`MultiLineString` features with a `name` property
    /// (`highway` kept as the street's class; `bridge`, `tunnel` or a non-zero `layer` mean its crossings
    /// with other lines are no junctions). Coordinates are RFC 7946 WGS84 longitude/latitude, projected with
    /// `projection`, or EPSG:27700 metres when the file's `crs` member names it (as `ogr2ogr` writes). Only
    /// lines in or touching London are kept. A feature without a name or with another geometry is skipped;
    /// one with unusable coordinates is counted malformed, by its number in the file.
    func importStreetLinesGeoJSON(_ url: URL, projection: () throws(GazetteerBuildError) -> Projector)
        throws(GazetteerBuildError) {
        let bytes = try Self.sourceBytes(url, pack: pack, what: "street lines (GeoJSON)")
        var report = SourceReport(name: url.lastPathComponent, format: "streets-geojson",
                                  sha256: SHA256Hasher.hex(bytes), licence: SourceLicences.streetLines)
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw GazetteerBuildError.unreadableSource(path: url.path, reason: "not a GeoJSON object")
            }
            root = object
        } catch let error as GazetteerBuildError {
            throw error
        } catch {
            throw .unreadableSource(path: url.path, reason: "not valid JSON: \(error.localizedDescription)")
        }
        guard root["type"] as? String == "FeatureCollection", let features = root["features"] as? [Any] else {
            throw .unreadableSource(path: url.path, reason: "not a GeoJSON FeatureCollection (no `features` list)")
        }
        let grid = try Self.isBritishNationalGrid(root["crs"], path: url.path)
        let attribution = (root["attribution"] as? String) ?? ""
        let projector = grid ? nil : try projection()
        var openStreetMap = attribution.contains("OpenStreetMap")
        var names: [String: String] = [:]
        for (number, item) in features.enumerated() {
            report.rows += 1
            func malformed(_ reason: String) {
                report.malformed += 1
                if report.faults.count < SourceReport.faultsKept {
                    report.faults.append("\(url.lastPathComponent): feature \(number + 1): \(reason)")
                }
            }
            guard let feature = item as? [String: Any], let geometry = feature["geometry"] as? [String: Any],
                  let type = geometry["type"] as? String else {
                malformed("no geometry")
                continue
            }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            if properties["osm_id"] != nil || properties["highway"] != nil { openStreetMap = true }
            let display = (properties["name"] as? String)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !display.isEmpty, type == "LineString" || type == "MultiLineString" else {
                report.skipped += 1
                continue
            }
            let raw = type == "LineString" ? [geometry["coordinates"] as Any]
                : (geometry["coordinates"] as? [Any]) ?? []
            var parts: [[StreetGeometry.Point]] = []
            var fault: String?
            for part in raw {
                guard let positions = part as? [Any], positions.count >= 2 else {
                    fault = "a line needs at least two positions"
                    break
                }
                var points: [StreetGeometry.Point] = []
                for position in positions {
                    guard let pair = position as? [Any], pair.count >= 2,
                          let first = (pair[0] as? NSNumber)?.doubleValue,
                          let second = (pair[1] as? NSNumber)?.doubleValue else {
                        fault = "a position is not [x, y] numbers"
                        break
                    }
                    if let projector {
                        guard (-180...180).contains(first), (-90...90).contains(second),
                              let p = projector.gridPoint(longitude: first, latitude: second) else {
                            fault = "position [\(first), \(second)] is not a WGS84 longitude/latitude"
                            break
                        }
                        points.append(.init(x: p.x, y: p.y))
                    } else {
                        guard (0...700_000).contains(first), (0...1_300_000).contains(second) else {
                            fault = "position [\(first), \(second)] is not a British National Grid point"
                            break
                        }
                        points.append(.init(x: first, y: second))
                    }
                }
                if fault != nil { break }
                parts.append(points)
            }
            if let fault {
                malformed(fault)
                continue
            }
            guard parts.contains(where: touchesLondon) else {
                report.skipped += 1
                continue
            }
            let name: String
            if let known = names[display] { name = known } else {
                name = StreetNaming.canonical(display)
                names[display] = name
            }
            let layered = Self.flag(properties["bridge"]) || Self.flag(properties["tunnel"])
                || ((properties["layer"]).flatMap { Int("\($0)") } ?? 0) != 0
            for points in parts {
                addStreetLine(name: name, roadClass: "\(properties["highway"] ?? "")", points: points,
                              crossingsMeet: !layered, source: "streets-geojson", feature: number + 1)
            }
        }
        if !openStreetMap { report.licence = SourceLicences.streetLinesOther }
        reports.append(report)
    }

    /// A yes-like OSM tag value (`yes`, `viaduct`, `building_passage`…): anything but absent, `no` or `0`.
    private static func flag(_ value: Any?) -> Bool {
        guard let value else { return false }
        let text = "\(value)".lowercased()
        return !(text.isEmpty || text == "no" || text == "0" || text == "false")
    }

    /// True when a GeoJSON `crs` member names EPSG:27700; false when absent or WGS84 (CRS84, EPSG:4326).
    static func isBritishNationalGrid(_ crs: Any?, path: String) throws(GazetteerBuildError) -> Bool {
        guard let crs = crs as? [String: Any] else { return false }
        let name = ((crs["properties"] as? [String: Any])?["name"] as? String) ?? ""
        if name.hasSuffix("27700") { return true }
        if name.hasSuffix("CRS84") || name.hasSuffix("4326") || name.isEmpty { return false }
        throw .unreadableSource(path: path, reason: "the crs \(name) is neither WGS84 nor EPSG:27700; "
                                + "reproject it (ogr2ogr -t_srs EPSG:4326)")
    }

    /// The bytes of a whole source file, from the pack or the disk.
    static func sourceBytes(_ url: URL, pack: SourcePack?, what: String) throws(GazetteerBuildError) -> [UInt8] {
        if let bytes = pack?.contents(of: url) { return bytes }
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missingSource(what: what, path: url.path) }
        do { return [UInt8](try Data(contentsOf: url, options: .mappedIfSafe)) } catch {
            throw .unreadableSource(path: url.path, reason: error.localizedDescription)
        }
    }
}
