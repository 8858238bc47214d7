import Foundation
import Testing

/// Headless Chromium (Debian `chromium`), when installed.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { path != nil }

    /// Opens `page` headless; returns the DOM after load and the console messages the page logged.
    /// With `screenshot`, also writes a PNG of the page at `width` × `height` pixels.
    static func open(_ page: String, screenshot: URL? = nil, width: Int = 1280, height: Int = 2400) throws
        -> (dom: String, console: [String])
    {
        let profile = GeocodeBinary.scratchFile("-chromium")
        defer { try? FileManager.default.removeItem(at: profile) }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                      "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)",
                      "--enable-logging=stderr", "--v=0"]
        let (dom, log) = try run(common + ["--dump-dom", URL(fileURLWithPath: page).absoluteString])
        if let screenshot {
            try FileManager.default.createDirectory(at: screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try run(common + ["--screenshot=\(screenshot.path)", URL(fileURLWithPath: page).absoluteString])
        }
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (dom, console)
    }

    private static func run(_ arguments: [String]) throws -> (String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments
        let out = GeocodeBinary.scratchFile(".out"), err = GeocodeBinary.scratchFile(".err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}

/// Opens reports in a real browser: no console error, the script ran, the figures are on the page, and a
/// screenshot is kept in `.build/test-artefacts/` (not committed) so the layout can be looked at.
@Suite(.enabled(if: Chromium.available, "needs chromium (Debian package chromium)"))
struct ReportBrowserTests {
    static let artefacts = LocusBinary.repositoryRoot.appendingPathComponent(".build/test-artefacts")

    @Test func theSamplesReportOpensWithoutErrors() throws {
        let (output, summary, summaryPath) = try ReportCommandTests.geocodeSample()
        let (result, page) = try ReportCommandTests.report([output, "--summary-json", summaryPath])
        #expect(result.status == 0, "\(result.stderr)")
        let file = GeocodeBinary.scratchFile(".html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let opened = try Chromium.open(file.path, screenshot: Self.artefacts.appendingPathComponent("report-sample.png"))
        #expect(opened.console.isEmpty, "\(opened.console)")
        #expect(opened.dom.contains("data-loaded-ms=\""), "the page's script did not run to the load event")
        ReportCommandTests.expectFigures(opened.dom, match: summary)
        #expect(FileManager.default.fileExists(atPath: Self.artefacts.appendingPathComponent("report-sample.png").path))
    }

    @Test func aReportOf100000RowsOpensWithoutErrors() throws {
        // The sample's 30 rows 3,334 times over (100,020 rows), geocoded for real, drawn as hexagons.
        let sample = try String(contentsOf: GeocodeBinary.fixtureURL("sample-incidents.csv"), encoding: .utf8)
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: true)
        let body = lines.dropFirst().joined(separator: "\n") + "\n"
        let input = GeocodeBinary.scratchFile(".csv")
        try (String(lines[0]) + "\n" + String(repeating: body, count: 3_334)).write(to: input, atomically: true, encoding: .utf8)
        let output = GeocodeBinary.scratchFile(".csv").path, summaryPath = GeocodeBinary.scratchFile(".json").path
        let run = try GeocodeBinary.run([input.path, "-o", output, "--summary-json", summaryPath, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath))) as! [String: Any]
        #expect(summary["rows"] as? Int == 100_020)
        let (result, page) = try ReportCommandTests.report([output, "--summary-json", summaryPath, "--dot-limit", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(page.contains("class=\"hexagons\""))
        let file = GeocodeBinary.scratchFile(".html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let opened = try Chromium.open(file.path, screenshot: Self.artefacts.appendingPathComponent("report-100k.png"))
        #expect(opened.console.isEmpty, "\(opened.console)")
        #expect(opened.dom.contains("data-loaded-ms=\""))
        ReportCommandTests.expectFigures(opened.dom, match: summary)
    }
}
