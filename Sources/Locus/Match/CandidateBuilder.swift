/// Turns the parse and its evidence into candidates at every level the text supports.
struct CandidateBuilder {
    let lookups: MatchLookups
    var store: GazetteerStore { lookups.store }
    let parse: ParsedLocation
    let evidence: MatchEvidence
    /// The query's text as written (station names are read from it: `StationForms`).
    var text = ""
    /// Streets kept per written street after ranking by evidence.
    static let streetsPerReading = 6
    /// At most this many written street forms are looked up, however many the text names: each costs lookups.
    static let writtenStreetsRead = 8
    /// Two streets meet when their known points come this close (metres).
    static let junctionReach = 200.0
    /// The radius of a junction the TfL stops or the streets' lines place; a stop stands this far from the corner.
    static let junctionReachFloor = 75.0, stopSetback = 50.0
    /// A street whose centroid has a postcode of the named borough this close is on its boundary.
    static let boundaryReach = 250.0
    /// The least radius of a street's point.
    static let streetFloor = 100.0
    /// The least radius of an address or interpolated point: the premises file's points are often the
    /// postcode's, so a numbered point is no surer than a postcode unit's (`postcodeReach`).
    static let numberedPointFloor = 100.0
    /// The radius of a postcode unit's point (300 m when OS marks its position approximate).
    static let postcodeReach = 100.0
    static let approximatePostcodeReach = 300.0
    /// The radius of an address point shared by several records (often a postcode-level point).
    static let sharedPointReach = 150.0
    /// Landmark radii by kind: a named premises is one door of a site that may be large (a market, a
    /// shopping centre, a station complex), and its point is often the postcode's; a stop named after a site
    /// stands at its edge; a station's point is one of its entrances; a hail-and-ride stretch is long.
    static let premisesReach = 150.0, stationReach = 200.0, hailAndRideReach = 250.0
    /// Other points of a landmark's name this close are taken as parts of the same site (its spread).
    static let siteSpread = 500.0
    /// Penalty for a street type the text wrote differently (or not at all) that no postcode unit near the
    /// street nor a house number found on it confirms: in London another type is almost always another
    /// street, so the reading is kept below the score that gets coordinates.
    static let typeUnconfirmed = 20.0
    /// Penalty for answering a junction with one of its streets: below the score that gets coordinates
    /// (a street award of at most 86), whatever the street's length.
    static let junctionNotFound = 20.0
    /// The least radius of a long street's point placed by a locality named (not a postcode).
    static let localityAnchorReach = 500.0
    /// The penalty for a numbered point whose own postcode is outside the sector or district given.
    static let pointOutsideArea = 8.0

    func candidates() -> [MatchCandidate] {
        var out: [MatchCandidate] = []
        let finder = StreetFinder(lookups: lookups)
        let streetReadings = readings(finder: finder)
        let main = streetReadings.filter { $0.source == 0 }
        out += postcodeCandidates()
        var onStreet = markingOtherStreetsOnly(main.flatMap(streetCandidates), readings: main)
        if parse.crossStreet != nil {
            // The text names a junction: a point somewhere on one of its streets is not where they meet.
            for i in onStreet.indices {
                onStreet[i].faults.append(Fault(Scoring.junctionNotFound, penalty: Self.junctionNotFound))
            }
        }
        out += onStreet
        if let cross = parse.crossStreet {
            let second = finder.find(text: cross.text, source: 1).map(scored)
            out += junctionCandidates(main, ranked(second))
        }
        let stations = stationCandidates()
        out += stations
        out += landmarkCandidates(main, besideStations: !stations.isEmpty)
        out += placeCandidates()
        return PostcodeStreetConflict(lookups: lookups, evidence: evidence).marking(out)
    }

    // MARK: - Streets

