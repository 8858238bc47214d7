/// Finds a house number on one street: the address point itself, or a point between the nearest known numbers
/// on the same side when they are close together.
struct AddressLocator {
    let store: GazetteerStore
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
    static let maxNumberGap = 16
    /// …and in metres.
    static let maxMetreGap = 350.0

    func locate(_ house: HouseNumber) -> Found? {
        let exact = ((try? store.addresses(streetID: street.id, number: house.number)) ?? [])
        if !exact.isEmpty {
            let sameSuffix = exact.filter { $0.suffix == house.suffix }
            let pool = sameSuffix.isEmpty ? exact : sameSuffix
            let chosen = pool.min { a, b in
                let da = evidence.postcodeDistance(x: a.x, y: a.y) ?? 0
                let db = evidence.postcodeDistance(x: b.x, y: b.y) ?? 0
                return da != db ? da < db : a.id < b.id
            }!
            // A point shared with other records is often the postcode's, not the building's.
            return Found(level: .address, x: chosen.x, y: chosen.y, precision: chosen.sharedPoint ? 120 : 40,
                         postcode: chosen.postcode)
        }
        return interpolate(house.number)
    }

    private func interpolate(_ number: Int) -> Found? {
        let all = ((try? store.addresses(streetID: street.id)) ?? []).filter { $0.number != nil }
        guard !all.isEmpty else { return nil }
        let sameSide = all.filter { ($0.number! - number) % 2 == 0 }
        let lower = sameSide.filter { $0.number! < number }.max { ($0.number!, -$0.id) < ($1.number!, -$1.id) }
        let higher = sameSide.filter { $0.number! > number }.min { ($0.number!, $0.id) < ($1.number!, $1.id) }
        if let lo = lower, let hi = higher, hi.number! - lo.number! <= Self.maxNumberGap {
            let gap = planeDistance(lo.x, lo.y, hi.x, hi.y)
            if gap <= Self.maxMetreGap {
                let t = Double(number - lo.number!) / Double(hi.number! - lo.number!)
                return Found(level: .interpolated, x: lo.x + t * (hi.x - lo.x), y: lo.y + t * (hi.y - lo.y),
                             precision: max(60, gap / 2 + 40), postcode: t < 0.5 ? lo.postcode : hi.postcode)
            }
        }
        // One close neighbour, on either side of the road: the place is next to it.
        let close = all.filter { abs($0.number! - number) <= 4 }
            .min { (abs($0.number! - number), $0.id) < (abs($1.number! - number), $1.id) }
        if let close {
            return Found(level: .interpolated, x: close.x, y: close.y, precision: 110, postcode: close.postcode)
        }
        return nil
    }
}
