/// A grid-cell index over fixed points, for the builder's nearest-point and within-radius questions.
struct PointGrid {
    let cellSize: Double
    let xs: [Double]
    let ys: [Double]
    private var cells: [Int64: [Int32]] = [:]

    init(xs: [Double], ys: [Double], cellSize: Double) {
        self.cellSize = cellSize
        self.xs = xs
        self.ys = ys
        for i in xs.indices { cells[key(cell(xs[i]), cell(ys[i])), default: []].append(Int32(i)) }
    }

    @inline(__always) private func cell(_ v: Double) -> Int64 { Int64((v / cellSize).rounded(.down)) }
    @inline(__always) private func key(_ cx: Int64, _ cy: Int64) -> Int64 { cx << 32 | (cy & 0xFFFF_FFFF) }

    /// Calls `body(index, distance)` for every point within `radius` of (x, y).
    func forEach(near x: Double, _ y: Double, within radius: Double, _ body: (Int, Double) -> Void) {
        let reach = Int64((radius / cellSize).rounded(.up))
        let cx = cell(x), cy = cell(y)
        for gx in (cx - reach)...(cx + reach) {
            for gy in (cy - reach)...(cy + reach) {
                guard let members = cells[key(gx, gy)] else { continue }
                for m in members {
                    let i = Int(m)
                    let d = planeDistance(xs[i], ys[i], x, y)
                    if d <= radius { body(i, d) }
                }
            }
        }
    }

    /// The nearest point within `radius` (ties: the lower index), or nil.
    func nearest(_ x: Double, _ y: Double, within radius: Double) -> (index: Int, distance: Double)? {
        var best: (index: Int, distance: Double)?
        var reach = min(radius, cellSize)
        while best == nil {
            forEach(near: x, y, within: reach) { i, d in
                if best == nil || d < best!.distance || (d == best!.distance && i < best!.index) { best = (i, d) }
            }
            if reach >= radius { break }
            reach = min(radius, reach * 2)
        }
        return best
    }
}

/// Single-linkage clustering: points closer than the distance (directly or through a chain) share a cluster.
enum SingleLinkage {
    /// Clusters as lists of point indexes, ascending; clusters ordered by their first index.
    static func clusters(_ points: [(Double, Double)], within distance: Double) -> [[Int]] {
        if points.count == 1 { return [[0]] }
        var parent = Array(points.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        let grid = PointGrid(xs: points.map(\.0), ys: points.map(\.1), cellSize: distance)
        for i in points.indices {
            grid.forEach(near: points[i].0, points[i].1, within: distance) { j, _ in
                let a = find(i), b = find(j)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        for i in points.indices { byRoot[find(i), default: []].append(i) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }
}
