import Foundation
import Locus

/// What `locus geocode` and `locus reverse` print while they build the default gazetteer on first use: said
/// even with `--quiet`, since the first run takes longer than the rest.
enum FirstRunNote {
    /// The line for one event of the build.
    static func line(_ event: DefaultGazetteerBuild) -> String {
        switch event {
        case let .starting(path, pack, edition):
            let from = pack.map { "the source pack \($0) (edition \(edition ?? "unknown"))" } ?? "the default sources"
            return "no gazetteer at \(path) yet: building the default one from \(from), once"
        case let .progress(line):
            return line
        case let .finished(path, seconds):
            return String(format: "built %@ in %.1f s", path, seconds)
        }
    }

    /// Writes the event's line to stderr.
    @Sendable static func write(_ event: DefaultGazetteerBuild) {
        FileHandle.standardError.write(Data("locus: \(line(event))\n".utf8))
    }
}
