import Foundation

/// Wraps a geocoder so that no exact point leaves it: every located result is moved to the nearest map point
/// of its own borough (see `MapPointRules`), police.uk-style.
///
/// What changes: easting/northing become the map point's (so latitude, longitude and `--crs` x, y follow);
/// `matched` becomes `On or near <name>`; `precision_m` becomes the map point's reach plus the match's own
/// precision, rounded up to 10 m (it depends on the map point and the match type, not on the exact point);
/// `postcode` is cut to its sector. What stays: match_type, score, faults, and the borough, ward and LSOA of
/// the exact point. A result with no map point of its borough within 20 km (or without a borough) loses its
/// coordinates, `matched` and `precision_m`, with the fault `anonymise.no_map_point`.
struct AnonymisingGeocoder: Geocoding {
    /// The fault of a located result that had no map point to go to.
    static let noMapPoint = "anonymise.no_map_point"

    let inner: any Geocoding
    let index: MapPointIndex

    init(wrapping inner: any Geocoding, index: MapPointIndex) {
        self.inner = inner
        self.index = index
    }

    func geocode(_ query: LocationQuery) -> GeocodeResult { anonymise(inner.geocode(query)) }
    func readFailure() -> (any Error)? { inner.readFailure() }

    /// The result as published: see the type's description.
    func anonymise(_ exact: GeocodeResult) -> GeocodeResult {
        var result = exact
        result.postcode = exact.postcode.map(Self.sector)
        guard let x = exact.easting, let y = exact.northing else {
            // Not located: `matched` may still name an exact place (a rejected address), so it goes too.
            if exact.level != .none { result.matched = "" }
            return result
        }
        guard let borough = index.boroughID(named: exact.borough),
              let (found, _) = index.nearestIndex(x: x, y: y, boroughID: borough) else {
            result.easting = nil
            result.northing = nil
            result.matched = ""
            result.precisionMeters = nil
            result.faults.append(Fault(Self.noMapPoint))
            return result
        }
        let point = index.points[found]
        result.easting = point.x
        result.northing = point.y
        result.matched = index.labels[found]
        result.precisionMeters = ((point.reach + (exact.precisionMeters ?? 0)) / 10).rounded(.up) * 10
        return result
    }

    /// `CR0 1AB` → `CR0 1`; anything else unchanged.
    static func sector(_ postcode: String) -> String {
        // The gazetteer's form (printable ASCII, one space inside, three characters after it) without splitting.
        let utf8 = postcode.utf8
        if let space = utf8.firstIndex(of: 0x20), space != utf8.startIndex,
           utf8.distance(from: space, to: utf8.endIndex) == 4,
           utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
           !utf8[utf8.index(after: space)...].contains(0x20) {
            return String(postcode[...utf8.index(space, offsetBy: 1)])
        }
        let parts = postcode.split(separator: " ")
        guard parts.count == 2, parts[1].count == 3 else { return postcode }
        return parts[0] + " " + parts[1].prefix(1)
    }
}
