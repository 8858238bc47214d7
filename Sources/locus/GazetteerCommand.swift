import ArgumentParser
import Foundation
import Locus

/// `locus gazetteer build|info|verify`.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Build, describe or verify the SQLite gazetteer Locus matches against.",
        subcommands: [Build.self, Info.self, Verify.self]
    )

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a gazetteer from the London source pack or from source files, offline.",
            discussion: """
                With no source options, builds the full London gazetteer from the source pack shipped with \
                Locus (london-pack.zip: $LOCUS_PACK, else beside the executable or in ../share/locus, else the \
                data folder, else the source checkout). --sources names another pack (a zip, or a folder laid \
                out like it); the single-source options add to or replace its files. Never uses the network. \
                Output: -o PATH, else $LOCUS_GAZETTEER, else $XDG_DATA_HOME/locus/<edition>.sqlite, else \
                ~/.local/share/locus/<edition>.sqlite.
                """)

        @Option(name: .shortAndLong, help: "Where to write the gazetteer.")
        var output: String?
        @Option(help: "A source pack: a zip or a folder laid out like gazetteer/london/london-pack.zip.")
        var sources: String?
        @Option(help: .hidden)
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
        @Option(help: "GeoJSON street lines, WGS84 or EPSG:27700 (an OSM extract via osmium export or ogr2ogr; repeatable).")
        var streetsGeojson: [String] = []
        @Option(help: "An OS Open Roads GeoPackage (oproad_gb.gpkg; London's links are read; repeatable).")
        var openRoads: [String] = []
        @Option(help: ArgumentHelp(
            "The least estimated postal addresses in a map point's catchment (for geocode --anonymise).",
            discussion: "Addresses are estimated as live postcode units × 4; see README, Publishing safely."))
        var mapPointThreshold = MapPointRules.defaultThreshold
        @Flag(help: "Print how long each phase of the build took (wall and CPU seconds) on standard error.")
        var timings = false

        func run() throws {
            let url = { (path: String) in URL(fileURLWithPath: path) }
            let destination = output.map(url) ?? DefaultGazetteer.path()
            var sources: GazetteerSources
            let clock = BuildClock()
            do {
                if let pack = self.sources ?? sharedData {
                    sources = try clock.measure("reading and checking the source pack") { () throws(SourcePackError) in
                        try SourcePack(url(pack)).gazetteerSources
                    }
                } else if codepoint.isEmpty {
                    sources = try clock.measure("reading and checking the source pack") { try DefaultGazetteer.sources() }
                } else {
                    sources = GazetteerSources(codePoint: codepoint.map(url))
                }
            } catch {
                FileHandle.standardError.write(Data("locus gazetteer build: error: \(ErrorMessage.of(error))\n".utf8))
                throw ExitStatus.of(sourceError: error).exitCode
            }
            if let pack = sources.pack {
                FileHandle.standardError.write(Data(
                    "locus: building from the source pack \(pack.location.path) (edition \(pack.edition ?? "unknown"))\n".utf8))
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
            sources.streetLines += streetsGeojson.map(url)
            sources.openRoads += openRoads.map(url)
            guard mapPointThreshold >= 1 else {
                FileHandle.standardError.write(Data("locus gazetteer build: error: --map-point-threshold: give at least 1\n".utf8))
                throw ExitStatus.usage.exitCode
            }
            var builder = GazetteerBuilder(sources: sources)
            builder.mapPointThreshold = mapPointThreshold
            let summary = try builder.build(to: destination, clock: clock) { line in
                FileHandle.standardError.write(Data("locus: \(line)\n".utf8))
            }
            if timings {
                let lines = clock.phases.map(\.line).joined(separator: "\n")
                FileHandle.standardError.write(Data("locus: build phases (nested ones indented)\n\(lines)\n".utf8))
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
        static let configuration = CommandConfiguration(
            abstract: "Print a gazetteer's metadata, pack edition, sources, counts and attribution.",
            discussion: "EXIT STATUS: 0 printed; 69 the file is missing or is not a readable gazetteer.")

        @Argument(help: "The gazetteer file (default: $LOCUS_GAZETTEER, else <data folder>/<edition>.sqlite).")
        var path: String?

        /// A missing or unreadable gazetteer exits 69 (as `locus geocode` does) with the reason and what to do.
        func run() throws {
            let url = path.map { URL(fileURLWithPath: $0) } ?? DefaultGazetteer.path()
            do {
                print(try GazetteerInfo.read(url).text, terminator: "")
            } catch {
                FileHandle.standardError.write(Data("locus gazetteer info: error: \(error)\n".utf8))
                throw ExitStatus.unavailable.exitCode
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a gazetteer against the digests recorded when it was built.",
            discussion: """
                Recomputes every table's SHA-256 and compares it with the one the build stored in the meta \
                table. EXIT STATUS: 0 intact; 65 a table differs (the first one is named); 66 no such file; \
                74 the file cannot be read (not a gazetteer, or damaged).
                """)

        @Argument(help: "The gazetteer file (default: $LOCUS_GAZETTEER, else <data folder>/<edition>.sqlite).")
        var path: String?

        func run() throws {
            let url = path.map { URL(fileURLWithPath: $0) } ?? DefaultGazetteer.path()
            func fail(_ status: ExitStatus, _ message: String) -> ExitCode {
                FileHandle.standardError.write(Data("locus gazetteer verify: \(message)\n".utf8))
                return status.exitCode
            }
            do {
                switch try GazetteerVerification.verify(url) {
                case let .intact(digest, tables):
                    print("\(url.path): intact (\(tables) tables, content digest \(digest))")
                case let .differs(table, recorded, found):
                    throw fail(.dataError, "\(url.path): table \(table) differs from the build's: digest \(found), "
                                  + "recorded \(recorded); rebuild it with `locus gazetteer build`")
                }
            } catch let error as GazetteerStoreError {
                throw fail(ExitStatus.of(verifyError: error), "\(error)")
            }
        }
    }
}
