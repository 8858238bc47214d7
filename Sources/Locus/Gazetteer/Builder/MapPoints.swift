/// police.uk-style anonymous map points, chosen at `gazetteer build`.
///
/// Candidates are the centre of every street (`MapPointPlanner.streetCentre`) and every public place the
/// gazetteer knows (stations and named places: `LandmarkKind.station`, `.place`). Every live postcode unit
/// belongs to the catchment of the candidate nearest to it **in the unit's own borough** (a discrete Voronoi
/// diagram over the postcode units, clipped to the borough). A catchment's postal addresses are estimated as
/// its units × `MapPointRules.addressesPerUnit`. A candidate whose catchment holds some units but fewer
/// estimated addresses than the threshold is merged away: it is dropped and its units go to their nearest
/// remaining candidate of the same borough (its nearest neighbours), smallest catchment first (ties: lower
/// candidate number), until every catchment meets the threshold or holds no units. The result depends only
/// on the sources and the threshold.
package enum MapPointRules {
    /// Estimated postal addresses per live postcode unit. Deliberately low: Royal Mail's average is about 15
    /// delivery points per unit, but a unit may hold a single address (a large user or a lone house); with
    /// 4, the default threshold of 8 needs at least two live units in every catchment that has any.
    static let addressesPerUnit = 4
    /// The default least number of estimated addresses in a catchment that holds any (police.uk's figure).
    package static let defaultThreshold = 8
    /// A point further than this from every map point of its borough keeps no coordinates (police.uk's rule).
    static let maximumSnapDistance = 20_000.0
}

/// One candidate map point before catchments are computed.
struct MapPointCandidate {
    var kind: String
    /// 1-based id of the street or landmark it stands for.
    var refID: Int64
    var name: String
    var borough: Int64
    var x: Double
    var y: Double
}

/// One map point kept, with its catchment.
struct PlannedMapPoint {
    var candidate: MapPointCandidate
    var units: Int
    /// The farthest postcode unit or merged candidate of its catchment, metres (rounded up).
    var reach: Double
}

/// Computes the catchments and the merges: see `MapPointRules`.
struct MapPointPlanner {
    let threshold: Int

    /// A street's map point: of the street's known points that are not addresses (bus stops, stations, named
    /// points), the one nearest the mean of all its points (on the street, unlike the mean of a curved
    /// street); the mean itself when there is none. With street lines, the middle of the line.
    static func streetCentre(_ points: [(x: Double, y: Double)], mean: (x: Double, y: Double)) -> (x: Double, y: Double) {
        var best = mean, bestD = Double.infinity
        for p in points {
            let d = (p.x - mean.x) * (p.x - mean.x) + (p.y - mean.y) * (p.y - mean.y)
            if d < bestD { best = p; bestD = d }
        }
        return best
    }

    /// Whether a street name makes a map-point label: letters, no digits (drops address fragments).
    static func isLabelName(_ name: String) -> Bool {
        name.contains { $0.isLetter } && !name.contains { $0.isNumber }
    }

    /// Plans the map points: `units` are (postcode id, x, y, borough id) of the live units with a borough.
    /// Returns the kept points (in candidate order) and each unit's map point index in that list.
    func plan(candidates: [MapPointCandidate], units: [(id: Int64, x: Double, y: Double, borough: Int64)])
        -> (points: [PlannedMapPoint], unitPoint: [(postcode: Int64, point: Int)]) {
        let byBorough = Dictionary(grouping: candidates.indices) { candidates[$0].borough }
        var alive = Array(repeating: true, count: candidates.count)
        let xs = candidates.map(\.x), ys = candidates.map(\.y)
        var grids: [Int64: NearestGrid] = [:]
        for (borough, members) in byBorough {
            grids[borough] = NearestGrid(indices: members, x: xs, y: ys, cellSize: 500)
        }
        // Catchments: unit index lists per candidate.
        var catchment = Array(repeating: [Int](), count: candidates.count)
        for (u, unit) in units.enumerated() {
            guard let grid = grids[unit.borough],
                  let c = grid.nearest(unit.x, unit.y, alive: alive) else { continue }
            catchment[c].append(u)
        }
        let perUnit = MapPointRules.addressesPerUnit
        func short(_ c: Int) -> Bool { !catchment[c].isEmpty && catchment[c].count * perUnit < threshold }
        var mergedInto = Array(repeating: -1, count: candidates.count)
        var pending = candidates.indices.filter(short)
        while !pending.isEmpty {
            pending.sort { (catchment[$0].count, $0) < (catchment[$1].count, $1) }
            var next: [Int] = []
            for c in pending where alive[c] && short(c) {
                let grid = grids[candidates[c].borough]!
                alive[c] = false
                guard grid.nearest(candidates[c].x, candidates[c].y, alive: alive) != nil else {
                    alive[c] = true  // the borough's last map point stays, short or not
                    continue
                }
                for u in catchment[c] {
                    let to = grid.nearest(units[u].x, units[u].y, alive: alive)!
                    catchment[to].append(u)
                    if short(to) { next.append(to) }
                }
                catchment[c] = []
                mergedInto[c] = grid.nearest(candidates[c].x, candidates[c].y, alive: alive)!
            }
            pending = next.filter { alive[$0] && short($0) }
        }
        // Reach: the farthest unit of the catchment, or candidate merged into it (followed to a live one).
        var reach = Array(repeating: 0.0, count: candidates.count)
        func distance(_ c: Int, _ x: Double, _ y: Double) -> Double {
            planeDistance(candidates[c].x, candidates[c].y, x, y)
        }
        for c in candidates.indices where !alive[c] {
            let grid = grids[candidates[c].borough]!
            if let to = grid.nearest(candidates[c].x, candidates[c].y, alive: alive) {
                reach[to] = max(reach[to], distance(to, candidates[c].x, candidates[c].y))
            }
        }
        var index = Array(repeating: -1, count: candidates.count)
        var points: [PlannedMapPoint] = []
        for c in candidates.indices where alive[c] {
            for u in catchment[c] { reach[c] = max(reach[c], distance(c, units[u].x, units[u].y)) }
            index[c] = points.count
            points.append(PlannedMapPoint(candidate: candidates[c], units: catchment[c].count, reach: reach[c].rounded(.up)))
        }
        var unitPoint: [(postcode: Int64, point: Int)] = []
        for c in candidates.indices where alive[c] {
            for u in catchment[c] { unitPoint.append((units[u].id, index[c])) }
        }
        unitPoint.sort { $0.postcode < $1.postcode }
        _ = mergedInto
        return (points, unitPoint)
    }
}
