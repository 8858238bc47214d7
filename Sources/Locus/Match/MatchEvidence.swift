/// What a query says about where it is, apart from its street: the postcode (unit, or its sector or district
/// when the unit is unknown), the boroughs and the localities named.
struct MatchEvidence: Sendable {
    /// The postcode as given (text first, else the postcode column).
    var postcode: Postcode?
    /// The unit, when the postcode is a full one the gazetteer knows.
    var unit: PostcodeUnit?
    /// The sector or district standing in for the postcode (given at that level, or the unit is unknown).
    var area: PostcodeArea?
    var areaLevel: MatchLevel = .none
    /// Faults about the postcode (terminated, not found, repaired, outside London).
    var postcodeFaults: [Fault] = []
    /// The postcode's area is not a London one: the text names a place Locus does not cover.
    var outsideLondon = false
    /// Boroughs named by the borough column or the text.
    var boroughIDs: [Int64] = []
    /// Localities named in the text.
    var localities: [GazetteerLocality] = []
    /// Streets near the unit, with the distance of their nearest known point.
    var streetsNearUnit: [Int64: Double] = [:]
    /// Streets touching the sector or district standing in for the postcode.
    var streetsInArea: Set<Int64> = []

    /// True when the postcode says where the place is, at unit, sector or district level.
    var hasPostcodePlace: Bool { unit != nil || area != nil }

    init(parse: ParsedLocation, query: LocationQuery, lookups: MatchLookups) {
        readPostcode(parse: parse, query: query, lookups: lookups)
        var boroughs: [Int64] = []
        if let column = query.borough {
            boroughs += lookups.boroughIDs(named: column)
        }
        if let named = parse.borough {
            for id in lookups.boroughIDs(named: named) where !boroughs.contains(id) { boroughs.append(id) }
        }
        boroughIDs = boroughs
        // A borough's name is often its main town's too (BROMLEY, SUTTON, HARROW).
        for place in parse.places where place.kind != .noise {
            localities += Self.localities(named: place.text, inBoroughs: boroughs, lookups: lookups)
        }
    }

    /// The localities a place word names; a one-word name no locality has is read as its nearest spellings
    /// that one has (TICKENHAM → TWICKENHAM, ICKENHAM), those in the boroughs named first.
    static func localities(named name: String, inBoroughs boroughs: [Int64], lookups: MatchLookups)
        -> [GazetteerLocality]
    {
        let found = lookups.localities(named: name)
        guard found.isEmpty, !name.contains(" ") else { return found }
        var nearest: [GazetteerLocality] = []
        var distance = Int.max
        for typo in lookups.typoCandidates(name) where typo.distance > 0 && typo.distance <= distance {
            let near = lookups.localities(named: typo.token)
            guard !near.isEmpty else { continue }
            distance = typo.distance
            nearest += near
        }
        let named = nearest.filter { $0.boroughID.map(boroughs.contains) ?? false }
        return named.isEmpty ? nearest : named
    }

    /// Borough ids for a name in any written form (`Richmond upon Thames`, `RICHMOND`, `City of London`).
    static func boroughIDs(named name: String, store: GazetteerStore) -> [Int64] {
        let canonical = CanonicalText.string(name)
        if let ids = store.boroughNames[canonical] { return ids }
        if let short = LondonPlaces.boroughs[canonical], let ids = store.boroughNames[CanonicalText.string(short)] {
            return ids
        }
        return []
    }

