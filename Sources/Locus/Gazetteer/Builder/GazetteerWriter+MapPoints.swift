import GRDB

/// `map_point` and `map_point_unit`: the anonymous map points and their catchments (see `MapPointRules`).
extension GazetteerWriter {
    /// Every candidate: street centres (named streets only), then stations and named places.
    func mapPointCandidates() -> [MapPointCandidate] {
        var candidates: [MapPointCandidate] = []
        // Never an address point: a map point on a house would point at it. A named premises is mentioned at
        // its address's coordinates, so points are compared by place, not only by kind.
        let addressPoints = Set(draft.addresses.map { SIMD2(x: $0.x, y: $0.y) })
        for (i, s) in places.streets.enumerated() where MapPointPlanner.isLabelName(s.name) {
            let points = s.mentions.filter {
                draft.streetMentions[$0].kind != "address"
                    && !addressPoints.contains(SIMD2(x: draft.streetMentions[$0].x, y: draft.streetMentions[$0].y))
            }
                .map { (x: draft.streetMentions[$0].x, y: draft.streetMentions[$0].y) }
            let centre = MapPointPlanner.streetCentre(points, mean: (s.x, s.y))
            // A street known only by one address (or whose mean falls on one) has no centre that is not a house.
            if addressPoints.contains(SIMD2(x: centre.x, y: centre.y)) { continue }
            guard let code = s.borough ?? DerivedPlaces.borough(draft, centre.x, centre.y),
                  let borough = boroughID[code] else { continue }
            candidates.append(MapPointCandidate(
                kind: "street", refID: Int64(i + 1), name: Self.labelCase(s.name), borough: borough,
                x: centre.x, y: centre.y))
        }
        for (i, l) in draft.landmarks.enumerated() where l.kind == .station || l.kind == .place {
            guard let code = l.borough ?? DerivedPlaces.borough(draft, l.x, l.y),
                  let borough = boroughID[code] else { continue }
            candidates.append(MapPointCandidate(
                kind: l.kind.rawValue, refID: Int64(i + 1), name: l.name, borough: borough, x: l.x, y: l.y))
        }
        return candidates
    }

    func writeMapPoints(threshold: Int) throws {
        var units: [(id: Int64, x: Double, y: Double, borough: Int64)] = []
        for (i, code) in draft.postcodeOrder.enumerated() {
            let u = draft.postcodes[code]!
            guard u.status == .live, let borough = u.borough.flatMap({ boroughID[$0] }) else { continue }
            units.append((Int64(i + 1), u.x, u.y, borough))
        }
        let plan = MapPointPlanner(threshold: threshold).plan(candidates: mapPointCandidates(), units: units)
        try insert("INSERT INTO map_point VALUES (?,?,?,?,?,?,?,?,?,?)") { add in
            for (i, p) in plan.points.enumerated() {
                let c = p.candidate
                try add([i + 1, c.kind, c.refID, c.name, c.borough, c.x, c.y, p.units,
                         p.units * MapPointRules.addressesPerUnit, p.reach])
            }
        }
        try insert("INSERT INTO map_point_unit VALUES (?,?)") { add in
            for (postcode, point) in plan.unitPoint { try add([postcode, point + 1]) }
        }
        try db.execute(sql: "INSERT INTO meta VALUES ('map_point_threshold', ?)", arguments: [String(threshold)])
    }

    /// `CLAPHAM HIGH STREET` → `Clapham High Street` (words of capitals only; mixed case is kept). A street's
    /// name is its canonical form, in which `&` is `AND` and `C.E.M.E.` or `II` are single letters apart: a run
    /// of single letters is one word again, joined by `&` where `AND` stood (`A AND E` → `A&E`,
    /// `H M PRISON` → `HM Prison`, `CHARLES I I STREET` → `Charles II Street`), and the short joining words
    /// after the first word are lower case (`CHURCH OF SAINT MARY AND ALL SAINTS` → `Church of Saint Mary and
    /// All Saints`).
    static func labelCase(_ name: String) -> String {
        guard name == name.uppercased() else { return name }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        func letter(_ k: Int) -> Bool { k < words.count && words[k].count == 1 && words[k].first!.isLetter }
        var out: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if letter(i) {
                var run = String(word), j = i + 1
                while true {
                    if letter(j) {
                        run += words[j]
                        j += 1
                    } else if j < words.count, words[j] == "AND", letter(j + 1) {
                        run += "&" + words[j + 1]
                        j += 2
                    } else {
                        break
                    }
                }
                out.append(run)
                i = j
                continue
            }
            out.append(!out.isEmpty && labelMinorWords.contains(word)
                ? word.lowercased() : word.prefix(1) + word.dropFirst().lowercased())
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// Words a label writes in lower case after its first word.
    static let labelMinorWords: Set<Substring> = ["AND", "OF", "THE", "ON", "IN", "AT", "BY", "FOR", "TO", "UPON"]
}
