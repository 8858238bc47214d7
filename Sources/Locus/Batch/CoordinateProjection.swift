/// A batch of British National Grid points and what they become: WGS84 longitude/latitude and, when a
/// `--crs` is set, x/y in it. NaN marks a point that could not be converted.
public struct CoordinateBatch: Sendable {
    /// The points' eastings, BNG metres.
    public var easting: [Double] = []
    /// The points' northings, BNG metres.
    public var northing: [Double] = []
    /// WGS84 longitudes, filled by a `CoordinateConverter`.
    public var longitude: [Double] = []
    /// WGS84 latitudes, filled by a `CoordinateConverter`.
    public var latitude: [Double] = []
    /// x in the target CRS, when the projection has one.
    public var x: [Double] = []
    /// y in the target CRS, when the projection has one.
    public var y: [Double] = []

    /// An empty batch.
    public init() {}

    /// Points in the batch.
    public var count: Int { easting.count }

    /// Empties the batch, keeping its storage for the next chunk.
    public mutating func removeAll() {
        easting.removeAll(keepingCapacity: true)
        northing.removeAll(keepingCapacity: true)
        longitude.removeAll(keepingCapacity: true)
        latitude.removeAll(keepingCapacity: true)
        x.removeAll(keepingCapacity: true)
        y.removeAll(keepingCapacity: true)
    }

    /// Adds a BNG point to convert.
    public mutating func append(easting e: Double, northing n: Double) {
        easting.append(e)
        northing.append(n)
    }
}

/// Converts batches of BNG points on one thread (PROJ objects must not be shared between threads).
public protocol CoordinateConverter: AnyObject {
    /// Fills `longitude`/`latitude` (and `x`/`y` when the projection has a target CRS) for every point.
    func convert(_ batch: inout CoordinateBatch)
}

/// What the batch pipeline needs to place its points: a converter per worker thread and words for the summary.
public struct CoordinateProjection: Sendable {
    /// The `--crs` (for `x, y`), or nil.
    public let targetCRS: String?
    /// True when the target CRS counts in degrees (x, y are then written with 6 decimals, else 2).
    public let targetIsAngular: Bool
    /// The operation(s) used, for the run summary.
    public let operation: String
    /// Makes the converter one worker thread uses.
    public let makeConverter: @Sendable () throws(BatchError) -> any CoordinateConverter

    /// A projection from its parts (`proj(targetCRS:)` makes the one `locus geocode` uses).
    public init(
        targetCRS: String?, targetIsAngular: Bool, operation: String,
        makeConverter: @escaping @Sendable () throws(BatchError) -> any CoordinateConverter
    ) {
        self.targetCRS = targetCRS
        self.targetIsAngular = targetIsAngular
        self.operation = operation
        self.makeConverter = makeConverter
    }
}
