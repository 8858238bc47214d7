import GRDB

/// How far a place on a street may lie from the point Locus gives for it, from the street's own known extent.
///
/// A street known by many points (addresses, stops) shows its length in its extent. One known by a few says
/// nothing of its length: the place may be anywhere along it, so its reach is that of the long streets of its
/// borough, read from the gazetteer (the `percentile` of the half-diagonals of the borough's well-known
/// streets): short in the City, long in the outer boroughs. Never a constant fitted to cases.
struct StreetReach: Sendable {
    /// A street with at least this many known points shows its own extent.
    static let wellKnownPoints = 5
    /// The share of a borough's well-known streets whose half-extent the reach of a little-known street covers.
    static let percentile = 0.9
    /// The reach of a little-known street when its borough has too few well-known streets to say (London-wide).
    let london: Double
    let byBorough: [Int64: Double]
    /// A borough needs this many well-known streets for its own figure.
    static let minimumSample = 20

    init(halfExtents: [(boroughID: Int64?, halfDiagonal: Double)]) {
        func quantile(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * Self.percentile))]
        }
        london = quantile(halfExtents.map(\.halfDiagonal))
        var grouped: [Int64: [Double]] = [:]
        for e in halfExtents { if let b = e.boroughID { grouped[b, default: []].append(e.halfDiagonal) } }
        byBorough = grouped.compactMapValues { $0.count >= Self.minimumSample ? quantile($0) : nil }
    }

    /// Reads the well-known streets' extents from the gazetteer (once per matcher: one scan of `street`).
    init(store: GazetteerStore) {
        let rows = (try? store.read { db in
            try Row.fetchAll(db, sql: "SELECT borough_id, min_x, min_y, max_x, max_y FROM street WHERE points >= ?",
                             arguments: [Self.wellKnownPoints])
        }) ?? []
        self.init(halfExtents: rows.map { row in
            let (minX, minY, maxX, maxY): (Double, Double, Double, Double) = (row[1], row[2], row[3], row[4])
            return (row[0], planeDistance(minX, minY, maxX, maxY) / 2)
        })
    }

    /// How far a place on `street` may be from its centroid: its own half-extent when it is well known, else
    /// at least the typical reach of its borough's streets. `extentAgrees` false: the evidence (a locality
    /// named that the street's known points are not in) says the place may be on a stretch the known points
    /// do not show, so the street counts as little known.
    func reach(of street: GazetteerStreet, extentAgrees: Bool = true) -> Double {
        guard street.points < Self.wellKnownPoints || !extentAgrees else { return street.halfDiagonal }
        let typical = street.boroughID.flatMap { byBorough[$0] } ?? london
        return max(street.halfDiagonal, typical)
    }
}
