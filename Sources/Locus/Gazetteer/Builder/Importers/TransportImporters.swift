import Foundation

/// Transport importers: NaPTAN stations and piers, and the TfL bus-stop list.
extension GazetteerDraft {
    /// NaPTAN stops (`ATCOCode,CommonName,Indicator,Street,LocalityName,ParentLocalityName,Easting,Northing,
    /// StopType,Status`). The entrances, platforms and metro entries of one station (same name, within
    /// 500 m) become one station landmark with every name form; `Street` (unless `-`) names a street there.
    func importNaPTAN(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "naptan", licence: SourceLicences.naptan, hasHeader: true,
            required: ["ATCOCode", "CommonName", "Street", "LocalityName", "Easting", "Northing", "StopType"])
        let c = (atco: source.column("ATCOCode"), name: source.column("CommonName"), street: source.column("Street"),
                 locality: source.column("LocalityName"), parent: source.column("ParentLocalityName"),
                 x: source.column("Easting"), y: source.column("Northing"), type: source.column("StopType"))
        struct Stop { var atco, name, street, locality, type: String; var x, y: Double }
        var stops: [Stop] = []
        while let row = try source.next() {
            let name = row.field(c.name)
            guard !name.isEmpty, let x = row.number(c.x), let y = row.number(c.y), x > 0, y > 0 else {
                source.malformed(row, "no name or no grid reference")
                continue
            }
            guard isNearLondonPostcode(x: x, y: y) else {
                source.skip()
                continue
            }
            let street = row.field(c.street)
            stops.append(Stop(atco: row.field(c.atco), name: name, street: street == "-" ? "" : street,
                              locality: row.field(c.locality), type: row.field(c.type), x: x, y: y))
            for column in [c.locality, c.parent] {
                let place = row.field(column)
                if !place.isEmpty && place != "London" {
                    localityMentions.append(LocalityMention(
                        name: CanonicalText.string(place), display: place, x: x, y: y, source: "naptan"))
                }
            }
        }
        // Group one station's entries: same canonical name, single-linkage within 500 m.
        stops.sort { ($0.name, $0.atco) < ($1.name, $1.atco) }
        let groups = Dictionary(grouping: stops.indices) { CanonicalText.string(stops[$0].name) }
        for key in groups.keys.sorted() {
            let members = groups[key]!
            for cluster in SingleLinkage.clusters(members.map { (stops[$0].x, stops[$0].y) }, within: 500) {
                let group = cluster.map { stops[members[$0]] }
                let main = group.filter { $0.type != "PLT" }
                let placed = main.isEmpty ? group : main
                let x = placed.map(\.x).reduce(0, +) / Double(placed.count)
                let y = placed.map(\.y).reduce(0, +) / Double(placed.count)
                let first = placed[0]
                landmarks.append(Landmark(
                    kind: .station, name: first.name, names: StationNames.forms(first.name), x: x, y: y,
                    street: nil, borough: nil, locality: first.locality.isEmpty ? nil : first.locality,
                    indicative: false, source: "naptan", ref: first.atco))
                if let street = group.first(where: { !$0.street.isEmpty })?.street {
                    let mention = mentionStreet(StreetMention(
                        name: StreetNaming.canonical(street), x: x, y: y, kind: "station",
                        ref: landmarks.count - 1))
                    landmarks[landmarks.count - 1].street = mention
                }
            }
        }
        reports.append(source.report)
    }

    /// TfL bus stops (`Stop_Code_LBSL,Bus_Stop_Code,Naptan_Atco,Stop_Name,Location_Easting,Location_Northing,
    /// Heading,Stop_Area,Virtual_Bus_Stop`). Suffixes `<>`, `#`, `>r<` are cleaned, `Hail & Ride` stops are
    /// flagged indicative; each part of `X / Y` that is a street names a street at the stop, and two such
    /// parts make a junction.
    func importBusStops(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "tfl-bus-stops", licence: SourceLicences.tfl, hasHeader: true,
            required: ["Stop_Code_LBSL", "Stop_Name", "Location_Easting", "Location_Northing"])
        let c = (code: source.column("Stop_Code_LBSL"), name: source.column("Stop_Name"),
                 x: source.column("Location_Easting"), y: source.column("Location_Northing"))
        while let row = try source.next() {
            let cleaned = BusStopName(row.field(c.name))
            guard !cleaned.parts.isEmpty, let x = row.number(c.x), let y = row.number(c.y), x > 0, y > 0 else {
                source.malformed(row, "no stop name or no grid reference")
                continue
            }
            guard isNearLondonPostcode(x: x, y: y) else {
                source.skip()
                continue
            }
            let index = landmarks.count
            var names = [CanonicalText.string(cleaned.parts.joined(separator: " "))]
            var streets: [Int] = []
            for part in cleaned.parts {
                if let street = StreetNaming.street(only: part) {
                    streets.append(mentionStreet(StreetMention(
                        name: street, x: x, y: y, kind: "bus_stop", ref: index)))
                } else if cleaned.parts.count > 1 {
                    names.append(CanonicalText.string(part))
                }
            }
            landmarks.append(Landmark(
                kind: .busStop, name: cleaned.display, names: names, x: x, y: y, street: streets.first,
                borough: nil, locality: nil, indicative: cleaned.hailAndRide, source: "tfl-bus-stops",
                ref: row.field(c.code)))
            if streets.count >= 2 {
                junctions.append(Junction(a: streets[0], b: streets[1], x: x, y: y, source: "tfl-bus-stops",
                                          landmark: index))
            }
        }
        reports.append(source.report)
    }
}

