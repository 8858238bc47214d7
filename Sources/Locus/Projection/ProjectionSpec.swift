/// What to reproject: a source and a target CRS and where PROJ looks for its database and grids.
///
/// A spec is a plain Sendable value: hand it to each thread and call `makeProjector()` there, since a
/// `Projector` (one PROJ context) must be used by one thread at a time.
public struct ProjectionSpec: Sendable, Hashable {
    /// The source CRS as PROJ reads it: `EPSG:27700`, a WKT string or a PROJ string (`+proj=…`).
    public var source: String
    /// The target CRS, in the same forms.
    public var target: String
    /// Folders searched first for `proj.db` and grids (before `PROJ_DATA` and PROJ's own).
    public var searchPaths: [String]
    /// When true (the default) PROJ's own folders follow `searchPaths`: `PROJ_DATA`, the user's PROJ folder
    /// and the installed data folder. Set to false to search only `searchPaths`.
    public var includeDefaultSearchPaths: Bool

    /// A transformation between two CRSs (EPSG:nnnn, WKT or PROJ strings).
    public init(from source: String, to target: String, searchPaths: [String] = [],
                includeDefaultSearchPaths: Bool = true) {
        self.source = source
        self.target = target
        self.searchPaths = searchPaths
        self.includeDefaultSearchPaths = includeDefaultSearchPaths
    }

    /// British National Grid (OSGB36, EPSG:27700).
    public static let britishNationalGrid = "EPSG:27700"
    /// WGS 84 longitude/latitude (EPSG:4326; Locus always gives longitude first).
    public static let wgs84 = "EPSG:4326"

    /// BNG easting/northing → WGS 84 longitude/latitude.
    public static let bngToWGS84 = ProjectionSpec(from: britishNationalGrid, to: wgs84)
    /// WGS 84 longitude/latitude → BNG easting/northing.
    static let wgs84ToBNG = ProjectionSpec(from: wgs84, to: britishNationalGrid)

    /// BNG easting/northing → any CRS PROJ knows (`--crs EPSG:nnnn`).
    public static func fromBNG(to target: String, searchPaths: [String] = []) -> ProjectionSpec {
        ProjectionSpec(from: britishNationalGrid, to: target, searchPaths: searchPaths)
    }

    /// The same spec with `directory` searched first (for example the folder holding the OSTN15 grid).
    func searching(_ directory: String) -> ProjectionSpec {
        var copy = self
        copy.searchPaths.insert(directory, at: 0)
        return copy
    }

    /// Creates the PROJ context, the two CRSs and their candidate operations (a few milliseconds: do it once
    /// per thread, not per point).
    public func makeProjector() throws(ProjectionError) -> Projector {
        try Projector(spec: self)
    }
}

/// Why a projector could not be made. The messages say what to change.
public enum ProjectionError: Error, Equatable, CustomStringConvertible {
    /// PROJ could not read `text` as a CRS (`role` is "source" or "target").
    case unknownCRS(role: String, text: String, reason: String)
    /// `text` is something PROJ knows but not a coordinate reference system (for example a bare operation).
    case notACRS(role: String, text: String)
    /// PROJ knows no way between the two CRSs.
    case noOperation(source: String, target: String, reason: String)
    /// A folder given for PROJ's data does not exist.
    case searchPathMissing(path: String)
    /// PROJ could not start (for example `proj.db` is missing from every search path).
    case projUnavailable(reason: String)

    public var description: String {
        switch self {
        case let .unknownCRS(role, text, reason):
            return "unknown \(role) CRS '\(Self.shorten(text))' (\(reason)); use EPSG:nnnn (e.g. EPSG:27700, EPSG:4326),"
                + " a WKT string or a PROJ string such as '+proj=utm +zone=30 +datum=WGS84'"
        case let .notACRS(role, text):
            return "the \(role) '\(Self.shorten(text))' is not a coordinate reference system;"
                + " give a CRS such as EPSG:27700 or '+proj=longlat +datum=WGS84'"
        case let .noOperation(source, target, reason):
            return "PROJ has no transformation from \(source) to \(target) (\(reason))"
        case let .searchPathMissing(path):
            return "the PROJ data folder \(path) does not exist; pass a folder that holds grids (and proj.db)"
        case let .projUnavailable(reason):
            return "PROJ cannot start: \(reason); install proj-data or point PROJ_DATA at a folder holding proj.db"
        }
    }

    private static func shorten(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(77)) + "..."
    }
}
