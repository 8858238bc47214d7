import GRDB

/// Localities, streets and their points and areas, junctions, address points and landmarks.
extension GazetteerWriter {
    /// Street id (1-based) of a street mention, or nil.
    func streetID(_ mention: Int?) -> Int64? {
        guard let mention, places.streetOfMention[mention] >= 0 else { return nil }
        return Int64(places.streetOfMention[mention] + 1)
    }

    func localityID(_ index: Int?) -> Int64? { index.map { Int64($0 + 1) } }

    func writePlaces() throws {
        try insert("INSERT INTO locality VALUES (?,?,?,?,?,?,?,?)") { add in
            for (i, l) in places.localities.enumerated() {
                try add([i + 1, l.display, l.name, l.x, l.y, l.borough.flatMap { boroughID[$0] }, l.points, l.sources])
            }
        }
        try insert("INSERT INTO street VALUES (?,?,?,?,?,?,?,?,?,?,?,?)") { add in
            for (i, s) in places.streets.enumerated() {
                try add([i + 1, s.name, s.borough.flatMap { boroughID[$0] }, localityID(s.locality), s.x, s.y,
                         s.minX, s.minY, s.maxX, s.maxY, s.mentions.count, s.sources])
            }
        }
        try writeStreetPoints()
        try writeJunctions()
        try writeAddresses()
        try writeLandmarks()
    }

    /// The id of the address or landmark a mention came from (`street_point.ref_id`).
    private func referencedID(_ mention: GazetteerDraft.StreetMention) -> Int64? {
        mention.ref.map { Int64($0 + 1) }
    }

    private func writeStreetPoints() throws {
        var areas: Set<String> = []  // "area|street"
        try insert("INSERT INTO street_point VALUES (?,?,?,?,?)") { add in
            for (i, s) in places.streets.enumerated() {
                for m in s.mentions {
                    let mention = draft.streetMentions[m]
                    try add([i + 1, mention.kind, referencedID(mention), mention.x, mention.y])
                    for postcode in [mention.postcode, draft.nearestPostcode(mention.x, mention.y, within: 500)] {
                        guard let postcode else { continue }
                        areas.insert(SourcePostcode.sector(postcode) + "|\(i + 1)|0")
                        areas.insert(SourcePostcode.district(postcode) + "|\(i + 1)|1")
                    }
                }
            }
        }
        try insert("INSERT OR IGNORE INTO street_area VALUES (?,?,?)") { add in
            for entry in areas.sorted() {
                let parts = entry.split(separator: "|")
                try add([String(parts[0]), Int(parts[1])!, Int(parts[2])!])
            }
        }
    }

    private func writeJunctions() throws {
        var seen: Set<String> = []
        var id = 0
        try insert("INSERT INTO junction VALUES (?,?,?,?,?,?,?)") { add in
            for j in draft.junctions {
                guard let a = streetID(j.a), let b = streetID(j.b), a != b else { continue }
                let key = "\(min(a, b))|\(max(a, b))|\(Int(j.x / 25))|\(Int(j.y / 25))"
                guard seen.insert(key).inserted else { continue }
                id += 1
                try add([id, min(a, b), max(a, b), j.x, j.y, j.source, j.landmark.map { $0 + 1 }])
            }
        }
    }

    private func writeAddresses() throws {
        var pointCount: [String: Int] = [:]
        for a in draft.addresses { pointCount["\(a.x),\(a.y)", default: 0] += 1 }
        try insert("INSERT INTO address VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") { add in
            for (i, a) in draft.addresses.enumerated() {
                let shared = pointCount["\(a.x),\(a.y)"]! > 1
                let borough = a.borough ?? DerivedPlaces.borough(draft, a.x, a.y)
                try add([i + 1, a.number, a.suffix, a.numberEnd, a.subUnit, a.building, a.premises,
                         streetID(a.street), localityID(places.locality(named: a.locality, near: a.x, a.y)),
                         a.postcode, borough.flatMap { boroughID[$0] }, a.x, a.y, shared, a.source, a.ref])
            }
        }
    }

    private func writeLandmarks() throws {
        try insert("INSERT INTO landmark VALUES (?,?,?,?,?,?,?,?,?,?,?)") { add in
            for (i, l) in draft.landmarks.enumerated() {
                let borough = l.borough ?? DerivedPlaces.borough(draft, l.x, l.y)
                let locality = places.locality(named: l.locality, near: l.x, l.y)
                    ?? places.nearestLocality(l.x, l.y, within: 2000)
                try add([i + 1, l.kind.rawValue, l.name, l.x, l.y, streetID(l.street),
                         borough.flatMap { boroughID[$0] }, localityID(locality), l.indicative, l.source, l.ref])
            }
        }
        try insert("INSERT OR IGNORE INTO landmark_name VALUES (?,?)") { add in
            for (i, l) in draft.landmarks.enumerated() {
                for name in l.names where !name.isEmpty { try add([name, i + 1]) }
            }
        }
    }

    /// `postcode_street`: for every unit, the nearest streets with a known point within `nearStreetRadius`.
    func writeNearStreets() throws {
        var xs: [Double] = [], ys: [Double] = [], owner: [Int] = []
        for (i, s) in places.streets.enumerated() {
            for m in s.mentions {
                xs.append(draft.streetMentions[m].x)
                ys.append(draft.streetMentions[m].y)
                owner.append(i + 1)
            }
        }
        let grid = PointGrid(xs: xs, ys: ys, cellSize: Self.nearStreetRadius)
        try insert("INSERT INTO postcode_street VALUES (?,?,?)") { add in
            for (i, code) in draft.postcodeOrder.enumerated() {
                let unit = draft.postcodes[code]!
                var nearest: [Int: Double] = [:]
                grid.forEach(near: unit.x, unit.y, within: Self.nearStreetRadius) { p, d in
                    if d < nearest[owner[p]] ?? .infinity { nearest[owner[p]] = d }
                }
                let kept = nearest.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(Self.nearStreetLimit)
                for (street, distance) in kept { try add([i + 1, street, distance.rounded()]) }
            }
        }
    }
}
