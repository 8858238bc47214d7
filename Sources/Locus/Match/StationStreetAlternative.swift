extension CandidateBuilder {
    /// How far the place may be from a bare-name station's point when the name is also a street's: written
    /// with a place after it (`Lancaster Gate, Bayswater`, the `Street, Area` form of an address), a bare name
    /// may as well be the street of that name as the station. When such a street comes within
    /// `StationIndex.complexReach` of the station, the radius covers the street too (its extent seen from the
    /// station's point, and its reach where its points are few); nil when no such street is near or the text
    /// says it is a station (a mode, a line, a station word) or writes no place.
    func alternativeStreetReach(_ reading: StationForms.Reading, x: Double, y: Double) -> Double? {
        // A place written in another part than the name (the bare name may itself read as a locality).
        let placeElsewhere = parse.places.contains { place in
            place.kind != .noise && parse.words.contains { $0.part != reading.part && $0.span.overlaps(place.span) }
        }
        guard !reading.marked, placeElsewhere else { return nil }
        var reach: Double?
        for street in lookups.streets(named: reading.key)
        where street.distanceFromExtent(x, y) <= StationIndex.complexReach {
            let whole = lookups.reach(of: street, extentAgrees: true)
            let covered = street.reach(from: x, y, reach: whole)
            reach = max(reach ?? 0, covered)
        }
        return reach
    }
}
