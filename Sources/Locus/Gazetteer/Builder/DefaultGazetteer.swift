import Foundation

/// Where the default gazetteer lives and how it is built when missing: from the London source pack shipped
/// with Locus (`gazetteer/london/london-pack.zip`), offline, never from the network.
///
/// The default file is `$LOCUS_GAZETTEER`, else `<data folder>/<edition>.sqlite`, where the data folder is
/// `$XDG_DATA_HOME/locus`, else `~/.local/share/locus`: never a folder of the working directory.
public enum DefaultGazetteer {
    /// The pack's file name wherever it is installed.
    public static let packFileName = "london-pack.zip"

    /// Locus's per-user data folder: `$XDG_DATA_HOME/locus`, else `$HOME/.local/share/locus`.
    public static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("locus")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/locus")
    }

    /// `$LOCUS_GAZETTEER`, else `<data folder>/<edition>.sqlite`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["LOCUS_GAZETTEER"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return dataFolder(environment: environment).appendingPathComponent("\(LondonPackEdition.edition).sqlite")
    }

    /// The repository this library was compiled from (holding `Package.swift`), found from this source file.
    static let sourceCheckout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where the pack is looked for, in order: `$LOCUS_PACK`; beside the executable, or in `../share/locus`
    /// from it; the data folder; the source checkout Locus was compiled from.
    public static func packCandidates(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) -> [URL] {
        if let pack = environment["LOCUS_PACK"], !pack.isEmpty { return [URL(fileURLWithPath: pack)] }
        var candidates: [URL] = []
        if let executable {
            let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent(packFileName))
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/locus/\(packFileName)"))
        }
        candidates.append(dataFolder(environment: environment).appendingPathComponent(packFileName))
        candidates.append(sourceCheckout.appendingPathComponent("gazetteer/london/\(packFileName)"))
        return candidates
    }

    /// The first pack that exists; the error lists where it was looked for.
    public static func findPack(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) throws(GazetteerBuildError) -> URL {
        let candidates = packCandidates(environment: environment, executable: executable)
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw .pack("no source pack found (looked for \(candidates.map(\.path).joined(separator: ", "))); "
                    + "set LOCUS_PACK to london-pack.zip, or name sources with --sources")
    }

    /// The sources of a default build: the whole pack, checked against its manifest.
    public static func sources(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(GazetteerBuildError) -> GazetteerSources {
        let location = try findPack(environment: environment)
        do { return try SourcePack(location).gazetteerSources } catch { throw .pack(error.description) }
    }

    /// Builds the default gazetteer at `path` from the pack unless a file is already there; returns the path.
    /// The batch command calls this before geocoding.
    @discardableResult
    public static func buildIfMissing(
        at path: URL = DefaultGazetteer.path(), environment: [String: String] = ProcessInfo.processInfo.environment,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws(GazetteerBuildError) -> URL {
        if FileManager.default.fileExists(atPath: path.path) { return path }
        _ = try GazetteerBuilder(sources: sources(environment: environment)).build(to: path, progress: progress)
        return path
    }
}