/// A TfL stop name with its suffixes cleaned: `Tooting Station #` → `Tooting Station`; `Hail & Ride
/// Drysdale Avenue` → `Drysdale Avenue`, indicative; `Marble Arch / Edgware Road` → two parts.
struct BusStopName {
    var display: String
    var parts: [String]
    var hailAndRide: Bool

    init(_ raw: String) {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        // TfL marks: <> Underground, # National Rail, >R< river pier, possibly combined, at the end.
        var changed = true
        while changed {
            changed = false
            for mark in ["<>", "#", ">R<", ">r<"] where text.hasSuffix(mark) {
                text = String(text.dropLast(mark.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        hailAndRide = false
        for prefix in ["Hail & Ride ", "HAIL & RIDE ", "Hail and Ride ", "HAIL AND RIDE "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            hailAndRide = true
        }
        display = text
        parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The name forms of a NaPTAN station: `Elephant & Castle Underground Station` → ELEPHANT AND CASTLE
/// UNDERGROUND STATION, ELEPHANT AND CASTLE STATION, ELEPHANT AND CASTLE; `Abbey Wood (London) Rail
/// Station` → … ABBEY WOOD; `London Victoria Rail Station` → … LONDON VICTORIA, VICTORIA STATION, VICTORIA.
enum StationNames {
    static func forms(_ name: String) -> [String] {
        var forms: [String] = []
        func add(_ words: [String]) {
            let form = words.joined(separator: " ")
            if !form.isEmpty && !forms.contains(form) { forms.append(form) }
        }
        let full = CanonicalText.words(name)
        add(full)
        let withoutBrackets = CanonicalText.words(name.replacingOccurrences(
            of: "\\([^)]*\\)", with: " ", options: .regularExpression))
        add(withoutBrackets)
        for words in [full, withoutBrackets] {
            var base = words
            if let suffix = suffixes.first(where: { base.count > $0.count && Array(base.suffix($0.count)) == $0 }) {
                base.removeLast(suffix.count)
                add(base)
            }
            if base.last != "PIER" { add(base + ["STATION"]) }
            if base.first == "LONDON" && base.count > 1 {
                add(Array(base.dropFirst()) + ["STATION"])
                add(Array(base.dropFirst()))
            }
        }
        return forms
    }

    private static let suffixes: [[String]] = [
        ["UNDERGROUND", "STATION"], ["OVERGROUND", "STATION"], ["RAIL", "STATION"], ["DLR", "STATION"],
        ["TRAM", "STOP"], ["STATION"],
    ]
}
