/// A street's lines joined into chains (its source lines laid end to end where exactly two meet), for the point
/// of the street nearest a place and for house numbers placed along the street rather than on a chord.
struct StreetShape: Sendable {
    /// Polylines, each a list of segments laid end to end.
    let chains: [[StreetGeometry.Segment]]

    /// A point this far from the street's lines is not on them (metres): interpolation along a line needs both
    /// known numbers on one chain.
    static let onLine = 40.0

    var isEmpty: Bool { chains.isEmpty }

    /// Joins the segments of each source line, then lines whose ends meet where no third line ends.
    init(segments: [(line: Int64, segment: StreetGeometry.Segment)]) {
        var lines: [[StreetGeometry.Segment]] = []
        var current: Int64?
        for (line, segment) in segments {
            if line != current || lines.isEmpty { lines.append([]); current = line }
            lines[lines.count - 1].append(segment)
        }
        func key(_ p: StreetGeometry.Point) -> String { "\(p.x),\(p.y)" }
        func reversed(_ chain: [StreetGeometry.Segment]) -> [StreetGeometry.Segment] {
            chain.reversed().map { .init(a: $0.b, b: $0.a) }
        }
        var joined = true
        while joined {
            joined = false
            var ends: [String: [Int]] = [:]
            for (i, chain) in lines.enumerated() {
                ends[key(chain.first!.a), default: []].append(i)
                ends[key(chain.last!.b), default: []].append(i)
            }
            search: for i in lines.indices {
                for end in [key(lines[i].last!.b), key(lines[i].first!.a)] {
                    guard let at = ends[end], at.count == 2, at[0] != at[1] else { continue }
                    let j = at[0] == i ? at[1] : at[0]
                    var a = lines[i], b = lines[j]
                    if key(a.last!.b) != end { a = reversed(a) }
                    if key(b.first!.a) != end { b = reversed(b) }
                    lines[min(i, j)] = a + b
                    lines.remove(at: max(i, j))
                    joined = true
                    break search
                }
            }
        }
        chains = lines
    }

    /// The nearest point on the street's lines to (x, y), with its distance.
    func nearest(_ x: Double, _ y: Double) -> (point: StreetGeometry.Point, distance: Double)? {
        var best: StreetGeometry.Projection?
        for chain in chains {
            if let p = StreetGeometry.project(.init(x: x, y: y), onto: chain), best.map({ p.distance < $0.distance }) ?? true {
                best = p
            }
        }
        return best.map { ($0.point, $0.distance) }
    }

    /// The point a fraction `t` of the way from `a` to `b` measured along the street's line, when both lie
    /// within `onLine` of one chain; nil otherwise (then a chord is all there is).
    func along(from a: StreetGeometry.Point, to b: StreetGeometry.Point, fraction t: Double) -> StreetGeometry.Point? {
        for chain in chains {
            guard let pa = StreetGeometry.project(a, onto: chain), let pb = StreetGeometry.project(b, onto: chain),
                  pa.distance <= Self.onLine, pb.distance <= Self.onLine else { continue }
            return StreetGeometry.point(at: pa.measure + t * (pb.measure - pa.measure), along: chain)
        }
        return nil
    }
}

extension MatchLookups {
    /// The street's lines as chains (empty for a street known only by points).
    func shape(streetID: Int64) -> StreetShape {
        shapes.value(streetID) { StreetShape(segments: (try? store.segments(streetID: streetID)) ?? []) }
    }
}
