/// Issue 11's radius and rivalry rules that follow from how the gazetteer's points were made, kept apart from the
/// candidate builder: each reads the data (the known numbers' range, the points' own uncertainty, the gap between
/// two streets' points), never a figure fitted to cases.
enum HonestRadius {
    /// The radius of a number placed from known address points: the guess's own width (half the bracket, or the
    /// frontage to the nearest known number) and the known points' own uncertainty (`numberedPointFloor`: the
    /// premises file's points are often the postcode's) are independent errors, so they add in quadrature; the
    /// larger of the two alone understates it.
    static func interpolated(guess: Double) -> Double {
        (CandidateBuilder.numberedPointFloor * CandidateBuilder.numberedPointFloor + guess * guess).squareRoot()
    }

    /// The least radius of a junction placed where two streets' known points come closest (no lines meet):
    /// the points are premises and stops beside the streets, not where their lines cross, so the crossing may
    /// lie anywhere around the pair, as far off as the gap itself, plus a stop's setback from the corner.
    static func junctionFromPoints(gap: Double) -> Double {
        max(CandidateBuilder.junctionReachFloor, gap + CandidateBuilder.stopSetback)
    }
}

extension StreetAddresses {
    /// True when the street's known numbers leave room for `number`: none are known, or it lies at or below
    /// the highest. The premises files hold a sample of a street's numbers, never all, and a street's numbering
    /// starts at 1 whatever its lowest known number, so a number not held up to the highest is absence of data
    /// (`number.not_held`), not evidence the place is elsewhere; a number beyond every known one is
    /// (`number.not_found`).
    func mayHold(_ number: Int) -> Bool {
        guard let high = ends.max() else { return true }
        return number <= high
    }
}

extension HonestRadius {
    /// True when the street reading `other` may hold the number `best` found on another street of its name:
    /// the gazetteer holds no numbers for it (`number.unknown`), or, in another borough than `best`'s, the number
    /// lies within its known ones (`number.not_held`). The premises files are each borough's own, so coverage is
    /// alike within a borough (a street holding the number beats one holding only its neighbours) and says
    /// nothing across boroughs.
    static func mayHoldNumber(_ other: MatchCandidate, against best: MatchCandidate) -> Bool {
        guard !sameStreet(other.key, best.key) else { return false }
        if other.faults.contains(where: { $0.code == Scoring.numberUnknown }) { return true }
        return other.faults.contains { $0.code == Scoring.numberNotHeld } && other.boroughID != best.boroughID
    }

    /// True when two keys name the same street (a numbered point on it and the street itself).
    static func sameStreet(_ a: CandidateKey, _ b: CandidateKey) -> Bool {
        func id(_ key: CandidateKey) -> Int64? {
            switch key {
            case let .street(id), let .streetNumber(id, _): return id
            default: return nil
            }
        }
        return id(a) != nil && id(a) == id(b)
    }
}

extension HonestRadius {
    /// The score `Matcher.choose` weighs a reading by against `other`: without `street.long` when both are
    /// same-name streets in different boroughs whose numbers do not hold the one written (a numbered text
    /// answered at street level). Then the length says how precise each point is, not which street is the place:
    /// a long street is no less likely for being long, and each borough's premises file covers its own streets
    /// (see `mayHoldNumber`), so the far one is a rival. Otherwise the score.
    static func placeScore(_ candidate: MatchCandidate, against other: MatchCandidate) -> Double {
        let numberFaults: Set<String> = [Scoring.numberNotFound, Scoring.numberUnknown, Scoring.numberNotHeld]
        func numberless(_ c: MatchCandidate) -> Bool { c.faults.contains { numberFaults.contains($0.code) } }
        guard candidate.level == .street, other.level == .street, candidate.matched == other.matched,
              candidate.boroughID != other.boroughID, numberless(candidate), numberless(other) else {
            return candidate.score
        }
        return candidate.score + candidate.faults.reduce(0) { $1.code == Scoring.streetLong ? $0 + $1.penalty : $0 }
    }
}

extension HonestRadius {
    /// Two same-name streets in neighbouring boroughs whose extents come this close are one street cut at the
    /// boundary (the gazetteer keeps one street per borough), for widening a radius over both pieces. The rival
    /// test (`SameNameRivals.runOn`) takes 800 m from the gazetteer's distances; widening radii at 800 m too was
    /// measured (dev, without the borough column: london-dev 85.1/98.9 → 85.2/99.0 %, more-kinds 66.3/98.7 →
    /// 66.1/98.8 %, street calibration up) but is not yet adopted.
    static let continuation = 50.0
}

extension MatchLookups {
    /// How far a place on `street` may be from its centroid when the evidence does not say which borough's piece
    /// it is on: a street crossing a borough boundary is one street per borough in the gazetteer, so the place
    /// may be anywhere on the pieces it runs on into (same-name streets of other boroughs whose extents come
    /// within `HonestRadius.continuation`): half the diagonal of their joined extent; 0 when it runs on into none.
    func continuedReach(of street: GazetteerStreet) -> Double {
        continued.value(street.id) { joinedReach(of: street) }
    }

    private func joinedReach(of street: GazetteerStreet) -> Double {
        var (minX, minY, maxX, maxY) = (street.minX, street.minY, street.maxX, street.maxY)
        var joined = false
        for other in streets(named: street.name) where other.id != street.id && other.boroughID != street.boroughID {
            guard street.extentGap(to: other) <= HonestRadius.continuation else { continue }
            (minX, minY, maxX, maxY) = (min(minX, other.minX), min(minY, other.minY), max(maxX, other.maxX),
                                        max(maxY, other.maxY))
            joined = true
        }
        return joined ? planeDistance(minX, minY, maxX, maxY) / 2 : 0
    }
}
