import Foundation

/// Which columns `locus reverse` reads, and in which coordinate system.
package struct ReverseColumns: Sendable, Equatable {
    /// The x column (longitude or easting), as a `ColumnSelector` text: a header name or a 1-based number.
    package var x: String
    /// The y column (latitude or northing).
    package var y: String
    /// `EPSG:nnnn`: given, else EPSG:27700 for easting/northing columns, else EPSG:4326.
    package var crs: String

    static let longitudeNames: Set<String> = ["longitude", "lon", "lng", "long"]
    static let latitudeNames: Set<String> = ["latitude", "lat"]
    static let eastingNames: Set<String> = ["easting", "eastings", "x"]
    static let northingNames: Set<String> = ["northing", "northings", "y"]

    /// `--x`, `--y` and `--crs` as given; `firstLine`: the input's first bytes when it is a file with a
    /// header (to find the columns by name), else nil (then `longitude` and `latitude` are assumed).
    package init(x: String?, y: String?, crs: String?, firstLine: [UInt8]?) {
        var names: [String] = []
        if let firstLine {
            let delimiter = ColumnLayout.detectDelimiter(firstLine: firstLine)
            let line = firstLine.prefix { $0 != 0x0A && $0 != 0x0D }
            names = line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
                String(decoding: field, as: UTF8.self).filter { $0 != "\"" && $0 != "\u{FEFF}" }
            }
        }
        func find(_ keys: Set<String>) -> String? {
            names.first { keys.contains(ColumnLayout.headerKey($0)) }
        }
        if x == nil, y == nil, find(Self.longitudeNames) == nil, let e = find(Self.eastingNames),
           let n = find(Self.northingNames) {
            (self.x, self.y) = (e, n)
            self.crs = crs ?? "EPSG:27700"
            return
        }
        self.x = x ?? find(Self.longitudeNames) ?? "longitude"
        self.y = y ?? find(Self.latitudeNames) ?? "latitude"
        let gridNames = Self.eastingNames.contains(ColumnLayout.headerKey(self.x))
        self.crs = crs ?? (gridNames ? "EPSG:27700" : "EPSG:4326")
    }
}
