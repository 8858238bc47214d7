import ArgumentParser
import Foundation
import Locus

/// `locus geocode --report FILE.html`: the report of the output, made once the run has ended.
extension GeocodeCommand {
    /// Where the run's summary JSON goes when a report is asked for (the `--summary-json` file, else a
    /// temporary one), or nil without `--report`. A report needs `-o`: it is made from the output file.
    func reportSummaryPath() throws -> String? {
        guard report != nil else { return nil }
        guard let output = csv.output, output != "-" else {
            FileHandle.standardError.write(Data("locus geocode: error: --report needs -o FILE (the report reads the output)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        guard !noHeader else {
            FileHandle.standardError.write(Data("locus geocode: error: --report needs a header row (not --no-header)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        return summaryJson ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-report-summary-\(getpid()).json").path
    }

    /// Writes the report of `output`, with the boroughs from the run's gazetteer.
    func writeReport(_ path: String, from output: String, summary: String, gazetteer: String) throws {
        defer { if summaryJson == nil { try? FileManager.default.removeItem(atPath: summary) } }
        var job = ReportJob(inputPath: output, outputPath: path)
        job.settingNames = ErrorMessage.reportSettings
        job.format = ReportInputFormat(rawValue: csv.format.rawValue)
        job.prefix = prefix
        job.summaryPath = summary
        job.gazetteerPath = gazetteer
        do {
            let outcome = try job.run()
            if !csv.quiet {
                FileHandle.standardError.write(Data(
                    "locus geocode: report \(path) (\(outcome.bytes / 1024) KB)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("locus geocode: error: report: \(ErrorMessage.of(error))\n".utf8))
            throw ExitStatus.of(error).exitCode
        }
    }
}