    /// The written streets read against the gazetteer, best supported first, a few per written street.
    private func readings(finder: StreetFinder) -> [StreetReading] {
        var written: [String] = []
        /// How many of `written` the house number belongs to (the parse's street, read with or without a locality).
        var numbered = 0
        if let street = parse.street {
            // A locality read after the street may be part of its name (HIGH ROAD LEYTONSTONE).
            if let next = parse.places.first(where: { $0.span.lowerBound >= street.span.upperBound }),
               next.kind != .noise {
                written.append(street.text + " " + next.text)
            }
            written.append(street.text)
        }
        numbered = written.count
        for other in parse.otherStreets { written.append(other.text) }
        if written.isEmpty {
            // No street read: a premises or building name, or a place name, may be one (ON OR NEAR MOORGATE
            // names the City street, which the place table also holds as a locality).
            written += [parse.premisesName?.text, parse.buildingName?.text].compactMap { $0 }
            for place in parse.places where place.kind == .locality { written.append(place.text) }
        }
        // The first written form read without a fault settles it; readings with faults (a misspelt or retyped
        // name) are kept alongside the next forms' (LORDSHIP LANE WOOD GREEN reads as LORDSHIP LANE ESTATE
        // only with faults: LORDSHIP LANE itself must still be tried).
        var found: [StreetReading] = []
        for (i, text) in written.prefix(Self.writtenStreetsRead).enumerated() {
            let readings = finder.find(text: text, source: 0)
            found.reserveCapacity(found.count + readings.count)
            // The finder gives each street once; a later form may give a street an earlier one gave.
            for var reading in readings where i == 0 || !found.contains(where: { $0.street.id == reading.street.id }) {
                // A road number written beside the name (`12 A13 COMMERCIAL RD`) is the same road, not another.
                reading.numbered = i < numbered || parse.street == nil || RoadNumbers.isRoadNumber(text)
                found.append(scored(reading))
            }
            if readings.contains(where: { $0.faults.isEmpty }) { break }
        }
        return ranked(carryingRoadNumbers(found, finder: finder))
    }

    /// The reading with the evidence's faults added.
    private func scored(_ reading: StreetReading) -> StreetReading {
        var reading = reading
        reading.faults += evidenceFaults(street: reading.street)
        return reading
    }

    private func ranked(_ readings: [StreetReading]) -> [StreetReading] {
        let order = readings.indices.map { (penalty: readings[$0].faults.reduce(0) { $0 + $1.penalty }, at: $0) }
            .sorted { $0.penalty != $1.penalty ? $0.penalty < $1.penalty
                : readings[$0.at].street.id < readings[$1.at].street.id }
        return order.prefix(Self.streetsPerReading).map { readings[$0.at] }
    }

    /// Faults from the postcode, borough and locality evidence disagreeing with a street.
    private func evidenceFaults(street: GazetteerStreet) -> [Fault] {
        var faults: [Fault] = []
        let postcodeDistance = evidence.postcodeDistance(to: street, lookups: lookups)
        if let d = postcodeDistance, d > 400 {
            faults.append(Fault(Scoring.postcodeConflict, penalty: d > 2000 ? 30 : 20))
        }
        if !evidence.boroughIDs.isEmpty, let borough = street.boroughID, !evidence.boroughIDs.contains(borough),
           (postcodeDistance ?? .infinity) > 400 {
            // A street along a boundary belongs to both boroughs: a postcode of the named one close by says so.
            let border = !lookups.boroughsNear(street, reach: Self.boundaryReach).isDisjoint(with: evidence.boroughIDs)
            faults.append(Fault(Scoring.boroughMismatch, penalty: border ? 6 : 30))
        }
        if !evidence.localities.isEmpty, !lookups.runsThrough(street, evidence.localities) {
            // Named with the street in the sources beats near; near beats far.
            let d = evidence.localities.map { street.distanceFromExtent($0.x, $0.y) }.min()!
            faults.append(Fault(Scoring.localityMismatch, penalty: d <= 1000 ? 3 : (d <= 2500 ? 8 : 12)))
        }
        return faults
    }

