import Foundation
import GRDB

/// `locus reverse`: a point → the nearest street and public place (with distances), the postcode unit and its
/// borough, ward and LSOA, and the police.uk-style label of the nearest map point of that borough.
///
/// It runs inside the batch pipeline as a `Geocoding`: the query text is the two coordinate fields joined
/// (`x, y`: longitude-or-easting first; `ReverseColumns` orders them), read in `inputCRS`. The added columns
/// are geocode's (latitude … lsoa hold the point itself and its areas, `matched` the label, `match_type`
/// `street` within `streetRadius` of a street, else `postcode`, else `none`) then `ReverseGeocoder.columns`.
package struct ReverseGeocoder: Geocoding {
    /// The columns reverse adds after geocode's.
    package static let columns = ["street", "street_distance_m", "place", "place_distance_m"]
    /// A row whose coordinates cannot be read.
    static let badCoordinates = "reverse.bad_coordinates"
    /// A point without a postcode unit within `searchRadius`: outside the gazetteer's area.
    package static let outside = "reverse.outside_gazetteer"
    /// Streets and places further than this are not named.
    static let searchRadius = 2_000.0
    static let streetRadius = 100.0

    let store: GazetteerStore
    let index: MapPointIndex
    let streets: NamedPoints
    let places: NamedPoints
    let projectors: ProjectorPool?

    /// Loads the street points and public places of `store`'s gazetteer, and its map points. `inputCRS`:
    /// `EPSG:27700` (easting, northing) or any PROJ CRS read as x = longitude/easting, y = latitude/northing.
    package init(store: GazetteerStore, inputCRS: String) throws {
        self.store = store
        index = try MapPointIndex.load(store.path)
        let queue = try GazetteerStore.openReadOnly(store.path)
        (streets, places) = try queue.read { db in
            let s = try NamedPoints(db, sql: """
                SELECT p.x, p.y, s.name FROM street_point p JOIN street s ON s.id = p.street_id ORDER BY s.id, p.rowid
                """)
            let l = try NamedPoints(db, sql: "SELECT x, y, name FROM landmark WHERE kind IN ('station', 'place') ORDER BY id")
            return (s, l)
        }
        projectors = inputCRS == ProjectionSpec.britishNationalGrid
            ? nil : ProjectorPool(spec: ProjectionSpec(from: inputCRS, to: ProjectionSpec.britishNationalGrid))
        _ = try projectors?.check()
    }

    /// The first gazetteer read that failed during the run, if any (`Geocoding`).
    package func readFailure() -> (any Error)? { store.firstReadError }

    /// The map point nearest the coordinates the query's text holds (`Geocoding`).
    package func geocode(_ query: LocationQuery) -> GeocodeResult {
        let parts = query.text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let a = parts[0], let b = parts[1], a.isFinite, b.isFinite,
              let (x, y) = toGrid(a, b) else {
            return .unmatched([Fault(Self.badCoordinates)])
        }
        var result = GeocodeResult(easting: (x * 10).rounded() / 10, northing: (y * 10).rounded() / 10)
        let unit = try? store.nearestPostcode(x: x, y: y, within: Self.searchRadius)
        guard let unit else {
            result.easting = nil
            result.northing = nil
            result.faults = [Fault(Self.outside)]
            return result
        }
        result.postcode = unit.postcode
        result.borough = unit.boroughID.flatMap { store.borough(id: $0)?.shortName }
        result.ward = unit.wardID.flatMap { store.ward(id: $0)?.name }
        result.lsoa = unit.lsoa
        result.level = .postcode
        result.score = 100
        let street = streets.nearest(x, y, within: Self.searchRadius)
        let place = places.nearest(x, y, within: Self.searchRadius)
        if let street, street.distance <= Self.streetRadius { result.level = .street }
        if let borough = unit.boroughID, let point = index.nearest(x: x, y: y, boroughID: borough)?.point {
            result.matched = point.label
        }
        result.extras = [street?.name ?? "", street.map { String(Int($0.distance.rounded())) } ?? "",
                         place?.name ?? "", place.map { String(Int($0.distance.rounded())) } ?? ""]
        return result
    }

    /// (a, b) in the input CRS → BNG, or nil when it cannot be transformed.
    private func toGrid(_ a: Double, _ b: Double) -> (Double, Double)? {
        guard let projectors else { return (a, b) }
        let out = projectors.transform(a, b)
        return out.status == .ok && out.x.isFinite && out.y.isFinite ? (out.x, out.y) : nil
    }
}

/// Named points in a grid, for nearest-name questions.
struct NamedPoints: Sendable {
    let grid: PointGrid
    let names: [String]

    init(_ db: Database, sql: String) throws {
        var xs: [Double] = [], ys: [Double] = [], names: [String] = []
        for row in try Row.fetchAll(db, sql: sql) {
            xs.append(row[0]); ys.append(row[1]); names.append(row[2])
        }
        grid = PointGrid(xs: xs, ys: ys, cellSize: 250)
        self.names = names
    }

    func nearest(_ x: Double, _ y: Double, within radius: Double) -> (name: String, distance: Double)? {
        grid.nearest(x, y, within: radius).map { (names[$0.index], $0.distance) }
    }
}

/// PROJ transformers for several threads: each call takes a free one (or makes one) and gives it back.
final class ProjectorPool: @unchecked Sendable {
    let spec: ProjectionSpec
    private let lock = NSLock()
    private var free: [Projector] = []

    init(spec: ProjectionSpec) { self.spec = spec }

    /// Makes the first transformer, so that a CRS PROJ does not know fails before any row is read.
    func check() throws -> Bool {
        let projector = try spec.makeProjector()
        lock.lock(); free.append(projector); lock.unlock()
        return true
    }

    func transform(_ x: Double, _ y: Double) -> (x: Double, y: Double, status: PointStatus) {
        lock.lock()
        let taken = free.popLast()
        lock.unlock()
        guard let projector = taken ?? (try? spec.makeProjector()) else { return (.nan, .nan, .transformFailed) }
        let out = projector.transform(x: x, y: y)
        lock.lock(); free.append(projector); lock.unlock()
        return out
    }
}
