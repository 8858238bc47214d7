import CPROJ

/// WGS84 longitude/latitude → British National Grid for the sources that give degrees (FHRS, points files).
///
/// The minimal PROJ call, in this one place, until the projection helper's `Projector` is on main.
/// Not thread-safe: one instance per build.
final class SourceProjection {
    private let context: OpaquePointer?
    private let transform: OpaquePointer?

    init() throws(GazetteerBuildError) {
        context = proj_context_create()
        let raw = proj_create_crs_to_crs(context, "EPSG:4326", "EPSG:27700", nil)
        guard let raw else {
            proj_context_destroy(context)
            throw .database("PROJ cannot transform EPSG:4326 to EPSG:27700: is proj-data installed?")
        }
        // Longitude first, whatever the CRS axis order says.
        transform = proj_normalize_for_visualization(context, raw)
        proj_destroy(raw)
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// (easting, northing) of a point in degrees, or nil when PROJ cannot place it.
    func grid(longitude: Double, latitude: Double) -> (x: Double, y: Double)? {
        guard longitude.isFinite, latitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        let out = proj_trans(transform, PJ_FWD, proj_coord(longitude, latitude, 0, 0))
        let x = out.xy.x, y = out.xy.y
        guard x.isFinite, y.isFinite, x != Double.infinity else { return nil }
        return ((x * 10).rounded() / 10, (y * 10).rounded() / 10)
    }
}
