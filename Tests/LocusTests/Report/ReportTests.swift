import Foundation
import Testing
@testable import Locus

/// The report's model (reading geocoded files, adding rows up), its map and its page, on files the real batch
/// pipeline writes (PROJ, the grid-reference stand-in geocoder) in all three formats.
@Suite struct ReportTests {
    /// Three located rows in two boroughs, one unmatched text twice, a malformed row, a `<script>` text.
    let input = """
        id,address,borough
        1,O/S 1 HIGH ST 530000 180000,Westminster
        2,NFA,
        3,NFA,
        4,R/O 2 KINGS RD 527000 177000,Kensington and Chelsea
        5,<script>alert(1)</script>,
        6,3 STRAND 530100 180400,Westminster,extra

        """

    func write(_ text: String, _ suffix: String) throws -> String {
        let path = temporaryPath(suffix)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func tally(_ path: String, prefix: String? = nil, countsTexts: Bool = true) throws -> (ReportTally, ReportReader) {
        let reader = try ReportReader(path: path, prefix: prefix)
        var tally = ReportTally(countsTexts: countsTexts)
        while let row = try reader.next() { tally.add(row) }
        return (tally, reader)
    }

    @Test(arguments: [OutputFormat.csv, .jsonl, .geojson])
    func everyFormatAddsUpToTheBatchSummary(format: OutputFormat) throws {
        let run = try runBatch(input, options: batchOptions { $0.format = format; $0.prefix = "locus_" })
        let path = try write(run.output, "." + format.rawValue)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (tally, reader) = try tally(path)
        #expect(reader.prefix == "locus_")
        #expect(reader.textColumns == ["address"])
        #expect(tally.rows == run.summary.rows)
        #expect(tally.located == run.summary.locatedRows)
        for level in MatchLevel.allCases {
            #expect(tally.byMatchType[level.rank].rows == run.summary.rowsByMatchType[level.rawValue])
            #expect(tally.byMatchType[level.rank].located == run.summary.locatedRowsByMatchType[level.rawValue])
        }
        #expect(tally.byBorough["Westminster"] == ReportCount(rows: 2, located: 2))
        #expect(tally.byBorough["Kensington and Chelsea"] == ReportCount(rows: 1, located: 1))
        #expect(tally.malformed == 1)
        // precision 50 m (49.6 rounded) is in the 25–50 bin; score 87.3 in 80–89.
        #expect(tally.precisionBins[1] == ReportCount(rows: 3, located: 3))
        #expect(tally.scoreBins[1] == ReportCount(rows: 3, located: 3))
        #expect(tally.points.count == 3)
        #expect(tally.points.eastings.contains(527000) && tally.points.northings.contains(177000))
        let top = tally.topTexts(10)
        #expect(top.first?.key.text == "NFA" && top.first?.count == 2)
        #expect(top.first?.key.faults == "test.no_grid_reference")
        #expect(top.count == 2)
    }

    @Test func aGivenPrefixMustMatchAndTextsCanBeLeftUncounted() throws {
        let run = try runBatch(input, options: batchOptions { $0.prefix = "p_" })
        let path = try write(run.output, ".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ReportError.self) { _ = try ReportReader(path: path, prefix: "") }
        let (tally, _) = try tally(path, prefix: "p_", countsTexts: false)
        #expect(tally.rows == 6 && tally.texts.isEmpty)
    }

    @Test func badFilesAreNamedWithTheirRowAndColumn() throws {
        let notGeocoded = try write("id,address\n1,x\n", ".csv")
        let badType = try write("address,\(addedHeader)\nx,,,,,street,80,40,,,,,,\ny,,,,,nonsense,80,40,,,,,,\n", ".csv")
        let badNumber = try write("address,\(addedHeader)\nx,51.5,-0.1,abc,180000,street,80,40,,,,,,\n", ".csv")
        let badJSON = try write("{\"match_type\":\"none\",\"latitude\":null,\"longitude\":null}\n{oops\n", ".jsonl")
        defer { for path in [notGeocoded, badType, badNumber, badJSON] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(throws: ReportError.noMatchTypeColumn(path: notGeocoded)) {
            _ = try ReportReader(path: notGeocoded)
        }
        // The library's messages name no option (`locus` writes its own, naming them).
        let errors: [ReportError] = [
            .noMatchTypeColumn(path: notGeocoded), .severalMatchTypeColumns(path: "f", names: ["a_match_type", "match_type"]),
            .missingAddedColumn(path: "f", column: "x_latitude", givenPrefix: "x_"), .negativeTopTexts(-1),
            .unknownTextColumn(name: "Nowhere", path: "f"), .notASummary(path: "s.json"),
        ]
        #expect(!errors.contains { $0.description.contains("--") })
        #expect(throws: ReportError.badRow(path: badType, row: 2, column: "match_type", reason: "\"nonsense\" is not a match type")) {
            _ = try tally(badType)
        }
        #expect(throws: ReportError.badRow(path: badNumber, row: 1, column: "easting", reason: "\"abc\" is not a number")) {
            _ = try tally(badNumber)
        }
        #expect(throws: ReportError.badRow(path: badJSON, row: 2, column: nil, reason: "not valid JSON")) {
            _ = try tally(badJSON)
        }
        #expect(throws: ReportError.unreadable(path: "/no/such/file.csv", reason: "cannot open /no/such/file.csv: No such file or directory")) {
            _ = try ReportReader(path: "/no/such/file.csv")
        }
    }

    @Test func theBoroughGridFillsEnclosedHolesAndColoursNeighboursApart() {
        // Borough 0 west of easting 2000, borough 1 east of it, one unit every 100 m over 4 km × 2 km except a
        // 600 m empty square in the middle of borough 0 (a park).
        var units: [(x: Double, y: Double, borough: Int)] = []
        for x in stride(from: 50.0, to: 4000, by: 100) {
            for y in stride(from: 50.0, to: 2000, by: 100) {
                if x > 700 && x < 1300 && y > 700 && y < 1300 { continue }
                units.append((x: x, y: y, borough: x < 2000 ? 0 : 1))
            }
        }
        let grid = BoroughGrid(units: units, names: ["West", "East"])
        let m = BoroughGrid.closingRadius + 2
        #expect(grid.width == 16 + 2 * m && grid.height == 8 + 2 * m)
        // No cell inside London is left empty, the park is West's, and nothing outside is added.
        let inside = (m..<m + 8).flatMap { row in (m..<m + 16).map { (row, $0) } }
        #expect(inside.allSatisfy { grid.cell($0.1, $0.0) >= 0 })
        #expect(grid.cell(m + 4, m + 4) == 0)
        #expect(grid.cells.filter { $0 >= 0 }.count == 16 * 8)
        #expect(grid.cell(m + 7, m + 3) == 0 && grid.cell(m + 8, m + 3) == 1)
        #expect(grid.neighbours() == [[1], [0]])
        let colours = grid.colouring()
        #expect(colours[0] != colours[1])
    }

    @Test func theMapDrawsDotsUpToTheLimitAndHexagonsAbove() {
        var points = ReportPoints()
        for i in 0..<30 { points.append(easting: 530000 + Double(i) * 10, northing: 180000, level: i < 20 ? .address : .street) }
        let dots = ReportMap(grid: nil, points: points, dotLimit: 30)
        #expect(!dots.aggregated && dots.pointsDrawn == 30)
        #expect(dots.svg.components(separatedBy: "h0").count - 1 == 30)
        #expect(dots.legend.contains("address <span class=\"n\">20</span>"))
        let hexagons = ReportMap(grid: nil, points: points, dotLimit: 29)
        #expect(hexagons.aggregated)
        #expect(!hexagons.svg.contains("class=\"dot\""))
        // 300 m of points: one or two 400 m hexagons, and their legend counts up to 30.
        let group = hexagons.svg.components(separatedBy: "class=\"hexagons\"")[1].components(separatedBy: "</g>")[0]
        let cells = group.components(separatedBy: "M").count - 1
        #expect(cells >= 1 && cells <= 2)
        #expect(hexagons.legend.contains("<li>"))
        #expect((0...9).map(ReportTally.precisionLabel) == [
            "≤25", "25–50", "50–100", "100–150", "150–250", "250–400", "400–1k", "1k–2.5k", "2.5k–5k", ">5k"])
        #expect(ReportMap.classBreaks(maximum: 1, classes: 7) == [1])
        #expect(ReportMap.classBreaks(maximum: 1000, classes: 3) == [10, 100, 1000])
        #expect(ReportMap.classBreaks(maximum: 5, classes: 7) == [1, 2, 3, 4, 5])
    }

    @Test func thePageHasTheFiguresNoNetworkAndNoUnescapedText() throws {
        let run = try runBatch(input, options: batchOptions { $0.prefix = "locus_" })
        let path = try write(run.output, ".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var job = ReportJob(inputPath: path, outputPath: temporaryPath(".html"))
        let summary = ReportRunSummary(rows: 6, locatedRows: 3, gazetteerVersion: "schema 1, built X", projOperation: "Helmert (6), 2 m")
        let page = ReportHTML.render(try job.makeDocument(summary: summary, grid: nil, gazetteerVersion: nil))
        #expect(page.contains("data-figure=\"rows\" data-value=\"6\""))
        #expect(page.contains("data-figure=\"located\" data-value=\"3\""))
        #expect(page.contains("data-figure=\"unmatched\" data-value=\"3\""))
        #expect(page.contains("data-figure=\"withoutCoordinates\" data-value=\"0\""))
        #expect(page.contains("schema 1, built X") && page.contains("Helmert (6), 2 m"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"))
        #expect(!page.contains("summary counts"))
        for pattern in ["src=\"http", "href=\"http", "src='http", "href='http", "url(http", "@import"] {
            #expect(!page.contains(pattern))
        }
        #expect(page.range(of: "https?://", options: .regularExpression) == nil)
        // Another file's summary is called out.
        let other = ReportHTML.render(try job.makeDocument(summary: ReportRunSummary(rows: 7), grid: nil, gazetteerVersion: nil))
        #expect(other.contains("The summary counts 7 rows, the file has 6"))
        // Without texts, no location text is on the page.
        job.noTexts = true
        let bare = ReportHTML.render(try job.makeDocument(summary: nil, grid: nil, gazetteerVersion: nil))
        for text in ["alert", "HIGH ST", "KINGS RD", "STRAND"] { #expect(!bare.contains(text)) }
        #expect(bare.contains("Left out of this report.") && !bare.contains("--no-texts") && bare.contains("not known<"))
        job.settingNames = ReportSettingNames(noTexts: "--no-texts")
        let named = ReportHTML.render(try job.makeDocument(summary: nil, grid: nil, gazetteerVersion: nil))
        #expect(named.contains("Left out of this report (<code>--no-texts</code>)."))
    }
}
