import ArgumentParser
import Foundation
import Locus

/// `locus reverse`: points → nearest street and place, postcode, borough, ward, LSOA and police.uk label.
struct ReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse",
        abstract: "Name the nearest street and public place, postcode and areas of each point of a CSV.",
        discussion: """
            Reads longitude,latitude (WGS 84) or easting,northing (British National
            Grid) columns, found by their header (any case; lon, lng, long, lat,
            x, y too when --x/--y are not given) or named with --x and --y, read in
            --crs (default: EPSG:4326 for longitude/latitude, EPSG:27700 for
            easting/northing). Every row comes out once, in order, with its columns,
            then geocode's columns (prefixed reverse_ unless --prefix: latitude,
            longitude, easting, northing of the point; match_type street within
            100 m of a street, else postcode, else none; matched = the police.uk
            label "On or near <map point>"; postcode, borough, ward, lsoa of the
            nearest postcode unit; faults) and street, street_distance_m, place,
            place_distance_m (nearest within 2 km). Same CSV options and exit
            status as locus geocode.
            """)

    @OptionGroup var csv: CSVRunOptions
    @Option(help: "Also write the rows without a result to this file.")
    var unmatched: String?
    @Option(help: "The x column: longitude or easting (name or number).")
    var x: String?
    @Option(help: "The y column: latitude or northing (name or number).")
    var y: String?
    @Option(help: "The input's coordinate system, e.g. EPSG:4326 or EPSG:27700.")
    var crs: String?
    @Flag(help: "The first row is data; give --x and --y by number.")
    var noHeader = false
    @Option(help: "Prefix for the added column names.")
    var prefix = "reverse_"
    @Option(help: "Write the run summary as JSON to this file, on every exit.")
    var summaryJson: String?
    @Option(help: "The gazetteer (default: $LOCUS_GAZETTEER, else the data folder's); it must have map points.")
    var gazetteer: String?

    func run() throws {
        let columns = ReverseColumns(x: x, y: y, crs: crs, firstLine: noHeader || csv.input == "-" ? nil : Self.header(csv.input))
        var job = csv.job()
        job.unmatchedPath = unmatched
        job.summaryJSONPath = summaryJson
        job.options.hasHeader = !noHeader
        job.options.addressColumns = [ColumnSelector(columns.x), ColumnSelector(columns.y)]
        job.options.detectsEvidenceColumns = false
        job.options.extraColumns = ReverseGeocoder.columns
        job.options.prefix = prefix
        let chosen = BatchGazetteer(option: gazetteer)
        let csv = csv
        let outcome = job.run(configure: { options in
            try csv.configure(&options)
            _ = try BatchOptions.parseCRS(columns.crs)
        }) {
            try chosen.buildIfNeeded(events: FirstRunNote.write)
            return try chosen.openReverse(inputCRS: columns.crs)
        }
        if ExitStatus.of(outcome) != .success { throw ExitStatus.of(outcome).exitCode }
    }

    /// The first line of a file (nil when unreadable).
    static func header(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return [UInt8](handle.readData(ofLength: 8192))
    }
}
