/// Finds a house number on one street: the address point itself, or a point between the nearest known numbers
/// on the same side when they are close together.
struct AddressLocator {
    let lookups: MatchLookups
    let street: GazetteerStreet
    let evidence: MatchEvidence

    struct Found {
        var level: MatchLevel
        var x: Double
        var y: Double
        var precision: Double
        var postcode: String?
    }

    /// Interpolation only between numbers at most this far apart in number…
    static let maxNumberGap = 30
    /// Without a bracket, the nearest known number is used when at most this many numbers away.
    static let maxNearestGap = 40
    /// …and in metres.
    static let maxMetreGap = 350.0
    /// More metres than this per house number between two known numbers on one side is not one run of numbers.
    static let maxMetresPerNumber = 30.0

    func locate(_ house: HouseNumber) -> Found? {
        // A street numbered afresh in each district it crosses: the locality named says which run.
        let all = lookups.addresses(streetID: street.id)
        let known = all.inLocalities(evidence.localities.map(\.id))
        let exact = known.covering(house.number)
        if !exact.isEmpty {
            let sameSuffix = exact.filter { $0.suffix == house.suffix }
            let pool = sameSuffix.isEmpty ? exact : sameSuffix
            let chosen = pool.min { a, b in
                let da = evidence.postcodeDistance(x: a.x, y: a.y) ?? 0
                let db = evidence.postcodeDistance(x: b.x, y: b.y) ?? 0
                return da != db ? da < db : a.id < b.id
            }!
            // A point shared with other records is often the postcode's, not the building's; one apart from every
            // neighbouring number may be by them instead (`apartFromNeighbours`).
            let own = chosen.sharedPoint ? CandidateBuilder.sharedPointReach : 40
            let apart = all.apartFromNeighbours(house.number, x: chosen.x, y: chosen.y) ?? 0
            return Found(level: .address, x: chosen.x, y: chosen.y, precision: max(own, apart), postcode: chosen.postcode)
        }
        return interpolate(house.number, known)
    }

    /// How far apart two house numbers are, counting a facing number (other parity) as two more.
    static func numberGap(_ a: Int, _ b: Int) -> Int {
        let d = abs(a - b)
        return d % 2 == 0 ? d : d + 2
    }

    /// `known`: the street's numbered points.
    private func interpolate(_ number: Int, _ known: StreetAddresses) -> Found? {
        let all = known.numbered, numbers = known.numbers, ids = known.ids
        guard !all.isEmpty else { return nil }
        // The nearest same-side numbers below (the lowest id among equals) and above (likewise), and the
        // nearest number on this side and on either side, in one pass.
        // Indices, not copies: an address point carries several strings.
        var lowerAt: Int?, higherAt: Int?, nearAt = 0, nearGap = Int.max, sideAt = 0, sideGap = Int.max
        for i in numbers.indices {
            let n = numbers[i]
            let gap = Self.numberGap(n, number)
            if (n - number) % 2 == 0 {
                if n < number, lowerAt.map({ n > numbers[$0] }) ?? true { lowerAt = i }
                if n > number, higherAt == nil { higherAt = i }
                if gap < sideGap || (gap == sideGap && ids[i] < ids[sideAt]) { (sideAt, sideGap) = (i, gap) }
            }
            if gap < nearGap || (gap == nearGap && ids[i] < ids[nearAt]) { (nearAt, nearGap) = (i, gap) }
        }
        let lower = lowerAt.map { all[$0] }, higher = higherAt.map { all[$0] }
        if let lo = lower, let hi = higher, hi.number! - lo.number! <= Self.maxNumberGap {
            let gap = planeDistance(lo.x, lo.y, hi.x, hi.y)
            if gap <= Self.maxMetreGap {
                let t = Double(number - lo.number!) / Double(hi.number! - lo.number!)
                // Along the street's line where it is known (a bent street), else on the chord.
                let along = lookups.shape(streetID: street.id).along(
                    from: .init(x: lo.x, y: lo.y), to: .init(x: hi.x, y: hi.y), fraction: t)
                return Found(level: .interpolated, x: along?.x ?? lo.x + t * (hi.x - lo.x),
                             y: along?.y ?? lo.y + t * (hi.y - lo.y),
                             precision: max(60, gap / 2 + 40), postcode: t < 0.5 ? lo.postcode : hi.postcode)
            }
        }
        // No close bracket: the nearest known number, on this side when one is near enough (the two sides of a
        // London street drift apart, so a facing number says less), else facing it; the radius grows with the
        // number gap (about 7 m of frontage per house on one side).
        if sideGap <= Self.maxNearestGap { (nearAt, nearGap) = (sideAt, sideGap) }
        let near = all[nearAt], gap = nearGap
        if gap <= Self.maxNearestGap {
            var precision = 80 + 3.5 * Double(gap)
            // The known number on the other side of the one sought lies implausibly far for the numbers between
            // (the street is numbered in more than one run, or a point is misplaced): the place may be anywhere
            // up to it.
            if let across = near.number! < number ? higher : lower, abs(across.number! - number) <= Self.maxNearestGap {
                let spread = planeDistance(near.x, near.y, across.x, across.y)
                if spread > Self.maxMetresPerNumber * Double(abs(across.number! - near.number!)) {
                    precision = max(precision, spread)
                }
            }
            return Found(level: .interpolated, x: near.x, y: near.y, precision: precision, postcode: near.postcode)
        }
        return nil
    }
}
