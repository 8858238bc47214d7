import ArgumentParser
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
}
