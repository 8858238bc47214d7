import Foundation

/// Named-place importers: OS Open Names (the official headerless CSV tiles) and a plain points CSV.
extension GazetteerDraft {
    /// One OS Open Names CSV tile (headerless, 34 columns: ID, NAMES_URI, NAME1, NAME1_LANG, NAME2,
    /// NAME2_LANG, TYPE, LOCAL_TYPE, GEOMETRY_X, GEOMETRY_Y, …, POSTCODE_DISTRICT, …, POPULATED_PLACE, …).
    /// Named roads become streets, populated places localities, railway stations stations, other named
    /// features places; postcodes and numbered roads are left to Code-Point (counted as skipped).
    func importOpenNames(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(url: url, pack: pack, format: "os-open-names", licence: SourceLicences.os, hasHeader: false)
        let id = 0, name1 = 2, name2 = 4, type = 6, localType = 7, gx = 8, gy = 9, place = 18
        while let row = try source.next() {
            if row.fields.count < 34 {
                source.malformed(row, "expected 34 columns, found \(row.fields.count)")
                continue
            }
            let name = row.field(name1)
            guard !name.isEmpty, let x = row.number(gx), let y = row.number(gy) else {
                source.malformed(row, "no NAME1 or no GEOMETRY_X/GEOMETRY_Y")
                continue
            }
            let kind = row.field(type), local = row.field(localType)
            guard isNearLondonPostcode(x: x, y: y), local != "Postcode", !local.hasPrefix("Numbered Road"),
                  !local.hasPrefix("Section Of Numbered Road") else {
                source.skip()
                continue
            }
            let names = [name, row.field(name2)].filter { !$0.isEmpty }
            switch (kind, local) {
            case ("transportNetwork", "Named Road"), ("transportNetwork", "Section Of Named Road"):
                for form in names {
                    mentionStreet(StreetMention(name: StreetNaming.canonical(form), x: x, y: y, kind: "open_names"))
                }
            case ("populatedPlace", _):
                for form in names {
                    localityMentions.append(LocalityMention(
                        name: CanonicalText.string(form), display: form, x: x, y: y, source: "os-open-names"))
                }
            default:
                let placeName = row.field(place)
                landmarks.append(Landmark(
                    kind: local == "Railway Station" ? .station : .place, name: name,
                    names: local == "Railway Station" ? StationNames.forms(name) : names.map(CanonicalText.string),
                    x: x, y: y, street: nil, borough: nil, locality: placeName.isEmpty ? nil : placeName,
                    indicative: false, source: "os-open-names", ref: row.field(id)))
            }
        }
        reports.append(source.report)
    }

    /// A plain points CSV for a force's own extract: `name,kind,x,y,crs` and optional `street,locality,
    /// postcode`. `kind` is `street`, `locality`, or a landmark kind (`station`, `bus_stop`, `premises`,
    /// `place`); `crs` is `EPSG:27700` (BNG metres) or `EPSG:4326` (x = longitude, y = latitude).
    func importPoints(_ url: URL, projection: Projector) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "points", licence: SourceLicences.points, hasHeader: true,
            required: ["name", "kind", "x", "y", "crs"])
        let c = (name: source.column("name"), kind: source.column("kind"), x: source.column("x"),
                 y: source.column("y"), crs: source.column("crs"), street: source.column("street"),
                 locality: source.column("locality"), postcode: source.column("postcode"))
        while let row = try source.next() {
            let name = row.field(c.name), kind = row.field(c.kind).lowercased()
            guard !name.isEmpty, let rawX = row.number(c.x), let rawY = row.number(c.y) else {
                source.malformed(row, "no name, x or y")
                continue
            }
            var point: (x: Double, y: Double)?
            switch row.field(c.crs).uppercased() {
            case "EPSG:27700", "27700", "BNG", "OSGB36": point = (rawX, rawY)
            case "EPSG:4326", "4326", "WGS84": point = projection.gridPoint(longitude: rawX, latitude: rawY)
            default:
                source.malformed(row, "unknown crs (use EPSG:27700 or EPSG:4326)")
                continue
            }
            guard let point else {
                source.malformed(row, "the point cannot be projected")
                continue
            }
            let street = row.field(c.street), locality = row.field(c.locality)
            let postcode = SourcePostcode.canonical(row.field(c.postcode))
            if kind == "street" {
                mentionStreet(StreetMention(name: StreetNaming.canonical(name), x: point.x, y: point.y, kind: "points",
                                            postcode: postcode))
                continue
            }
            if kind == "locality" {
                localityMentions.append(LocalityMention(
                    name: CanonicalText.string(name), display: name, x: point.x, y: point.y, source: "points"))
                continue
            }
            guard let landmarkKind = LandmarkKind(rawValue: kind) else {
                source.malformed(row, "unknown kind (use street, locality, station, bus_stop, premises or place)")
                continue
            }
            var mention: Int?
            if !street.isEmpty {
                mention = mentionStreet(StreetMention(
                    name: StreetNaming.canonical(street), x: point.x, y: point.y, kind: "points",
                    ref: landmarks.count, postcode: postcode))
            }
            let names = landmarkKind == .station ? StationNames.forms(name) : [CanonicalText.string(name)]
            landmarks.append(Landmark(
                kind: landmarkKind, name: name, names: names, x: point.x, y: point.y, street: mention, borough: nil,
                locality: locality.isEmpty ? nil : locality, indicative: false, source: "points",
                ref: "\(source.report.name):\(row.line)"))
        }
        reports.append(source.report)
    }
}
