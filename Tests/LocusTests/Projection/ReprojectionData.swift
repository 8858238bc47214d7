import Foundation
@testable import Locus

/// The reprojection test data in the shipped pack's `reprojection/` and search paths with and without a grid.
enum ReprojectionData {
    struct TestPoint {
        var id: String
        var easting: Double, northing: Double
        var longitude: Double, latitude: Double
        var datumFlag: Int
    }

    /// Reads a small CSV into dictionaries keyed by header name.
    static func rows(_ relative: String) throws -> [[String: String]] {
        let path = "reprojection/" + relative
        let reader = CSVReader(source: ByteSource(
            bytes: try SourcePack.member(path, of: TestGazetteer.packFile), name: path))
        guard let header = try reader.next()?.fields else { return [] }
        var rows: [[String: String]] = []
        while let record = try reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
        }
        return rows
    }

    /// The 40 OS OSTN15 test points, `OSGBtoETRS` or `ETRStoOSGB`.
    static func osTestPoints(osgbToETRS: Bool) throws -> [TestPoint] {
        let file = osgbToETRS ? "ostn15-osgb36-to-etrs89.csv" : "ostn15-etrs89-to-osgb36.csv"
        return try rows(file).map { row in
            TestPoint(id: row["PointID"]!, easting: Double(row["OSGB36_Easting"]!)!,
                      northing: Double(row["OSGB36_Northing"]!)!, longitude: Double(row["ETRS89_Lon"]!)!,
                      latitude: Double(row["ETRS89_Lat"]!)!, datumFlag: Int(row["OSGB_DatumFlag"]!)!)
        }
    }

    /// The 1,000 London points with their OSTN15 longitude/latitude.
    static func londonReference() throws -> [TestPoint] {
        try rows("london-ostn15-reference.csv").map { row in
            TestPoint(id: "", easting: Double(row["easting"]!)!, northing: Double(row["northing"]!)!,
                      longitude: Double(row["longitude"]!)!, latitude: Double(row["latitude"]!)!, datumFlag: 1)
        }
    }

    /// The folder holding the London-only grid in the OSTN15 file name.
    static var derivedGrid: String { gridFolder.path }

    /// The pack's grid installed into a folder of this test process.
    private static let gridFolder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-test-grid-\(getpid())")
        _ = try? OSTN15Grid.install(from: TestGazetteer.packFile, into: folder)
        return folder
    }()

    /// A folder holding only a link to the installed `proj.db`: PROJ sees no grid at all, whatever the machine.
    static let noGridFolder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("locus-proj-nogrid-\(getpid())").path
        PROJ.makeDatabaseOnlyFolder(dir)
        return dir
    }()

    /// The spec searching only `noGridFolder`, or the grid folder then it.
    static func spec(from: String, to: String, grid: Bool) -> ProjectionSpec {
        var paths = [noGridFolder]
        if grid { paths.insert(derivedGrid, at: 0) }
        return ProjectionSpec(from: from, to: to, searchPaths: paths, includeDefaultSearchPaths: false)
    }

    /// Distance in metres between two longitude/latitude points (a local flat approximation: fine under 100 m).
    static func metres(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        let radius = 6_371_000.0, rad = Double.pi / 180
        let dx = (lon1 - lon2) * rad * cos(lat1 * rad) * radius
        let dy = (lat1 - lat2) * rad * radius
        return (dx * dx + dy * dy).squareRoot()
    }
}
