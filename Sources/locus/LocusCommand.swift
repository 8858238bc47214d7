import ArgumentParser
import Foundation
import Locus

@main
struct LocusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locus",
        abstract: "Geocode the free-text locations of London police records.",
        version: LocusInfo.version,
        subcommands: [
            NormaliseCommand.self,
            ReprojectCommand.self,
            GazetteerCommand.self,
            GeocodeCommand.self,
            ReverseCommand.self,
            ExplainCommand.self,
            ReportCommand.self,
        ]
    )

    /// ArgumentParser's `main()`, except that a value `--format`, `--encoding` or `--delimiter` does not take
    /// ends as every usage error of the command does: `locus geocode` and `locus reverse` run without the value
    /// until their job records the error (so `--summary-json` is written, exit 64); `locus reproject` says it
    /// and exits 64.
    static func main() {
        InterruptCleanup.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            guard let subcommand = arguments.first, ["geocode", "reverse", "reproject"].contains(subcommand),
                  let refused = RefusedValue.find(in: Array(arguments.dropFirst()), subcommand: subcommand)
            else { exit(withError: error) }
            if subcommand != "reproject", var command = try? parseAsRoot([subcommand] + refused.rest) {
                RefusedValue.pending = refused.message
                do { try command.run() } catch { exit(withError: error) }
            }
            FileHandle.standardError.write(Data("locus \(subcommand): error: \(refused.message)\n".utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
