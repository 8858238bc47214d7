import Foundation

/// One `locus report` run: reads a geocoded file, draws the page and writes it atomically.
package struct ReportJob: Sendable {
    /// The file `locus geocode` wrote (`-` for standard input).
    package var inputPath: String
    /// Where the page goes.
    package var outputPath: String
    /// nil: from the extension, else the first line.
    package var format: ReportInputFormat?
    /// nil: found from the header.
    package var prefix: String?
    /// The location columns; empty: those the summary names, else a column called address or location.
    package var textColumns: [String] = []
    /// The run's `--summary-json`, for the gazetteer edition and PROJ operation.
    package var summaryPath: String?
    /// The gazetteer whose postcode units draw the boroughs; nil: no boroughs.
    package var gazetteerPath: String?
    /// How many texts not located to list.
    package var topTexts = 50
    /// Leave every location text out of the page.
    package var noTexts = false
    /// Above this many located points, hexagons.
    package var dotLimit = ReportMap.defaultDotLimit
    /// How the page's hints name the settings (a command line's options); none by default.
    package var settingNames = ReportSettingNames()

    /// A report of `inputPath` written to `outputPath`, with the defaults.
    package init(inputPath: String, outputPath: String) {
        self.inputPath = inputPath
        self.outputPath = outputPath
    }

    /// What a run made, for the line on standard error.
    package struct Outcome: Sendable {
        /// Rows read.
        package var rows: Int
        /// Rows with coordinates.
        package var located: Int
        /// The page's size.
        package var bytes: Int
        /// Wall seconds it took.
        package var seconds: Double
        /// True when the map shows hexagons rather than dots.
        package var aggregated: Bool
    }

    /// Reads, renders and writes; throws `ReportError` (the page is then not written).
    package func run() throws(ReportError) -> Outcome {
        let started = Date()
        guard topTexts >= 0 else { throw .negativeTopTexts(topTexts) }
        let summary = try summaryPath.map { (path) throws(ReportError) in try ReportRunSummary.load(path: path) }
        let map = try gazetteerPath.map { (path) throws(ReportError) in try BoroughGrid.load(gazetteer: path) }
        let document = try makeDocument(summary: summary, grid: map?.grid, gazetteerVersion: map?.gazetteerVersion)
        let page = Array(ReportHTML.render(document).utf8)
        do {
            let file = try AtomicOutputFile(targetPath: outputPath)
            try file.sink.write(page)
            try file.commit()
        } catch {
            throw .cannotWrite(path: outputPath, reason: "\(error)")
        }
        return Outcome(rows: document.tally.rows, located: document.tally.located, bytes: page.count,
                       seconds: Date().timeIntervalSince(started), aggregated: document.map.aggregated)
    }

    /// Reads the input into a document.
    func makeDocument(summary: ReportRunSummary?, grid: BoroughGrid?, gazetteerVersion: String?)
        throws(ReportError) -> ReportDocument
    {
        let columns = textColumns.isEmpty ? summary?.addressColumnNames ?? [] : textColumns
        let reader = try ReportReader(path: inputPath, format: format, prefix: prefix, textColumns: columns)
        var tally = ReportTally(countsTexts: !noTexts && topTexts > 0)
        while let row = try reader.next() { tally.add(row) }
        let name = inputPath == "-" ? "standard input" : (inputPath as NSString).lastPathComponent
        return ReportDocument(
            inputName: name, tally: tally, summary: summary, mapGazetteerVersion: gazetteerVersion,
            map: ReportMap(grid: grid, points: tally.points, dotLimit: dotLimit, gazetteerSetting: settingNames.gazetteer),
            topTexts: noTexts ? 0 : topTexts, textColumns: reader.textColumns, settingNames: settingNames)
    }
}