    private mutating func readPostcode(parse: ParsedLocation, query: LocationQuery, lookups: MatchLookups) {
        let store = lookups.store
        var given = parse.postcode?.postcode
        if given == nil, let column = query.postcode, !column.isEmpty { given = Postcode(column) }
        guard let postcode = given else { return }
        self.postcode = postcode
        if postcode.repaired { postcodeFaults.append(Fault(Scoring.postcodeRepaired, penalty: 2)) }
        if postcode.level == .unit, let unit = lookups.postcode(postcode.canonical) {
            self.unit = unit
            if unit.status == .terminated { postcodeFaults.append(Fault(Scoring.postcodeTerminated, penalty: 3)) }
            streetsNearUnit = lookups.streetsNear(unit: unit.id)
            return
        }
        if let sector = postcode.sector, let found = store.sectors[sector] {
            area = found
            areaLevel = .postcodeSector
        } else if let district = postcode.district, let found = store.districts[district] {
            area = found
            areaLevel = .postcodeDistrict
        }
        if !PostcodeAreas.london.contains(postcode.area) {
            outsideLondon = true
            postcodeFaults.append(Fault(Scoring.postcodeOutsideLondon, penalty: 10))
        } else if postcode.level == .unit || area == nil {
            postcodeFaults.append(Fault(Scoring.postcodeNotFound, penalty: 6))
        }
        if let area { streetsInArea = area.parts.reduce(into: []) { $0.formUnion(lookups.streets(inArea: $1)) } }
    }

    /// How far a street is from the postcode evidence: 0 when near the unit or inside the area,
    /// else the distance from the unit or area to the street's extent; nil without postcode evidence.
    func postcodeDistance(to street: GazetteerStreet) -> Double? {
        if let unit {
            if let near = streetsNearUnit[street.id] { return near }
            return street.distanceFromExtent(unit.x, unit.y)
        }
        if let area {
            if streetsInArea.contains(street.id) { return 0 }
            let dx = max(area.minX - street.maxX, 0, street.minX - area.maxX)
            let dy = max(area.minY - street.maxY, 0, street.minY - area.maxY)
            return planeDistance(dx, dy, 0, 0)
        }
        return nil
    }

    /// The distance from a point to the postcode evidence (unit point, or area extent).
    func postcodeDistance(x: Double, y: Double) -> Double? {
        if let unit { return planeDistance(unit.x, unit.y, x, y) }
        if let area {
            let dx = max(area.minX - x, 0, x - area.maxX), dy = max(area.minY - y, 0, y - area.maxY)
            return planeDistance(dx, dy, 0, 0)
        }
        return nil
    }

    /// True when only a sector or district was given (or stands in for an unknown unit) and a point's own
    /// postcode lies in another one: the area's extent overlaps its neighbours', a point's postcode does not.
    /// `code` is a gazetteer postcode, canonical (`UB7 7BY`); compared in place, without parsing.
    func areaDisagrees(withPointPostcode code: String?) -> Bool {
        guard unit == nil, let area, let code, let space = code.utf8.firstIndex(of: UInt8(ascii: " ")) else {
            return false
        }
        if areaLevel == .postcodeSector {  // `UB7 7` and its units' `UB7 7BY`
            return !(code.utf8.count == area.code.utf8.count + 2 && code.hasPrefix(area.code))
        }
        return !area.parts.contains { code.utf8[..<space].elementsEqual($0.utf8) }
    }

    /// The nearest named locality's distance from a point; nil when none is named.
    func localityDistance(x: Double, y: Double) -> Double? {
        localities.map { planeDistance($0.x, $0.y, x, y) }.min()
    }
}

extension GazetteerStreet {
    /// The distance from a point to this street's extent (0 inside it).
    func distanceFromExtent(_ px: Double, _ py: Double) -> Double {
        let dx = max(minX - px, 0, px - maxX), dy = max(minY - py, 0, py - maxY)
        return planeDistance(dx, dy, 0, 0)
    }

    /// The gap between this street's extent and `other`'s (0 when they overlap).
    func extentGap(to other: GazetteerStreet) -> Double {
        let dx = max(0, other.minX - maxX, minX - other.maxX), dy = max(0, other.minY - maxY, minY - other.maxY)
        return planeDistance(0, 0, dx, dy)
    }

    /// Half the diagonal of the extent: how far its centroid may be from a place on it.
    var halfDiagonal: Double { planeDistance(minX, minY, maxX, maxY) / 2 }
}