    /// Address, interpolated and street candidates on one street.
    private func streetCandidates(_ reading: StreetReading) -> [MatchCandidate] {
        let street = reading.street
        var out: [MatchCandidate] = []
        let label = street.name
        if let number = parse.houseNumber, reading.numbered {
            let found = AddressLocator(lookups: lookups, street: street, evidence: evidence).locate(number)
            if let found {
                var faults = reading.faults
                if found.level == .interpolated {
                    // The wider the guess, the less it is worth (a postcode unit then does better).
                    faults.append(Fault(Scoring.numberInterpolated, penalty: max(0, (found.precision - 80) / 8)))
                }
                if evidence.areaDisagrees(withPointPostcode: found.postcode),
                   !faults.contains(where: { $0.code == Scoring.postcodeConflict }) {
                    faults.append(Fault(Scoring.postcodeConflict, penalty: Self.pointOutsideArea))
                } else if let d = evidence.postcodeDistance(x: found.x, y: found.y, on: street, lookups: lookups),
                   !faults.contains(where: { $0.code == Scoring.postcodeConflict }) {
                    if d > 400 {
                        faults.append(Fault(Scoring.postcodeConflict, penalty: 15))
                    } else if d > 200, found.level == .interpolated, evidence.unit != nil {
                        // A guessed point this far from the unit named: the unit is the surer answer.
                        faults.append(Fault(Scoring.postcodeConflict, penalty: 10))
                    }
                }
                if found.level != .address, Self.typeUnconfirmed(reading, evidence: evidence) {
                    faults.append(Fault(Scoring.streetTypeUnconfirmed, penalty: Self.typeUnconfirmed))
                }
                out.append(MatchCandidate(
                    level: found.level, x: found.x, y: found.y,
                    precisionMeters: found.level == .interpolated ? HonestRadius.interpolated(guess: found.precision)
                        : max(Self.numberedPointFloor, found.precision),
                    matched: "\(number) \(label)", award: Scoring.award(found.level), faults: faults,
                    postcode: found.postcode, boroughID: street.boroughID, key: .streetNumber(street.id, number)))
            }
        }
        var faults = reading.faults
        if let number = parse.houseNumber, reading.numbered, !out.contains(where: { $0.level == .address }) {
            // No number known on the street, or the number within the known ones' range: absence of data, not
            // evidence against it (`StreetAddresses.mayHold`).
            let known = lookups.addresses(streetID: street.id)
            let code = known.numbered.isEmpty ? Scoring.numberUnknown
                : known.mayHold(number.number) ? Scoring.numberNotHeld : Scoring.numberNotFound
            faults.append(Fault(code, penalty: 8))
        }
        if Self.typeUnconfirmed(reading, evidence: evidence) {
            faults.append(Fault(Scoring.streetTypeUnconfirmed, penalty: Self.typeUnconfirmed))
        }
        let (x, y, reach) = anchoredPoint(on: street)
        let precision = max(Self.streetFloor, reach)
        if precision > 150 { faults.append(Fault(Scoring.streetLong, penalty: min(15, (precision - 150) / 25))) }
        // With a postcode unit the unit is the more specific point; the street stands in when they disagree.
        let award = Scoring.award(.street) - (evidence.unit != nil ? 4 : 0)
        out.append(MatchCandidate(
            level: .street, x: x, y: y, precisionMeters: precision, matched: label,
            award: award, faults: faults, postcode: nil, boroughID: street.boroughID,
            key: .street(street.id)))
        return out
    }

    /// True when the reading changed or supplied the street type and no postcode unit near the street confirms it.
    static func typeUnconfirmed(_ reading: StreetReading, evidence: MatchEvidence) -> Bool {
        guard reading.faults.contains(where: {
            $0.code == Scoring.streetTypeMismatch || $0.code == Scoring.streetTypeMissing
        }) else { return false }
        guard evidence.unit != nil, let d = evidence.postcodeDistance(to: reading.street) else { return true }
        return d > 400
    }

