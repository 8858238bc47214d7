import ArgumentParser
import Foundation
import Locus

/// `locus normalise TEXT`: shows how Locus reads one location.
struct NormaliseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalise",
        abstract: "Show how a free-text location is read: qualifiers, number, street, places, postcode.",
        aliases: ["normalize"]
    )

    @Argument(help: "The location text, e.g. \"O/S 12A HIGH ST, CROYDON CR0 1AB\"; - reads one location a line from standard input.")
    var text: String

    @Flag(help: "Print the parse as JSON.")
    var json = false

    @Flag(help: "Print the parse on one line (with - : the input, a tab, the one-line parse, a tab, the canonical form).")
    var summary = false

    func run() throws {
        let normaliser = Normaliser()
        if text == "-" {
            while let line = readLine() {
                let parsed = normaliser.parse(line)
                print(line + "\t" + parsed.summary + "\t" + parsed.canonical)
            }
            return
        }
        let parsed = normaliser.parse(text)
        if summary {
            print(parsed.summary)
        } else if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(parsed), as: UTF8.self))
        } else {
            print(parsed.description(of: text))
        }
    }
}
