/// Issue 11 (pattern 7): a written postcode unit and a written street and house number that place the address
/// apart. A mis-keyed unit is usually another real unit: its centroid is answered with full confidence while the
/// street and number written say the place is elsewhere.
///
/// The conflict is taken as real only when both pieces of evidence are firm: the house number was found (or
/// placed between known numbers) on the street exactly as written (no respelling, no other type, in no other
/// borough than the one given), that street is the nearest of its name to the unit (a same-name street nearer
/// the unit may be the place, its numbers unknown), the unit's own premises (its address points) lie on other
/// streets only, and the numbered point lies beyond both radii from the unit. Then the unit loses
/// `postcode.street_far`'s points: with a postcode award of 84 it falls below the score that gets coordinates,
/// so neither place is answered with coordinates (the written street's point already carries
/// `postcode.conflict`).
///
/// A unit with no premises of its own is not doubted: nothing then says it belongs to another street (measured:
/// doubting it too took 25 correct answers for 3 wrong ones on the dev files without the borough column).
struct PostcodeStreetConflict {
    let lookups: MatchLookups
    let evidence: MatchEvidence

    /// The penalty on the unit's candidate: 84 → 69, under `Matcher.defaultMinimumScore`.
    static let penalty = 15.0
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
        guard !own.isEmpty, !own.contains(streetID) else { return false }
        let d = street.distanceFromExtent(unit.x, unit.y)
        return !lookups.streets(named: street.name).contains { $0.distanceFromExtent(unit.x, unit.y) < d }
    }
}

extension GazetteerStore {
    /// The streets holding the unit's own address points (empty when the lookup fails).
    func unitStreets(_ postcode: String) -> [Int64] { (try? addressStreets(postcode: postcode)) ?? [] }
}
