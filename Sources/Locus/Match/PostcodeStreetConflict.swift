/// Issue 11 (pattern 7): a written postcode unit and a written street and house number that place the address
/// apart. A mis-keyed unit is usually another real unit: its centroid is answered with full confidence while the
/// street and number written say the place is elsewhere.
///
/// The conflict is taken as real only when both pieces of evidence are firm: the house number was found (or
/// placed between known numbers) on the street exactly as written (no respelling, no other type, in no other
/// borough than the one given), that street is the nearest of its name to the unit (a same-name street nearer
/// the unit may be the place, its numbers unknown), the unit's own premises (its address points) lie on other
/// streets only (or it has none and the street is far: below), and the numbered point lies beyond both radii
/// from the unit. Then the unit loses `postcode.street_far`'s points: with a postcode award of 84 it falls below
/// the score that gets coordinates. The numbered point (carrying its own `postcode.conflict`) is answered when it
/// still scores 70, a few hundred metres off; kilometres off, neither place gets coordinates.
///
/// A unit with no premises of its own (nothing then says it belongs to another street) is doubted only when the
/// street written is in the unit's borough and beyond the 400 m at which a street already conflicts with a unit
/// (measured: doubting every such unit took 25 correct answers for 3 wrong ones on the dev files without the
/// borough column; beyond 300 m, 3 correct for 3 wrong).
struct PostcodeStreetConflict {
    let lookups: MatchLookups
    let evidence: MatchEvidence

    /// The penalty on the unit's candidate: 84 → 69, under `Matcher.defaultMinimumScore`.
    static let penalty = 15.0
    /// A street this far from the unit carries `postcode.conflict` (as `CandidateBuilder.evidenceFaults` gives it).
    static let streetConflictDistance = 400.0
    /// Faults of a reading that make its street other than the one written.
    static let inexact: Set<String> = [
        Scoring.streetSpelling, Scoring.streetTypeMismatch, Scoring.streetTypeMissing, Scoring.streetTypeUnconfirmed,
        Scoring.boroughMismatch,
    ]

    /// `candidates` with `postcode.street_far` on the unit's candidate when the written street and number
    /// contradict it.
    func marking(_ candidates: [MatchCandidate]) -> [MatchCandidate] {
        guard let unit = evidence.unit,
              let at = candidates.firstIndex(where: { $0.level == .postcode && $0.key == .postcode(unit.postcode) }),
              candidates.contains(where: contradicts) else { return candidates }
        var out = candidates
        out[at].faults.append(Fault(Scoring.postcodeStreetFar, penalty: Self.penalty))
        return out
    }

    /// True when `numbered` is a house number found on the written street that places the address away from the
    /// written unit, whose own premises are on other streets.
    func contradicts(_ numbered: MatchCandidate) -> Bool {
        guard let unit = evidence.unit, numbered.level == .address || numbered.level == .interpolated,
              case .streetNumber(let streetID, _) = numbered.key,
              !numbered.faults.contains(where: { Self.inexact.contains($0.code) }),
              planeDistance(unit.x, unit.y, numbered.x, numbered.y)
                > CandidateBuilder.postcodeReach + numbered.precisionMeters,
              let street = lookups.street(id: streetID) else { return false }
        let own = lookups.store.unitStreets(unit.postcode)
        if own.isEmpty {
            // Nothing says the unit belongs to another street: doubted only when the street written, in the unit's
            // own borough, lies beyond the distance at which a street already conflicts with a unit.
            guard street.boroughID == unit.boroughID,
                  (evidence.postcodeDistance(to: street, lookups: lookups) ?? 0) > Self.streetConflictDistance
            else { return false }
        } else if own.contains(streetID) {
            return false
        }
        let d = street.distanceFromExtent(unit.x, unit.y)
        return !lookups.streets(named: street.name).contains { $0.distanceFromExtent(unit.x, unit.y) < d }
    }
}

extension GazetteerStore {
    /// The streets holding the unit's own address points (empty when the lookup fails).
    func unitStreets(_ postcode: String) -> [Int64] { (try? addressStreets(postcode: postcode)) ?? [] }
}