    /// The street's point nearest the postcode or locality evidence, else its centroid; with how far the
    /// place may be from it. A junction not found is somewhere on the street: only a postcode unit says where.
    private func anchoredPoint(on street: GazetteerStreet) -> (Double, Double, Double) {
        var whole = lookups.reach(of: street, extentAgrees: lookups.extentAgrees(street, evidence.localities))
        if !evidence.boroughIDs.contains(where: { $0 == street.boroughID }) {
            // No borough given says which piece of a street cut at a boundary (`continuedReach`).
            whole = max(whole, lookups.continuedReach(of: street))
        }
        if parse.crossStreet != nil && evidence.unit == nil { return (street.x, street.y, whole) }
        let anchor: (Double, Double)?
        /// The least radius the anchor allows: a unit's point is where the place is; a locality's centroid only
        /// says which part of a long street, and the place may lie anywhere along it there.
        var floor = 150.0
        if let unit = evidence.unit {
            anchor = (unit.x, unit.y)
        } else if let locality = evidence.localities.min(by: {
            street.distanceFromExtent($0.x, $0.y) < street.distanceFromExtent($1.x, $1.y)
        }), street.halfDiagonal > 300 {
            anchor = (locality.x, locality.y)
            floor = Self.localityAnchorReach
        } else {
            anchor = nil
        }
        guard let (ax, ay) = anchor, street.points > 1,
              case let points = lookups.points(streetID: street.id), !points.isEmpty else {
            return (street.x, street.y, whole)
        }
        let nearest = points.min {
            let a = planeDistance($0.x, $0.y, ax, ay), b = planeDistance($1.x, $1.y, ax, ay)
            return a != b ? a < b : ($0.x, $0.y) < ($1.x, $1.y)
        }!
        var (nx, ny) = (nearest.x, nearest.y)
        var gap = planeDistance(nearest.x, nearest.y, ax, ay)
        // On a street known by its lines, the nearest point on the line.
        if let online = lookups.shape(streetID: street.id).nearest(ax, ay), online.distance < gap {
            (nx, ny, gap) = (online.point.x, online.point.y, online.distance)
        }
        // The anchor says which stretch; the street's extent, seen from the point given, still bounds the radius.
        // An anchor that does not narrow it says nothing: the street's own reach is measured from its centroid, not
        // from a point off it.
        let reach = max(floor, gap + 100)
        return reach >= whole ? (street.x, street.y, whole) : (nx, ny, min(street.reach(from: nx, ny, reach: whole), reach))
    }

    // MARK: - Junctions and landmarks

    private func junctionCandidates(_ first: [StreetReading], _ second: [StreetReading]) -> [MatchCandidate] {
        var out: [MatchCandidate] = []
        for a in first.prefix(4) {
            let known = lookups.junctions(streetID: a.street.id)
            for b in second.prefix(4) where b.street.id != a.street.id {
                let faults = a.faults + b.faults
                let matched = "\(a.street.name) / \(b.street.name)"
                let key = CandidateKey.junction(min(a.street.id, b.street.id), max(a.street.id, b.street.id))
                if let j = known.first(where: { $0.streetA == b.street.id || $0.streetB == b.street.id }) {
                    out.append(MatchCandidate(
                        level: .junction, x: j.x, y: j.y, precisionMeters: Self.junctionReachFloor, matched: matched,
                        award: Scoring.award(.junction), faults: faults, boroughID: a.street.boroughID, key: key))
                    continue
                }
                // Two streets both known by their lines meet where the lines do (the junction table), not
                // wherever their points come near.
                guard a.street.distanceFromExtent(b.street.x, b.street.y) < 3000,
                      lookups.shape(streetID: a.street.id).isEmpty || lookups.shape(streetID: b.street.id).isEmpty,
                      case let pa = lookups.points(streetID: a.street.id),
                      case let pb = lookups.points(streetID: b.street.id) else { continue }
                var best: (d: Double, x: Double, y: Double)?
                for p in pa {
                    for q in pb {
                        let d = planeDistance(p.x, p.y, q.x, q.y)
                        if d <= Self.junctionReach, best.map({ d < $0.d }) ?? true {
                            best = (d, (p.x + q.x) / 2, (p.y + q.y) / 2)
                        }
                    }
                }
                if let best {
                    out.append(MatchCandidate(
                        level: .junction, x: best.x, y: best.y, precisionMeters: HonestRadius.junctionFromPoints(gap: best.d),
                        matched: matched, award: Scoring.award(.junction) - 4, faults: faults,
                        boroughID: a.street.boroughID, key: key))
                }
            }
        }
        return out
    }

