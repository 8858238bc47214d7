/// Issue 11: what a written postcode unit says about a street, read from the unit's own address points as well as
/// its centroid.
///
/// A unit is a set of delivery points, not one: the gazetteer's unit point is their centroid, and a unit along a
/// long street (or a misplaced centroid) may reach hundreds of metres from it. An address point the premises
/// files give the written unit is where the unit is, so a street holding one is the unit's street however far the
/// centroid, and a number on it is measured from the unit's nearest own point.
extension MatchEvidence {
    /// The written unit's own numbered address points on `street` (empty without a unit). Only on the street of
    /// its name nearest the unit's centroid: a point given the unit on a same-name street farther off is a
    /// premises record's slip, not the unit's reach.
    func unitPoints(on street: GazetteerStreet, lookups: MatchLookups) -> [AddressPoint] {
        guard let unit else { return [] }
        let own = lookups.addresses(streetID: street.id).numbered.filter { $0.postcode == unit.postcode }
        guard !own.isEmpty else { return [] }
        let d = street.distanceFromExtent(unit.x, unit.y)
        let nearer = lookups.streets(named: street.name).contains {
            $0.id != street.id && $0.distanceFromExtent(unit.x, unit.y) < d
        }
        return nearer ? [] : own
    }

    /// `postcodeDistance(to:)`, but 0 when the street holds an address point of the written unit.
    func postcodeDistance(to street: GazetteerStreet, lookups: MatchLookups) -> Double? {
        guard let d = postcodeDistance(to: street) else { return nil }
        if d > 0, !unitPoints(on: street, lookups: lookups).isEmpty { return 0 }
        return d
    }

    /// `postcodeDistance(x:y:)` for a point on `street`: from the nearer of the unit's centroid and the unit's own
    /// address points on that street.
    func postcodeDistance(x: Double, y: Double, on street: GazetteerStreet, lookups: MatchLookups) -> Double? {
        guard let d = postcodeDistance(x: x, y: y) else { return nil }
        return unitPoints(on: street, lookups: lookups).reduce(d) { min($0, planeDistance($1.x, $1.y, x, y)) }
    }
}
