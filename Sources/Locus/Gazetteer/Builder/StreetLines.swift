import Foundation

/// A named street line read from a line source (OpenStreetMap GeoJSON, OS Open Roads), in BNG metres.
///
/// Its points become street mentions of kind `line` (densified to `mentionSpacing`), so a line joins the
/// street of its name and place through the same clustering as every other mention (by name and borough,
/// single linkage): lines of one name in one place are one street with the addresses and stops naming it,
/// the same name elsewhere is another street. The line's own segments are written to `street_segment`.
struct StreetLine {
    /// Canonical street name.
    var name: String
    /// The source's class of road (OSM `highway`, Open Roads `road_classification`).
    var roadClass: String
    /// The line's vertices.
    var points: [StreetGeometry.Point]
    /// False when a crossing of this line with another is no meeting (a bridge or tunnel, or a source whose
    /// lines meet only at shared nodes); shared or touching ends still meet.
    var crossingsMeet: Bool
    /// The importer's format name (`streets-geojson`, `os-open-roads`).
    var source: String
    /// One source feature may give several lines (a MultiLineString's parts, a road number alias): lines of
    /// one feature never form a junction with each other.
    var feature: Int
    /// The street mention of each vertex (same order as `points`).
    var vertexMentions: [Int] = []
}

extension GazetteerDraft {
    /// Line points are mentioned at most this far apart, so the street's known points follow the line.
    static let mentionSpacing = 50.0

    /// Adds a line: mentions its (densified) points as street `name`, and keeps it for segments and
    /// junctions. `points` in BNG metres.
    func addStreetLine(name: String, roadClass: String, points: [StreetGeometry.Point], crossingsMeet: Bool,
                       source: String, feature: Int) {
        guard points.count >= 2, !name.isEmpty else { return }
        var line = StreetLine(name: name, roadClass: roadClass, points: points, crossingsMeet: crossingsMeet,
                              source: source, feature: feature)
        for (point, vertex) in StreetGeometry.densified(points, spacing: Self.mentionSpacing) {
            let mention = mentionStreet(StreetMention(name: name, x: point.x, y: point.y, kind: "line"))
            if vertex { line.vertexMentions.append(mention) }
        }
        streetLines.append(line)
    }

    /// Whether any point of a line lies in London (a London postcode unit within 1 km of it).
    func touchesLondon(_ points: [StreetGeometry.Point]) -> Bool {
        points.contains { isNearLondonPostcode(x: $0.x, y: $0.y) }
    }

    /// Junctions where lines of two differently named streets share a node, touch or cross (a crossing only
    /// when both lines allow it: no bridge or tunnel), computed once after every line source is read. Each
    /// junction names the vertex mentions nearest the meeting point, so it joins the streets those mentions
    /// derive into. Deterministic: lines and segments in source order.
    func deriveLineJunctions() {
        struct Piece { var line: Int; var index: Int; var segment: StreetGeometry.Segment }
        var pieces: [Piece] = []
        for (l, line) in streetLines.enumerated() {
            for k in 0..<(line.points.count - 1) {
                pieces.append(Piece(line: l, index: k, segment: .init(a: line.points[k], b: line.points[k + 1])))
            }
        }
        let cellSize = 100.0
        func cell(_ v: Double) -> Int64 { Int64((v / cellSize).rounded(.down)) }
        var cells: [Int64: [Int32]] = [:]
        for (i, p) in pieces.enumerated() {
            let s = p.segment
            for cx in cell(min(s.a.x, s.b.x) - 1)...cell(max(s.a.x, s.b.x) + 1) {
                for cy in cell(min(s.a.y, s.b.y) - 1)...cell(max(s.a.y, s.b.y) + 1) {
                    cells[cx << 32 | (cy & 0xFFFF_FFFF), default: []].append(Int32(i))
                }
            }
        }
        var pairs: Set<Int64> = []
        for members in cells.values where members.count > 1 {
            for i in members.indices {
                for j in members.indices where j > i {
                    let a = Int64(min(members[i], members[j])), b = Int64(max(members[i], members[j]))
                    pairs.insert(a << 32 | b)
                }
            }
        }
        for pair in pairs.sorted() {
            let p = pieces[Int(pair >> 32)], q = pieces[Int(pair & 0xFFFF_FFFF)]
            let lp = streetLines[p.line], lq = streetLines[q.line]
            guard lp.name != lq.name, lp.feature != lq.feature,
                  let meet = StreetGeometry.meeting(p.segment, q.segment,
                                                    crossings: lp.crossingsMeet && lq.crossingsMeet) else { continue }
            func mention(_ piece: Piece, _ line: StreetLine) -> Int {
                let s = piece.segment
                let nearA = planeDistance(s.a.x, s.a.y, meet.x, meet.y) <= planeDistance(s.b.x, s.b.y, meet.x, meet.y)
                return line.vertexMentions[nearA ? piece.index : piece.index + 1]
            }
            junctions.append(Junction(a: mention(p, lp), b: mention(q, lq), x: (meet.x * 10).rounded() / 10,
                                      y: (meet.y * 10).rounded() / 10, source: "geometry", landmark: nil))
        }
    }
}

extension GazetteerBuilder {
    /// Reads the GeoJSON and OS Open Roads line sources, then derives the junctions of their lines.
    func readStreetLines(into draft: GazetteerDraft) throws(GazetteerBuildError) {
        var projector: Projector?
        func projection() throws(GazetteerBuildError) -> Projector {
            if let projector { return projector }
            do { projector = try ProjectionSpec.wgs84ToBNG.makeProjector() } catch { throw .projection(error.description) }
            return projector!
        }
        for url in sources.streetLines { try draft.importStreetLinesGeoJSON(url, projection: projection) }
        for url in sources.openRoads { try draft.importOpenRoads(url) }
        draft.deriveLineJunctions()
    }
}
