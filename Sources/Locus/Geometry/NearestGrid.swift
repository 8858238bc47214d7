/// Points in a flat grid of square cells, answering "the nearest point" (for `--anonymise`, a borough's map
/// points; at build, a borough's live map-point candidates): a cell's points are contiguous in one array (a
/// counting sort by cell), so a search reads arrays only, no hash table. Rings of cells outwards from the
/// query's cell, stopping once a ring's inner edge is beyond the best distance found or the rings cover every
/// cell; ties: the lower index. The builder and `--anonymise` search the same way, so the map point a row goes
/// to is the one the catchments were computed with.
struct NearestGrid: Sendable {
    let cellSize: Double
    /// The cells' range: columns `minX...maxX`, rows `minY...maxY`.
    private let minX: Int, minY: Int, maxX: Int, maxY: Int
    /// Cell `c` (row-major from (minX, minY)) holds `members[starts[c]..<starts[c + 1]]`.
    private let starts: [Int32]
    /// Global point indices, ascending within a cell, with their coordinates alongside.
    private let members: [Int32]
    private let xs: [Double], ys: [Double]

    /// `indices` (ascending) into `x`, `y`: the points of the grid.
    init(indices: [Int], x: [Double], y: [Double], cellSize: Double) {
        self.cellSize = cellSize
        let cells = indices.map { (Self.cell(x[$0], cellSize), Self.cell(y[$0], cellSize)) }
        let lowX = cells.map(\.0).min() ?? 0, highX = cells.map(\.0).max() ?? -1
        let lowY = cells.map(\.1).min() ?? 0, highY = cells.map(\.1).max() ?? -1
        (minX, maxX, minY, maxY) = (lowX, highX, lowY, highY)
        let columns = highX - lowX + 1, count = max(0, columns * (highY - lowY + 1))
        var starts = [Int32](repeating: 0, count: count + 1)
        let slots = cells.map { ($0.1 - lowY) * columns + ($0.0 - lowX) }
        for s in slots { starts[s + 1] += 1 }
        for c in 0..<count { starts[c + 1] += starts[c] }
        var next = starts, members = [Int32](repeating: 0, count: indices.count)
        for (k, s) in slots.enumerated() {
            members[Int(next[s])] = Int32(indices[k])
            next[s] += 1
        }
        self.starts = starts
        self.members = members
        xs = members.map { x[Int($0)] }
        ys = members.map { y[Int($0)] }
    }

    /// The cell of a coordinate (finite, well within `Int`'s range).
    @inline(__always)
    private static func cell(_ v: Double, _ size: Double) -> Int { Int((v / size).rounded(.down)) }

    /// The nearest point (global index) to (x, y), among those with `alive[index]` when given, or nil when none
    /// is within `limit` metres (one may be returned that is farther: the caller checks the distance).
    func nearest(_ x: Double, _ y: Double, within limit: Double = .infinity, alive: [Bool]? = nil) -> Int? {
        guard !members.isEmpty, x.isFinite, y.isFinite, abs(x) < 1e12, abs(y) < 1e12 else { return nil }
        let cx = Self.cell(x, cellSize), cy = Self.cell(y, cellSize)
        var bestD = Double.infinity, bestID = Int.max
        @inline(__always) func visit(_ gx: Int, _ gy: Int) {
            guard gx >= minX, gx <= maxX, gy >= minY, gy <= maxY else { return }
            let c = (gy - minY) * (maxX - minX + 1) + (gx - minX)
            for k in Int(starts[c])..<Int(starts[c + 1]) {
                let id = Int(members[k])
                if let alive, !alive[id] { continue }
                let d = (xs[k] - x) * (xs[k] - x) + (ys[k] - y) * (ys[k] - y)
                if d < bestD || (d == bestD && id < bestID) { (bestD, bestID) = (d, id) }
            }
        }
        var ring = 0
        while true {
            if ring == 0 {
                visit(cx, cy)
            } else {
                // The ring's top and bottom rows, then its sides, clipped to the grid.
                var gx = max(cx - ring, minX)
                while gx <= min(cx + ring, maxX) {
                    visit(gx, cy - ring)
                    visit(gx, cy + ring)
                    gx += 1
                }
                var gy = max(cy - ring + 1, minY)
                while gy <= min(cy + ring - 1, maxY) {
                    visit(cx - ring, gy)
                    visit(cx + ring, gy)
                    gy += 1
                }
            }
            let found = bestID != Int.max
            // Every point not yet seen is farther than `ring` cells.
            if found && Double(ring) * cellSize >= bestD.squareRoot() { return bestID }
            if cx - ring < minX && cy - ring < minY && cx + ring > maxX && cy + ring > maxY { return found ? bestID : nil }
            if Double(ring) * cellSize >= limit { return found ? bestID : nil }
            ring += 1
        }
    }
}