    /// Named premises, stations and stops, taken on or near the named street or the postcode evidence.
    private func landmarkCandidates(_ streets: [StreetReading], besideStations: Bool) -> [MatchCandidate] {
        let names = PlaceNames.landmarkNames(parse)
        // A street read only by changing or supplying its type (`STEPNEY` as STEPNEY WAY) is no evidence that a
        // landmark elsewhere is far from the place.
        let firm = streets.filter { !Self.typeUnconfirmed($0, evidence: evidence) }
        var out: [MatchCandidate] = []
        for name in names {
            // A station the gazetteer holds is answered as its complex: a building some address calls by the
            // station's name (`KINGS CROSS STATION`, typed on a shop 3.7 km off) is no site of it.
            let found = lookups.places(named: name, sites: parse.houseNumber == nil && evidence.unit == nil && !besideStations)
            guard !found.isEmpty, found.count <= 400 else { continue }
            // A stop named after a station the text names is not the station (`WATERLOO STATION`); the
            // station itself is answered as its whole complex (`StationMatching`).
            for landmark in found where !(besideStations && (landmark.kind == .busStop || landmark.kind == .station)) {
                var faults: [Fault] = []
                let onStreet = streets.first { $0.street.id == landmark.streetID }
                    ?? streets.first { $0.street.distanceFromExtent(landmark.x, landmark.y) <= 150 }
                if let onStreet {
                    faults += onStreet.faults
                } else if !firm.isEmpty {
                    faults.append(Fault(Scoring.landmarkFar, penalty: 20))
                }
                if let d = evidence.postcodeDistance(x: landmark.x, y: landmark.y), d > 400 {
                    faults.append(Fault(Scoring.postcodeConflict, penalty: d > 2000 ? 30 : 15))
                }
                if !evidence.boroughIDs.isEmpty, let b = landmark.boroughID, !evidence.boroughIDs.contains(b) {
                    faults.append(Fault(Scoring.boroughMismatch, penalty: 20))
                }
                let base = landmark.indicative ? Self.hailAndRideReach
                    : landmark.kind == .station ? Self.stationReach : Self.premisesReach
                // Several points of the name close together are one site: the place may be at any of them.
                let spread = found.lazy.map { planeDistance($0.x, $0.y, landmark.x, landmark.y) }
                    .filter { $0 <= Self.siteSpread }.max() ?? 0
                let precision = max(base, spread)
                out.append(MatchCandidate(
                    level: .landmark, x: landmark.x, y: landmark.y, precisionMeters: precision,
                    matched: landmark.name, award: Scoring.award(.landmark), faults: faults,
                    boroughID: landmark.boroughID, key: .landmark(landmark.id)))
            }
        }
        return out
    }

    // MARK: - Postcodes and places

    private func postcodeCandidates() -> [MatchCandidate] {
        var out: [MatchCandidate] = []
        let faults = evidence.postcodeFaults
        if let unit = evidence.unit {
            let precision = (unit.pqi ?? 10) <= 10 ? Self.postcodeReach : Self.approximatePostcodeReach
            var unitFaults = faults

            if !evidence.boroughIDs.isEmpty, let b = unit.boroughID, !evidence.boroughIDs.contains(b) {
                unitFaults.append(Fault(Scoring.boroughMismatch, penalty: 20))
            }
            out.append(MatchCandidate(
                level: .postcode, x: unit.x, y: unit.y, precisionMeters: precision, matched: unit.postcode,
                award: Scoring.award(.postcode), faults: unitFaults, postcode: unit.postcode,
                boroughID: unit.boroughID, key: .postcode(unit.postcode)))
            if let sector = store.sectors[unit.sector] { out.append(area(sector, .postcodeSector, faults)) }
        } else if let area = evidence.area {
            out.append(self.area(area, evidence.areaLevel, faults))
        }
        return out
    }

    private func area(_ area: PostcodeArea, _ level: MatchLevel, _ faults: [Fault]) -> MatchCandidate {
        let extent = planeDistance(area.minX, area.minY, area.maxX, area.maxY) / 2
        return MatchCandidate(
            level: level, x: area.x, y: area.y, precisionMeters: max(200, extent), matched: area.code,
            award: Scoring.award(level), faults: faults, boroughID: area.boroughID, key: .area(area.code))
    }

    private func placeCandidates() -> [MatchCandidate] {
        var out: [MatchCandidate] = []
        for locality in evidence.localities {
            var faults: [Fault] = []
            if !evidence.boroughIDs.isEmpty, let b = locality.boroughID, !evidence.boroughIDs.contains(b) {
                faults.append(Fault(Scoring.boroughMismatch, penalty: 20))
            }
            out.append(MatchCandidate(
                level: .locality, x: locality.x, y: locality.y, precisionMeters: 1500, matched: locality.name,
                award: Scoring.award(.locality), faults: faults, boroughID: locality.boroughID,
                key: .locality(locality.id)))
        }
        for id in evidence.boroughIDs {
            guard let borough = store.borough(id: id), let x = borough.x, let y = borough.y else { continue }
            out.append(MatchCandidate(
                level: .borough, x: x, y: y, precisionMeters: 5000, matched: borough.shortName,
                award: Scoring.award(.borough), faults: [], boroughID: id, key: .borough(id)))
        }
        return out
    }
}
