import Foundation
import Testing

/// `locus report` and `locus geocode --report` on the sample incidents geocoded with the fixture gazetteer:
/// the figures on the page against the run's summary JSON, every output format, --prefix, --no-texts, errors.
@Suite struct ReportCommandTests {
    /// Geocodes the sample into `format` with a summary; returns the output's and the summary's paths.
    static func geocodeSample(format: String = "csv", extra: [String] = []) throws -> (output: String, summary: [String: Any], summaryPath: String) {
        let output = GeocodeBinary.scratchFile("." + format).path, summaryPath = GeocodeBinary.scratchFile(".json").path
        let run = try GeocodeBinary.run([GeocodeBinary.fixture("sample-incidents.csv"), "-o", output, "--format", format,
                                         "--summary-json", summaryPath, "-q"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath))) as! [String: Any]
        return (output, summary, summaryPath)
    }

    /// The `data-value` of `data-figure="name"`, or of the `data-rows`/`data-located` of a match type's row.
    static func figure(_ page: String, _ name: String) -> Int? {
        guard let range = page.range(of: "data-figure=\"\(name)\" data-value=\"") else { return nil }
        return Int(page[range.upperBound...].prefix { $0.isNumber })
    }

    static func matchTypeRow(_ page: String, _ type: String) -> (rows: Int, located: Int)? {
        guard let range = page.range(of: "data-type=\"\(type)\" data-rows=\"") else { return nil }
        let rest = page[range.upperBound...]
        let rows = Int(rest.prefix { $0.isNumber })!
        let located = Int(rest.split(separator: "data-located=\"", maxSplits: 1)[1].prefix { $0.isNumber })!
        return (rows, located)
    }

    /// Checks the page's figures against `summary` (the JSON `locus geocode --summary-json` wrote).
    static func expectFigures(_ page: String, match summary: [String: Any]) {
        let rows = summary["rows"] as! Int, located = summary["locatedRows"] as! Int
        let byType = summary["rowsByMatchType"] as! [String: Int], locatedByType = summary["locatedRowsByMatchType"] as! [String: Int]
        #expect(figure(page, "rows") == rows)
        #expect(figure(page, "located") == located)
        #expect(figure(page, "unmatched") == byType["none"])
        #expect(figure(page, "withoutCoordinates") == rows - byType["none"]! - located)
        for (type, count) in byType where count > 0 {
            #expect(matchTypeRow(page, type)?.rows == count, "\(type)")
            #expect(matchTypeRow(page, type)?.located == locatedByType[type], "\(type)")
        }
        #expect(page.contains(summary["gazetteerVersion"] as! String))
        #expect(page.contains((summary["projOperation"] as! String).replacingOccurrences(of: "+", with: "+")))
    }

    static func report(_ arguments: [String]) throws -> (LocusBinary.Result, String) {
        let page = GeocodeBinary.scratchFile(".html").path
        let result = try LocusBinary.run(["report", "-o", page, "--gazetteer", try GeocodeBinary.gazetteer()] + arguments)
        let text = (try? String(contentsOfFile: page, encoding: .utf8)) ?? ""
        return (result, text)
    }

    @Test(arguments: ["csv", "jsonl", "geojson"])
    func thePageShowsTheSummarysFiguresInEveryFormat(format: String) throws {
        let prefix = format == "csv" ? [] : ["--prefix", "locus_"]
        let (output, summary, summaryPath) = try Self.geocodeSample(format: format, extra: prefix)
        let (result, page) = try Self.report([output, "--summary-json", summaryPath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("locus report: 30 rows"))
        Self.expectFigures(page, match: summary)
        // Texts from the sample's Location column, escaped.
        #expect(page.contains("NFA - CALLER UNABLE TO GIVE LOCATION"))
        #expect(page.contains("&quot;THE BARN&quot;, 305 NEASDEN LN NW10"))
        #expect(page.contains("<svg id=\"map\"") && page.contains("class=\"boroughs\""))
        #expect(page.range(of: "(src|href)\\s*=\\s*[\"']?https?:", options: .regularExpression) == nil)
        #expect(page.range(of: "https?://", options: .regularExpression) == nil)
    }

    @Test func noTextsLeavesEveryLocationTextOut() throws {
        let (output, _, summaryPath) = try Self.geocodeSample()
        let (result, page) = try Self.report([output, "--summary-json", summaryPath, "--no-texts"])
        #expect(result.status == 0, "\(result.stderr)")
        let sample = try String(contentsOf: GeocodeBinary.fixtureURL("sample-incidents.csv"), encoding: .utf8)
        let texts = try GeocodeBinary.records(sample).dropFirst().map { $0[2] }
        #expect(texts.count == 30)
        #expect(page.contains("Left out of this report (<code>--no-texts</code>)."))
        for text in texts where text.count > 3 {
            #expect(!page.contains(text), "\(text)")
            #expect(!page.contains(text.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "&", with: "&amp;")))
        }
        // --top 3 lists three.
        let (_, top) = try Self.report([output, "--top", "3"])
        #expect(top.components(separatedBy: "<td class=\"text\">").count - 1 == 3)
    }

    @Test func geocodeWritesTheReportInTheSameRun() throws {
        let output = GeocodeBinary.scratchFile(".csv").path, page = GeocodeBinary.scratchFile(".html").path
        let summaryPath = GeocodeBinary.scratchFile(".json").path
        let run = try GeocodeBinary.run([GeocodeBinary.fixture("sample-incidents.csv"), "-o", output, "--report", page,
                                         "--summary-json", summaryPath])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("report \(page)"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath))) as! [String: Any]
        Self.expectFigures(try String(contentsOfFile: page, encoding: .utf8), match: summary)
        // Without --summary-json the page still names the gazetteer and the PROJ operation.
        let bare = GeocodeBinary.scratchFile(".html").path
        #expect(try GeocodeBinary.run([GeocodeBinary.fixture("sample-incidents.csv"), "-o", output, "--report", bare, "-q"]).status == 0)
        let text = try String(contentsOfFile: bare, encoding: .utf8)
        #expect(text.contains(summary["projOperation"] as! String) && !text.contains("not known"))
        // A report needs the output file.
        let refused = try GeocodeBinary.run([GeocodeBinary.fixture("sample-incidents.csv"), "--report", bare])
        #expect(refused.status == 64 && refused.stderr.contains("--report needs -o"))
    }

    @Test func errorsNameTheProblemAndExitWithTheirStatus() throws {
        let (missing, _) = try Self.report(["/no/such/file.csv"])
        #expect(missing.status == 66 && missing.stderr.contains("/no/such/file.csv"))
        let (raw, _) = try Self.report([GeocodeBinary.fixture("sample-incidents.csv")])
        #expect(raw.status == 65 && raw.stderr.contains(
            "no match_type column (with --no-header output, geocode again with a header)"))
        let (output, _, _) = try Self.geocodeSample()
        let page = GeocodeBinary.scratchFile(".html").path
        let gazetteer = try LocusBinary.run(["report", output, "-o", page, "--gazetteer", "/no/such.sqlite"])
        #expect(gazetteer.status == 69 && gazetteer.stderr.contains("/no/such.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: page))
        let format = try LocusBinary.run(["report", output, "-o", page, "--format", "xml"])
        #expect(format.status == 64)
        // The command line names its options where the library names none.
        let (top, _) = try Self.report([output, "--top=-1"])
        #expect(top.status == 64 && top.stderr.contains("locus report: error: --top: give 0 or more"))
        let (column, _) = try Self.report([output, "--address-column", "Nowhere"])
        #expect(column.status == 64 && column.stderr.contains("--address-column: no column Nowhere in \(output)"))
        let notSummary = GeocodeBinary.scratchFile(".json")
        try Data("[1]".utf8).write(to: notSummary)
        let (summary, _) = try Self.report([output, "--summary-json", notSummary.path])
        #expect(summary.status == 65 && summary.stderr.contains(
            "cannot use the summary \(notSummary.path): it is not the JSON locus geocode --summary-json writes"))
    }
}
