extension CandidateBuilder {
    /// Penalty for answering with another street the text names when the place's own street is not found
    /// (`LITTLE BROOK GREEN, BROOK GREEN`): the place is on a street the gazetteer does not hold, somewhere near
    /// the one named beside it, not on it. Below the score that gets coordinates, as `junctionNotFound`.
    static let otherStreetOnly = 20.0

    /// `onStreet` with fault `street.other_only` when every reading is of a street written beside the parse's own
    /// street (none of the parse's street itself was found; a road number written beside it reads as the street
    /// itself, see `readings`).
    func markingOtherStreetsOnly(_ onStreet: [MatchCandidate], readings: [StreetReading]) -> [MatchCandidate] {
        guard parse.street != nil, !readings.isEmpty, !readings.contains(where: \.numbered) else { return onStreet }
        return onStreet.map {
            var c = $0
            c.faults.append(Fault(Scoring.streetOtherOnly, penalty: Self.otherStreetOnly))
            return c
        }
    }
}
