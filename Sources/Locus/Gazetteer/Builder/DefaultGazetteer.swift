import Foundation

/// Where the default gazetteer lives and how it is built when missing: from the London source pack shipped
/// with Locus (`gazetteer/london/london-pack.zip`), offline, never from the network.
///
/// The default file is `$LOCUS_GAZETTEER`, else `<data folder>/<edition>.sqlite`, where the data folder is
/// `PackLocation.dataFolder` (`$XDG_DATA_HOME/locus`, else `~/.local/share/locus`): never a folder of the
/// working directory.
package enum DefaultGazetteer {
    /// `$LOCUS_GAZETTEER`, else `<data folder>/<edition>.sqlite`.
    package static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["LOCUS_GAZETTEER"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return PackLocation.dataFolder(environment: environment)
            .appendingPathComponent("\(LondonPackEdition.edition).sqlite")
    }

    /// The first pack that exists; the error lists where it was looked for.
    static func findPack(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) throws(GazetteerBuildError) -> URL {
        let candidates = PackLocation.candidates(environment: environment, executable: executable)
        if let found = PackLocation.firstExisting(candidates) { return found }
        throw .noPack(lookedFor: candidates.map(\.path))
    }

    /// The sources of a default build: the whole pack, checked against its manifest.
    package static func sources(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(GazetteerBuildError) -> GazetteerSources {
        let location = try findPack(environment: environment)
        do { return try SourcePack(location).gazetteerSources } catch { throw .pack(error.description) }
    }

    /// Builds the default gazetteer at `path` from the pack unless a file is already there; returns the path.
    /// The batch command calls this before geocoding.
    @discardableResult
    static func buildIfMissing(
        at path: URL = DefaultGazetteer.path(), environment: [String: String] = ProcessInfo.processInfo.environment,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws(GazetteerBuildError) -> URL {
        if FileManager.default.fileExists(atPath: path.path) { return path }
        _ = try GazetteerBuilder(sources: sources(environment: environment)).build(to: path, progress: progress)
        return path
    }
}
