import ArgumentParser
import Foundation
import Locus

/// `locus report`: a one-page HTML quality report, with a map, of a file `locus geocode` wrote.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a one-page HTML quality report, with a map, of a geocoded file.",
        discussion: """
            Reads a CSV, JSONL or GeoJSON file written by locus geocode and writes
            one self-contained HTML page: no network at view time (no CDN, fonts
            or tiles), readable offline and printable. It shows the rows located,
            matched without coordinates and unmatched; located share by match
            type and borough; the precision_m and score distributions; the most
            frequent texts not located and the fault that stopped each; and a map
            of the located points over the boroughs drawn from the gazetteer's
            postcode units (dots up to 5,000 points, hexagons above).

            EXAMPLES:
              locus geocode incidents.csv -o geocoded.csv --summary-json run.json
              locus report geocoded.csv -o report.html --summary-json run.json
              locus report geocoded.geojson -o report.html --no-texts

            EXIT STATUS:
              0 success; 64 unusable arguments; 65 the file is not locus geocode
              output or has a bad row; 66 the input cannot be opened; 69 the
              gazetteer named cannot be read; 73 the page cannot be written
            """
    )

    @Argument(help: "The file locus geocode wrote (CSV, JSONL or GeoJSON); '-' for standard input.")
    var input: String

    @Option(name: [.short, .customLong("output")], help: "The HTML page to write.")
    var output: String

    @Option(help: "Input format: csv, jsonl or geojson (default: from the extension, else the first line).")
    var format: String?

    @Option(help: "The prefix the added columns have (geocode's --prefix); found from the header unless given.")
    var prefix: String?

    @Option(help: "A location column to list texts from (repeatable); default: a column called address or location.")
    var addressColumn: [String] = []

    @Option(help: "The run's --summary-json file: shows the gazetteer edition and the PROJ operation.")
    var summaryJson: String?

    @Option(help: ArgumentHelp(
        "The gazetteer to draw the boroughs from (default: $LOCUS_GAZETTEER, else gazetteer/london.sqlite if present).",
        discussion: "Without one the map has the points only."))
    var gazetteer: String?

    @Option(help: "How many of the most frequent texts not located to list.")
    var top = 50

    @Option(help: "Draw located points as dots up to this many, as hexagons above.")
    var dotLimit = ReportMap.defaultDotLimit

    @Flag(help: "Leave every location text out of the page (for a report that leaves the team).")
    var noTexts = false

    func run() throws {
        var job = ReportJob(inputPath: input, outputPath: output)
        job.settingNames = ErrorMessage.reportSettings
        if let format {
            guard let parsed = ReportInputFormat(rawValue: format.lowercased()) else {
                Self.fail("--format: use csv, jsonl or geojson", code: .usage)
            }
            job.format = parsed
        }
        job.prefix = prefix
        job.textColumns = addressColumn
        job.summaryPath = summaryJson
        job.gazetteerPath = Self.mapGazetteer(option: gazetteer)
        job.topTexts = top
        job.noTexts = noTexts
        job.dotLimit = dotLimit
        do {
            let outcome = try job.run()
            let map = job.gazetteerPath == nil ? "no gazetteer: points only" : "boroughs from \(job.gazetteerPath!)"
            FileHandle.standardError.write(Data((
                "locus report: \(outcome.rows) rows (\(outcome.located) located) to \(output), "
                + "\(outcome.bytes / 1024) KB, \(outcome.aggregated ? "hexagons" : "dots"), \(map), "
                + String(format: "%.2f s\n", outcome.seconds)).utf8))
        } catch {
            Self.fail(ErrorMessage.of(error), code: ExitStatus.of(error))
        }
    }

    /// `option`, else `LOCUS_GAZETTEER`, else `gazetteer/london.sqlite` when it exists, else none.
    static func mapGazetteer(option: String?) -> String? {
        if let option { return option }
        if let named = ProcessInfo.processInfo.environment["LOCUS_GAZETTEER"], !named.isEmpty { return named }
        let fallback = BatchGazetteer(option: nil, environment: [:]).path
        return FileManager.default.fileExists(atPath: fallback) ? fallback : nil
    }

    static func fail(_ message: String, code: ExitStatus) -> Never {
        FileHandle.standardError.write(Data("locus report: error: \(message)\n".utf8))
        Foundation.exit(code.rawValue)
    }
}
