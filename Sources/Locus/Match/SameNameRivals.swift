/// Which same-name streets are rivals of a numbered answer: a street cut at a borough boundary is one street
/// with one run of numbers, so its other piece is no rival however few of the number's neighbours it holds.
enum SameNameRivals {
    /// Two same-name streets of different boroughs whose extents come this close are one street run on across
    /// the boundary. The extents are the known points', which stop short of the boundary where points are
    /// sparse: in the London gazetteer, same-name pairs across boroughs number 341 with extents within 100 m,
    /// then 50, 37, 27, 21, 20, 12, 8, 8 per further 100 m, down to the 3-5 of unrelated streets by 900 m.
    static let runOn = 800.0
}

extension CandidateKey {
    /// The street a street or numbered-street key is on; nil for other keys.
    var streetID: Int64? {
        switch self {
        case let .street(id), let .streetNumber(id, _): return id
        default: return nil
        }
    }
}

extension MatchLookups {
    /// True when `a` and `b` lie on two pieces of one street cut at a borough boundary: same-name streets of
    /// different boroughs whose extents come within `SameNameRivals.runOn` (the gazetteer keeps one street per
    /// borough). The number written is then sought on one street, so a piece not holding it is no rival.
    func continuesAcrossBoundary(_ a: MatchCandidate, _ b: MatchCandidate) -> Bool {
        guard let ida = a.key.streetID, let idb = b.key.streetID, ida != idb,
              let sa = street(id: ida), let sb = street(id: idb),
              sa.name == sb.name, sa.boroughID != sb.boroughID else { return false }
        return sa.extentGap(to: sb) <= SameNameRivals.runOn
    }
}
