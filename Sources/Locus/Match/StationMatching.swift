import GRDB

/// The stations of the gazetteer by station key (`StationForms`), each key's records grouped into complexes:
/// the entrances, platforms and modes of one station written one way (`Canary Wharf` DLR, Underground and
/// Elizabeth line) are one place. Built once per matcher from the gazetteer's station landmarks.
final class StationIndex: Sendable {
    struct Member: Sendable {
        var landmark: GazetteerLandmark
        var mode: StationForms.Mode?
        var line: String?
    }

    /// One station complex: records of one key within `complexReach` of each other.
    struct Complex: Sendable {
        var members: [Member]
    }

    /// Records of one key this close (single linkage) are one complex (metres).
    static let complexReach = 600.0

    let complexes: [String: [Complex]]

    init(landmarks: [GazetteerLandmark]) {
        var byKey: [String: [Member]] = [:]
        for landmark in landmarks where landmark.kind == .station {
            guard let forms = StationForms.gazetteerForms(landmark.name) else { continue }
            for key in forms.keys {
                byKey[key, default: []].append(Member(landmark: landmark, mode: forms.mode, line: forms.line))
            }
        }
        var complexes: [String: [Complex]] = [:]
        for (key, members) in byKey {
            let clusters = SingleLinkage.clusters(members.map { ($0.landmark.x, $0.landmark.y) },
                                                  within: Self.complexReach)
            complexes[key] = clusters.map { Complex(members: $0.map { members[$0] }) }
        }
        self.complexes = complexes
    }
}

extension GazetteerStore {
    /// Every station landmark (NaPTAN stations, Open Names railway stations, points-file stations).
    func stationLandmarks() throws(GazetteerStoreError) -> [GazetteerLandmark] {
        try read { db in
            try GazetteerLandmark.fetchAll(db, sql: "SELECT * FROM landmark WHERE kind = 'station' ORDER BY id")
        }
    }
}

extension CandidateBuilder {
    /// Penalty for a station read from a bare name (no mode, line or station word written): kept just above a
    /// street of the same name, as a bare station name in a police record most often means the station.
    static let stationAssumed = 1.0
    /// A complex's radius beyond its farthest record's point: a record's point is the middle of its entrances.
    static let stationEntrances = 150.0
    /// A station this far from every locality named is not the one meant.
    static let stationLocalityReach = 2500.0

    /// True when a text reads as a station that the gazetteer holds (then bus stops named after it are not it).
    func stationCandidates() -> [MatchCandidate] {
        guard parse.houseNumber == nil, parse.crossStreet == nil, !text.isEmpty else { return [] }
        let index = lookups.stations()
        let readings = StationForms.readings(text).filter { $0.marked || $0.whole }
        for reading in readings {
            guard let complexes = index.complexes[reading.key] else { continue }
            return complexes.map { candidate($0, reading: reading) }
        }
        // `BANK AND MONUMENT`, `KINGS CROSS / ST PANCRAS`: two stations joined into one complex.
        for reading in readings {
            let words = reading.key.split(separator: " ").map(String.init)
            for cut in words.indices where words[cut] == "AND" && cut > 0 && cut < words.count - 1 {
                guard let left = index.complexes[words[..<cut].joined(separator: " ")],
                      let right = index.complexes[words[(cut + 1)...].joined(separator: " ")] else { continue }
                var joined: [StationIndex.Complex] = []
                for a in left {
                    for b in right where Self.closest(a, b) <= StationIndex.complexReach {
                        joined.append(StationIndex.Complex(members: a.members + b.members))
                    }
                }
                if !joined.isEmpty { return joined.map { candidate($0, reading: reading) } }
            }
        }
        return []
    }

    /// The least distance between two complexes' records.
    static func closest(_ a: StationIndex.Complex, _ b: StationIndex.Complex) -> Double {
        var best = Double.infinity
        for p in a.members {
            for q in b.members { best = min(best, planeDistance(p.landmark.x, p.landmark.y, q.landmark.x, q.landmark.y)) }
        }
        return best
    }

    private func candidate(_ complex: StationIndex.Complex, reading: StationForms.Reading) -> MatchCandidate {
        // The records of the line, else of the mode, written; all when none matches.
        var chosen = complex.members
        if let line = reading.line, case let onLine = chosen.filter({ $0.line == line }), !onLine.isEmpty {
            chosen = onLine
        } else if let mode = reading.mode,
                  case let ofMode = chosen.filter({ $0.mode == mode || ($0.mode == nil && mode == .rail) }),
                  !ofMode.isEmpty {
            chosen = ofMode
        }
        let x = chosen.map(\.landmark.x).reduce(0, +) / Double(chosen.count)
        let y = chosen.map(\.landmark.y).reduce(0, +) / Double(chosen.count)
        let spread = chosen.map { planeDistance($0.landmark.x, $0.landmark.y, x, y) }.max() ?? 0
        var faults: [Fault] = []
        if !reading.marked { faults.append(Fault(Scoring.stationAssumed, penalty: Self.stationAssumed)) }
        let boroughs = Set(chosen.compactMap(\.landmark.boroughID))
        if !evidence.boroughIDs.isEmpty, boroughs.isDisjoint(with: evidence.boroughIDs) {
            faults.append(Fault(Scoring.boroughMismatch, penalty: reading.marked ? 10 : 20))
        }
        if let d = evidence.postcodeDistance(x: x, y: y), d > 400 {
            faults.append(Fault(Scoring.postcodeConflict, penalty: d > 2000 ? 30 : 15))
        }
        if !evidence.localities.isEmpty,
           evidence.localities.map({ planeDistance($0.x, $0.y, x, y) }).min()! > Self.stationLocalityReach {
            // A bare name with a place far from the station is more likely a street of that name there.
            faults.append(Fault(Scoring.localityMismatch, penalty: reading.marked ? 8 : 20))
        }
        let first = chosen.min { $0.landmark.id < $1.landmark.id }!.landmark
        // `Lancaster Gate, Bayswater`: the street of that name beside the station is as likely.
        let precision = max(Self.stationReach, spread + Self.stationEntrances, alternativeStreetReach(reading, x: x, y: y) ?? 0)
        return MatchCandidate(
            level: .landmark, x: x, y: y, precisionMeters: precision,
            matched: first.name, award: Scoring.award(.landmark), faults: faults,
            boroughID: first.boroughID ?? boroughs.first, key: .landmark(first.id))
    }
}
