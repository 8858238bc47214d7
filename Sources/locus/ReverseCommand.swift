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

    @Argument(help: "The CSV to read; standard input when absent or '-'.")
    var input = "-"
    @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String?
    @Option(help: "Also write the rows without a result to this file.")
    var unmatched: String?
    @Option(help: "The x column: longitude or easting (name or number).")
    var x: String?
    @Option(help: "The y column: latitude or northing (name or number).")
    var y: String?
    @Option(help: "The input's coordinate system, e.g. EPSG:4326 or EPSG:27700.")
    var crs: String?
    @Option(help: "Output format: csv, jsonl or geojson.")
    var format = "csv"
    @Option(help: "Field delimiter: comma, tab, semicolon or pipe (default: detected from the first line).")
    var delimiter: String?
    @Option(help: "Input encoding: utf-8, windows-1252 or latin-1.")
    var encoding = "utf-8"
    @Flag(help: "The first row is data; give --x and --y by number.")
    var noHeader = false
    @Option(help: "Prefix for the added column names.")
    var prefix = "reverse_"
    @Option(help: "Worker threads; the number of active processors unless given.")
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Stop at the first malformed row (exit 65).")
    var strict = false
    @Flag(name: [.short, .long], help: "No progress and no summary on standard error.")
    var quiet = false
    @Option(help: "Write the run summary as JSON to this file, on every exit.")
    var summaryJson: String?
    @Option(help: "The gazetteer (default: $LOCUS_GAZETTEER, else the data folder's); it must have map points.")
    var gazetteer: String?

    func run() throws {
        let columns = ReverseColumns(x: x, y: y, crs: crs, firstLine: noHeader || input == "-" ? nil : Self.header(input))
        var job = BatchJob()
        job.inputPath = input
        job.outputPath = output
        job.unmatchedPath = unmatched
        job.summaryJSONPath = summaryJson
        job.quiet = quiet
        job.options.hasHeader = !noHeader
        job.options.addressColumns = [ColumnSelector(columns.x), ColumnSelector(columns.y)]
        job.options.detectsEvidenceColumns = false
        job.options.extraColumns = ReverseGeocoder.columns
        job.options.prefix = prefix
        job.options.threads = threads
        job.options.strict = strict
        let chosen = BatchGazetteer(option: gazetteer)
        let (formatName, delimiterName, encodingName) = (format, delimiter, encoding)
        let status = job.run(configure: { options in
            guard let format = OutputFormat(rawValue: formatName.lowercased()) else {
                throw BatchError.badOption(option: "--format", reason: "use csv, jsonl or geojson")
            }
            options.format = format
            options.delimiter = try delimiterName.map { (text) throws(BatchError) in try BatchOptions.parseDelimiter(text) }
            options.encoding = try BatchOptions.parseEncoding(encodingName)
            _ = try BatchOptions.parseCRS(columns.crs)
        }) {
            try chosen.buildIfNeeded { line in FileHandle.standardError.write(Data("locus: \(line)\n".utf8)) }
            return try chosen.openReverse(inputCRS: columns.crs)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The first line of a file (nil when unreadable).
    static func header(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return [UInt8](handle.readData(ofLength: 8192))
    }
}
