import ArgumentParser
import Foundation
import Locus

/// `locus geocode`: geocodes the location column(s) of a CSV, streaming, in order, on all cores.
struct GeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Geocode the location column(s) of a CSV file or stream.",
        discussion: """
            Every input row comes out once, in input order, with its columns
            unchanged, then: latitude, longitude, easting, northing, match_type,
            score, precision_m, matched, postcode, borough, ward, lsoa, faults
            (and x, y with --crs). Unmatched rows are kept, with match_type none.

            A postcode or borough column is found by its header unless named
            (see --postcode-column, --borough-column); with several candidates
            none is used and a note on standard error names them. The summary
            says which columns were read, and counts as located only the rows
            written with coordinates.

            EXAMPLES:
              locus geocode incidents.csv -o geocoded.csv
              locus geocode --address-column Street --address-column Town \\
                --postcode-column PC crimes.csv > geocoded.csv
              locus geocode --no-evidence-detection incidents.csv -o out.csv
              cat crimes.tsv | locus geocode --format geojson > crimes.geojson
              locus geocode big.csv -o out.csv --unmatched review.csv \\
                --summary-json run.json

            EXIT STATUS:
              0   success, also with unmatched rows or a closed output pipe
                  (| head)
              64  unusable arguments: unknown option, unknown column or column
                  number, no location column found, a column clash left with
                  the --prefix given, a bad --crs, --delimiter, --encoding,
                  --format or --threads, two outputs naming the same file,
                  --report without -o or with --no-header
              65  bad data: a malformed row under --strict, or text that is
                  not valid in --encoding
              66  the input cannot be opened
              69  the gazetteer is missing, unusable or could not be built, or
                  PROJ's proj.db is missing
              70  internal error
              73  an output file cannot be created (missing folder, no
                  permission, a folder given as the file)
              74  reading or writing failed midway (/dev/full: no space; the
                  gazetteer unreadable mid-run)

            --summary-json is written on every exit once the options are
            parsed, with exitStatus, error, startedAt and finishedAt.
            """
    )

    @OptionGroup var csv: CSVRunOptions

    @Option(help: ArgumentHelp(
        "Also write every row without coordinates, same columns, to this file (atomically).",
        discussion: "Unmatched rows (match_type none) and matched ones left without coordinates (coarse, "
            + "low_score): the rows to review."))
    var unmatched: String?

    @Flag(help: "The first row is data; columns are then given by number (1 is the first).")
    var noHeader = false

    @Option(help: ArgumentHelp(
        "A location column (name or number); repeat to join several in order with \", \".",
        discussion: "Default: the first column called address, location, crime location, incident location, "
            + "location description or locus (any case; spaces, underscores, hyphens and dots ignored)."))
    var addressColumn: [String] = []

    @Option(help: ArgumentHelp(
        "A postcode column (name or number), used as evidence.",
        discussion: "Default: the one column called postcode, post code or postal code (any case; spaces, "
            + "underscores, hyphens and dots ignored), unless it is a location column."))
    var postcodeColumn: String?

    @Option(help: ArgumentHelp(
        "A borough column (name or number), used as evidence.",
        discussion: "Default: the one column called borough, borough name, local authority, local authority name, "
            + "la name or lad name (any case; spaces, underscores, hyphens and dots ignored)."))
    var boroughColumn: String?

    @Flag(help: ArgumentHelp(
        "Do not look for postcode and borough columns by their header.",
        discussion: "Only --postcode-column and --borough-column are then used as evidence."))
    var noEvidenceDetection = false

    @Option(help: ArgumentHelp(
        "Prefix for the added column names, e.g. geo_ (\"\" for none).",
        discussion: "Default: none, unless an added name would repeat an input column's (ignoring case), e.g. a "
            + "police.uk extract's Latitude or Postcode: then locus_, said on standard error and in the summary."))
    var prefix: String?

    @Option(help: "Also write x, y in this coordinate system, e.g. EPSG:3857.")
    var crs: String?

    @Option(help: "Write the run summary as JSON to this file, on every exit (see EXIT STATUS).")
    var summaryJson: String?

    @Option(help: "Also write a one-page HTML quality report with a map (as locus report does) to this file; needs -o.")
    var report: String?

    @Option(help: ArgumentHelp(
        "The gazetteer (default: $LOCUS_GAZETTEER, else $XDG_DATA_HOME/locus/<edition>.sqlite, else "
            + "~/.local/share/locus/<edition>.sqlite).",
        discussion: "The default one is built first when missing, from the London source pack shipped with Locus "
            + "(offline; a note on standard error even with --quiet); a named one must exist."))
    var gazetteer: String?

    @Option(help: ArgumentHelp(
        "Write coordinates only for results at least this precise (metres).",
        discussion: "Coarser results keep their match_type, matched, postcode and borough, with empty "
            + "coordinates and fault coarse. A result also needs a score of at least 70 (fault low_score "
            + "otherwise): areas score below it (postcode sector 60, district 50, locality 45, borough 30), so "
            + "even --max-precision-m 100000 gives them no coordinates; it only admits long streets and wide "
            + "sites that score 70 or more."))
    var maxPrecisionM = Matcher.defaultAcceptanceRadius

    @Flag(help: ArgumentHelp(
        "Publish-safe output: each point moved to its nearest map point of the same borough, police.uk-style.",
        discussion: "latitude, longitude, easting, northing hold the map point, matched is `On or near <name>`, "
            + "postcode its sector; no exact point is written anywhere. See README, Publishing safely."))
    var anonymise = false

    func run() throws {
        var job = csv.job()
        job.unmatchedPath = unmatched
        job.summaryJSONPath = summaryJson
        let reportSummary = try reportSummaryPath()
        if let reportSummary { job.summaryJSONPath = reportSummary }
        job.targetCRS = crs
        job.options.hasHeader = !noHeader
        job.options.addressColumns = addressColumn.map(ColumnSelector.init)
        job.options.postcodeColumn = postcodeColumn.map(ColumnSelector.init)
        job.options.boroughColumn = boroughColumn.map(ColumnSelector.init)
        job.options.detectsEvidenceColumns = !noEvidenceDetection
        if !csv.quiet {
            job.options.reportNote = { note in FileHandle.standardError.write(Data("locus geocode: note: \(note)\n".utf8)) }
        }
        job.options.prefix = prefix
        let chosen = BatchGazetteer(option: gazetteer)
        let radius = maxPrecisionM
        let (csv, anonymise) = (csv, anonymise)
        let outcome = job.run(configure: csv.configure) {
            // Building the default gazetteer is said even with --quiet (and the job says a gazetteer without
            // streets, also in the summary).
            try chosen.buildIfNeeded(events: FirstRunNote.write)
            let opened = try chosen.openMatcher(acceptanceRadius: radius)
            return anonymise ? try chosen.anonymising(opened) : opened
        }
        if ExitStatus.of(outcome) != .success { throw ExitStatus.of(outcome).exitCode }
        if let report, let output = csv.output {
            try writeReport(report, from: output, summary: reportSummary!, gazetteer: chosen.path)
        }
    }
}
