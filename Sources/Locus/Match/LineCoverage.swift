/// Where the gazetteer's street lines reach: the line data (`street_segment`) covers only part of London, and a
/// line running off its edge was cut there, so only a line whose every end lies well inside the covered ground
/// shows its street's whole extent.
///
/// Read from the gazetteer, never a box written down: the covered ground is the `cellSize` cells the lines pass
/// through.
struct LineCoverage: Sendable {
    /// Cells of this size (metres) hold the coverage; an end needs its own cell and the eight around it covered.
    static let cellSize = 250.0
    /// Lines are sampled this often along their length (well under a cell).
    static let step = 50.0
    private let cells: Set<Int64>

    init(segments: [StreetGeometry.Segment]) {
        var cells = Set<Int64>()
        for s in segments {
            let n = max(1, Int(s.length / Self.step))
            for i in 0...n {
                let t = Double(i) / Double(n)
                cells.insert(Self.cell(s.a.x + t * (s.b.x - s.a.x), s.a.y + t * (s.b.y - s.a.y), 0, 0))
            }
        }
        self.cells = cells
    }

    /// Reads every street line once (per matcher).
    init(store: GazetteerStore) {
        self.init(segments: (try? store.allSegments()) ?? [])
    }

    private static func cell(_ x: Double, _ y: Double, _ dx: Int64, _ dy: Int64) -> Int64 {
        (Int64((x / cellSize).rounded(.down)) + dx) << 32 | ((Int64((y / cellSize).rounded(.down)) + dy) & 0xFFFF_FFFF)
    }

    /// True when the street has lines and every end of them lies inside the covered ground (not at its edge):
    /// the lines then show the street's whole extent, however few points it has.
    func holdsWhole(_ shape: StreetShape) -> Bool {
        guard !shape.isEmpty else { return false }
        return shape.chains.allSatisfy { chain in
            [chain.first!.a, chain.last!.b].allSatisfy { end in
                (-1...1).allSatisfy { dx in (-1...1).allSatisfy { dy in cells.contains(Self.cell(end.x, end.y, Int64(dx), Int64(dy))) } }
            }
        }
    }
}

extension MatchLookups {
    /// `StreetReach.reach(of:extentAgrees:)`, counting a street whose lines show its whole extent
    /// (`LineCoverage.holdsWhole`) as well known however few its points: its extent is its lines'.
    func reach(of street: GazetteerStreet, extentAgrees: Bool = true) -> Double {
        let wholeLine = extentAgrees && street.points < StreetReach.wellKnownPoints
            && lineCoverage.value(0) { LineCoverage(store: store) }.holdsWhole(shape(streetID: street.id))
        return wholeLine ? street.halfDiagonal : streetReach.reach(of: street, extentAgrees: extentAgrees)
    }
}
