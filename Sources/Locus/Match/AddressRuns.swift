/// Whether a house number's own point agrees with its neighbours' on the street: a London street may be numbered
/// in more than one run (HIGH ROAD through two districts), and a premises point may be misplaced, so a point
/// standing apart from every nearby number is not sure to be the place.
extension StreetAddresses {
    /// Numbers this close to the one sought are its neighbours.
    static let neighbourNumbers = 6

    /// The distance from (x, y), the point found for `number`, to its nearest known neighbour (a number within
    /// `neighbourNumbers` of it), when every neighbour lies farther than their frontage allows
    /// (`AddressLocator.maxMetresPerNumber` a number) plus both points' own uncertainty
    /// (`CandidateBuilder.numberedPointFloor` each): the place may then be by the neighbours instead. Nil when no
    /// neighbour is known or one agrees.
    func apartFromNeighbours(_ number: Int, x: Double, y: Double) -> Double? {
        var nearest = Double.infinity
        var i = firstIndex(above: number - Self.neighbourNumbers - 1)
        while i < numbers.count, numbers[i] <= number + Self.neighbourNumbers {
            defer { i += 1 }
            let gap = abs(numbers[i] - number)
            guard gap > 0 else { continue }
            let d = planeDistance(numbered[i].x, numbered[i].y, x, y)
            if d <= AddressLocator.maxMetresPerNumber * Double(gap) + 2 * CandidateBuilder.numberedPointFloor {
                return nil
            }
            nearest = min(nearest, d)
        }
        return nearest.isFinite ? nearest : nil
    }
}

extension StreetAddresses {
    /// The street's numbered points in the localities named (`localityIDs`), when it holds points in more than
    /// one locality and some in a named one; else the street's points (self).
    ///
    /// A long London street crossing districts is often numbered afresh in each (HIGH ROAD LEYTON and HIGH ROAD
    /// LEYTONSTONE are one HIGH ROAD in the gazetteer, their numbers interleaved a kilometre apart): each premises
    /// point carries the town its record names, so a locality written with the street says which run the number
    /// is on.
    func inLocalities(_ localityIDs: [Int64]) -> StreetAddresses {
        guard !localityIDs.isEmpty else { return self }
        let named = Set(localityIDs)
        // Some points in a named locality, and some in another.
        guard !self.localityIDs.isDisjoint(with: named), !self.localityIDs.isSubset(of: named) else { return self }
        return StreetAddresses(numbered.filter { $0.localityID.map(named.contains) ?? false })
    }
}

extension MatchLookups {
    /// True when `street` runs through one of `localities`: it is the street's own locality, or one of its
    /// numbered premises points is in it (a street crossing districts has one locality in the gazetteer, but
    /// each premises record names its own town). Then the locality named is no evidence against the street
    /// (`locality.mismatch`). The street's reach (`StreetReach`, `extentAgrees`) still asks for its own locality:
    /// a few premises points in the locality say the street runs there, not that its known extent covers it
    /// (measured on dev with the borough column: 2 more wrong answers and street calibration 98.8 → 97.1 %).
    func runsThrough(_ street: GazetteerStreet, _ localities: [GazetteerLocality]) -> Bool {
        if extentAgrees(street, localities) { return true }
        return !addresses(streetID: street.id).localityIDs.isDisjoint(with: localities.map(\.id))
    }
}

extension MatchLookups {
    /// True when the localities named leave the street's known extent standing (`StreetReach`): none is named,
    /// one is the street's own, or one bears the street's own name (TOWER HILL the locality is named after TOWER
    /// HILL the street: the words read as the street are no other evidence of where on it).
    func extentAgrees(_ street: GazetteerStreet, _ localities: [GazetteerLocality]) -> Bool {
        localities.isEmpty || localities.contains { $0.id == street.localityID || canonicalName(of: $0) == street.name }
    }
}
