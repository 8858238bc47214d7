/// Plane geometry of street lines in British National Grid metres, shared by the builder (junctions, densified
/// line points) and the matcher (the point of a street nearest a place, house numbers along a line).
enum StreetGeometry {
    /// A point in BNG metres.
    struct Point: Equatable, Sendable {
        var x: Double
        var y: Double
    }

    /// One straight piece of a line.
    struct Segment: Equatable, Sendable {
        var a: Point
        var b: Point
        var length: Double { planeDistance(a.x, a.y, b.x, b.y) }
    }

    /// Where a point falls on a polyline: the nearest point on it, how far that is, and how far along the
    /// polyline (metres from its start) it lies.
    struct Projection: Equatable, Sendable {
        var point: Point
        var distance: Double
        var measure: Double
        /// The segment the point lies on.
        var segment: Int
    }

    /// Lines whose ends or crossings come this close (metres) meet: the same node written twice after
    /// projection, never two streets that only pass near each other.
    static let meetTolerance = 0.5

    /// The nearest point to `p` on segment `s`, with the fraction along it (0 at `a`, 1 at `b`).
    static func nearest(on s: Segment, to p: Point) -> (point: Point, t: Double) {
        let dx = s.b.x - s.a.x, dy = s.b.y - s.a.y
        let squared = dx * dx + dy * dy
        guard squared > 0 else { return (s.a, 0) }
        let t = max(0, min(1, ((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / squared))
        return (Point(x: s.a.x + t * dx, y: s.a.y + t * dy), t)
    }

    /// The nearest point to `p` on a polyline of segments laid end to end (ties: the earlier segment).
    static func project(_ p: Point, onto segments: [Segment]) -> Projection? {
        var best: Projection?
        var start = 0.0
        for (i, s) in segments.enumerated() {
            let (q, t) = nearest(on: s, to: p)
            let d = planeDistance(q.x, q.y, p.x, p.y)
            if best.map({ d < $0.distance }) ?? true {
                best = Projection(point: q, distance: d, measure: start + t * s.length, segment: i)
            }
            start += s.length
        }
        return best
    }

    /// The point `measure` metres along a polyline of segments laid end to end (clamped to its ends).
    static func point(at measure: Double, along segments: [Segment]) -> Point? {
        guard let first = segments.first else { return nil }
        var left = max(0, measure)
        for s in segments {
            let length = s.length
            if left <= length {
                let t = length > 0 ? left / length : 0
                return Point(x: s.a.x + t * (s.b.x - s.a.x), y: s.a.y + t * (s.b.y - s.a.y))
            }
            left -= length
        }
        return segments.last.map(\.b) ?? first.a
    }

    /// The point where two segments meet: a shared or touching end, or a crossing; nil when they only pass
    /// near (farther than `meetTolerance`) or run along each other.
    static func meeting(_ s: Segment, _ u: Segment, crossings: Bool = true) -> Point? {
        // Ends that touch the other segment (a shared node, or a T whose stem ends on the bar).
        for end in [s.a, s.b] where distance(end, u) <= meetTolerance { return end }
        for end in [u.a, u.b] where distance(end, s) <= meetTolerance { return end }
        guard crossings else { return nil }
        let rx = s.b.x - s.a.x, ry = s.b.y - s.a.y, qx = u.b.x - u.a.x, qy = u.b.y - u.a.y
        let denominator = rx * qy - ry * qx
        guard denominator != 0 else { return nil }
        let wx = u.a.x - s.a.x, wy = u.a.y - s.a.y
        let t = (wx * qy - wy * qx) / denominator, v = (wx * ry - wy * rx) / denominator
        guard t >= 0, t <= 1, v >= 0, v <= 1 else { return nil }
        return Point(x: s.a.x + t * rx, y: s.a.y + t * ry)
    }

    /// Distance from `p` to segment `s`.
    static func distance(_ p: Point, _ s: Segment) -> Double {
        let q = nearest(on: s, to: p).point
        return planeDistance(q.x, q.y, p.x, p.y)
    }

    /// The points of a polyline with extra points put in so that consecutive points are at most `spacing`
    /// metres apart (the original vertices kept, in order), flagged true for the original vertices.
    static func densified(_ points: [Point], spacing: Double) -> [(point: Point, vertex: Bool)] {
        guard let first = points.first else { return [] }
        var out: [(Point, Bool)] = [(first, true)]
        for (a, b) in zip(points, points.dropFirst()) {
            let pieces = Int((planeDistance(a.x, a.y, b.x, b.y) / spacing).rounded(.up))
            if pieces > 1 {
                for k in 1..<pieces {
                    let t = Double(k) / Double(pieces)
                    out.append((Point(x: ((a.x + t * (b.x - a.x)) * 10).rounded() / 10,
                                      y: ((a.y + t * (b.y - a.y)) * 10).rounded() / 10), false))
                }
            }
            out.append((b, true))
        }
        return out
    }
}
