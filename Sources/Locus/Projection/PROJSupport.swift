import CPROJ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers over PROJ's C API shared by `Projector` and its info report. Not public.
enum PROJ {
    /// The PROJ library version, e.g. "9.1.1".
    static var version: String {
        "\(PROJ_VERSION_MAJOR).\(PROJ_VERSION_MINOR).\(PROJ_VERSION_PATCH)"
    }

    /// PROJ's default search folders (PROJ_DATA or the user folder and the installed data folder).
    static func defaultSearchPaths() -> [String] { searchPathsFromInfo }

    /// Read once, copied: `proj_info()` builds its search path string in a global that PROJ frees on the
    /// next call, so calling it from two threads at once (two projectors made together) can read freed memory.
    /// A `static let` is initialised exactly once, thread-safely.
    private static let searchPathsFromInfo: [String] = {
        guard let joined = proj_info().searchpath else { return [] }
        return String(cString: joined).split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }()

    /// Keeps PROJ's last error message for our own error text, instead of letting PROJ print it.
    final class LogCapture {
        var lastMessage: String?
    }

    /// A new context with network access off, PROJ's messages captured in `log` and `paths` as its search path.
    static func makeContext(searchPaths paths: [String], log: LogCapture) throws(ProjectionError) -> OpaquePointer {
        guard let ctx = proj_context_create() else {
            throw .projUnavailable(reason: "proj_context_create failed")
        }
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(log).toOpaque()) { data, _, message in
            guard let data, let message else { return }
            Unmanaged<LogCapture>.fromOpaque(data).takeUnretainedValue().lastMessage = String(cString: message)
        }
        proj_context_set_enable_network(ctx, 0)
        if !paths.isEmpty {
            var cStrings = paths.map { strdup($0) }
            defer { cStrings.forEach { free($0) } }
            cStrings.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
                    proj_context_set_search_paths(ctx, Int32(rebound.count), rebound.baseAddress)
                }
            }
        }
        return ctx
    }

    /// Makes `folder` hold only a link to the installed `proj.db`: searching only it, PROJ sees no grid at all
    /// (used for reproducible Helmert-only runs in tests). Returns false when no `proj.db` is found.
    @discardableResult
    static func makeDatabaseOnlyFolder(_ folder: String) -> Bool {
        mkdir(folder, 0o755)
        let link = folder + "/proj.db"
        if access(link, F_OK) == 0 { return true }
        guard let db = defaultSearchPaths().map({ $0 + "/proj.db" }).first(where: { access($0, R_OK) == 0 }) else {
            return false
        }
        return symlink(db, link) == 0
    }

    /// True when `path` is an existing folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The last error of `ctx` in words: PROJ's message when it logged one, else its error code's text.
    static func lastError(_ ctx: OpaquePointer, log: LogCapture? = nil) -> String {
        if let message = log?.lastMessage { return message }
        let code = proj_context_errno(ctx)
        guard code != 0, let text = proj_context_errno_string(ctx, code) else { return "not recognised by PROJ" }
        return String(cString: text)
    }

    /// Reads a CRS. Bare PROJ strings get `+type=crs`, as `proj_create_crs_to_crs` does.
    static func makeCRS(_ text: String, role: String, ctx: OpaquePointer, log: LogCapture)
        throws(ProjectionError) -> OpaquePointer {
        log.lastMessage = nil
        var definition = text.trimmingSpaces
        if definition.hasPrefix("+") && !definition.contains("+type=crs") { definition += " +type=crs" }
        guard !definition.isEmpty, let crs = proj_create(ctx, definition) else {
            if proj_context_get_database_path(ctx) == nil {
                throw .projUnavailable(reason: "proj.db was not found on the search path")
            }
            throw .unknownCRS(role: role, text: text, reason: lastError(ctx, log: log))
        }
        guard proj_is_crs(crs) != 0 else {
            proj_destroy(crs)
            throw .notACRS(role: role, text: text)
        }
        return crs
    }

    /// The CRS's name as PROJ gives it ("OSGB36 / British National Grid").
    static func name(_ object: OpaquePointer) -> String {
        proj_get_name(object).map { String(cString: $0) } ?? "unnamed"
    }

    /// The horizontal CRS of a compound CRS, or the CRS itself.
    private static func horizontal(_ crs: OpaquePointer, ctx: OpaquePointer) -> OpaquePointer? {
        if proj_get_type(crs) == PJ_TYPE_COMPOUND_CRS { return proj_crs_get_sub_crs(ctx, crs, 0) }
        return proj_clone(ctx, crs)
    }

    /// True when the CRS lists northing/latitude before easting/longitude (EPSG:4326 does), so that PROJ's
    /// native order differs from Locus's x/y (longitude/latitude, easting/northing) order.
    static func isNorthingFirst(_ crs: OpaquePointer, ctx: OpaquePointer) -> Bool {
        guard let horizontal = horizontal(crs, ctx: ctx) else { return false }
        defer { proj_destroy(horizontal) }
        guard let cs = proj_crs_get_coordinate_system(ctx, horizontal) else { return false }
        defer { proj_destroy(cs) }
        guard proj_cs_get_axis_count(ctx, cs) >= 2 else { return false }
        var direction: UnsafePointer<CChar>?
        guard proj_cs_get_axis_info(ctx, cs, 0, nil, nil, &direction, nil, nil, nil, nil) != 0,
              let direction else { return false }
        let first = String(cString: direction).lowercased()
        return first == "north" || first == "south"
    }

    /// True for a geographic (latitude/longitude) CRS.
    static func isGeographic(_ crs: OpaquePointer, ctx: OpaquePointer) -> Bool {
        guard let horizontal = horizontal(crs, ctx: ctx) else { return false }
        defer { proj_destroy(horizontal) }
        let type = proj_get_type(horizontal)
        return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
    }

    /// The CRS's area of use in its own x/y coordinates (longitude/latitude or easting/northing),
    /// or nil when PROJ gives no area (a bare PROJ string) or it cannot be projected.
    static func areaOfUse(_ crs: OpaquePointer, ctx: OpaquePointer) -> AreaOfUse? {
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        var areaName: UnsafePointer<CChar>?
        guard proj_get_area_of_use(ctx, crs, &west, &south, &east, &north, &areaName) != 0,
              west.isFinite, south.isFinite, east.isFinite, north.isFinite, west > -1000 else { return nil }
        let name = areaName.map { String(cString: $0) } ?? "area of use"
        let lonLat = AreaOfUse(name: name, minX: west, minY: south, maxX: east, maxY: north,
                               wrapsX: west > east)
        if isGeographic(crs, ctx: ctx) { return lonLat }
        // Project the longitude/latitude box into the CRS through its own geographic CRS (no datum shift).
        guard let geodetic = proj_crs_get_geodetic_crs(ctx, crs) else { return nil }
        defer { proj_destroy(geodetic) }
        guard let raw = proj_create_crs_to_crs_from_pj(ctx, geodetic, crs, nil, nil) else { return nil }
        defer { proj_destroy(raw) }
        guard let toCRS = proj_normalize_for_visualization(ctx, raw) else { return nil }
        defer { proj_destroy(toCRS) }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        guard proj_trans_bounds(ctx, toCRS, PJ_FWD, west, south, east, north,
                                &minX, &minY, &maxX, &maxY, 21) != 0,
              minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else { return nil }
        return AreaOfUse(name: name, minX: minX, minY: minY, maxX: maxX, maxY: maxY, wrapsX: false)
    }
}

/// A CRS's area of use as a box in that CRS's x/y coordinates; a geographic box may cross the antimeridian.
struct AreaOfUse: Sendable, Equatable {
    /// PROJ's name of the area ("United Kingdom (UK) - offshore to boundary of UKCS …").
    var name: String
    var minX: Double, minY: Double, maxX: Double, maxY: Double
    /// True when the box crosses the antimeridian (minX > maxX in longitude).
    var wrapsX: Bool

    @inline(__always)
    func contains(x: Double, y: Double) -> Bool {
        guard y >= minY && y <= maxY else { return false }
        return wrapsX ? (x >= minX || x <= maxX) : (x >= minX && x <= maxX)
    }
}
