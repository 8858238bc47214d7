import ArgumentParser
import Foundation
import Locus

/// `locus explain TEXT`: how one location geocodes, and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one location geocodes: the parse, the top candidates with scores and faults, the result.",
        discussion: """
            EXAMPLES:
              locus explain "O/S 12 HIGH ST CROYDON"
              locus explain --borough "Richmond upon Thames" --json "175 ASHBURNHAM RD, HAM"
            """)

    @Argument(help: "The location text.")
    var text: String

    @Option(help: "A postcode given apart from the text (as a postcode column would).")
    var postcode: String?

    @Option(help: "A borough given apart from the text (as a borough column would).")
    var borough: String?

    @Option(help: "How many candidates to show.")
    var top = 5

    @Flag(help: "Print the explanation as JSON.")
    var json = false

    @Option(help: "The gazetteer (default: $LOCUS_GAZETTEER, else gazetteer/london.sqlite).")
    var gazetteer: String?

    @Option(help: "Coordinates only for results at least this precise (metres).")
    var maxPrecisionM = Matcher.defaultAcceptanceRadius

    func run() throws {
        let path = gazetteer.map { URL(fileURLWithPath: $0) } ?? DefaultGazetteer.path()
        let store: GazetteerStore
        do {
            store = try GazetteerStore(path: path, maximumReaders: 1)
        } catch {
            FileHandle.standardError.write(Data("locus explain: error: \(error)\n".utf8))
            throw ExitCode(69)
        }
        let matcher = Matcher(store: store, acceptanceRadius: maxPrecisionM, preload: false)
        var explanation = matcher.explain(LocationQuery(text: text, postcode: postcode, borough: borough))
        if json {
            explanation.candidates = Array(explanation.candidates.prefix(top))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(explanation), as: UTF8.self))
        } else {
            print(explanation.text(limit: top), terminator: "")
        }
    }
}
