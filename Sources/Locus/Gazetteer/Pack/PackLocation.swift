import Foundation

/// Where Locus keeps its per-user data, and where the London source pack (`london-pack.zip`) is looked for:
/// never a folder of the working directory.
enum PackLocation {
    /// The pack's file name wherever it is installed.
    static let packFileName = "london-pack.zip"

    /// Locus's per-user data folder: `$XDG_DATA_HOME/locus`, else `$HOME/.local/share/locus`.
    static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("locus")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/locus")
    }

    /// The repository this library was compiled from (holding `Package.swift`), found from this source file.
    static let sourceCheckout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where the pack is looked for, in order: `$LOCUS_PACK`; beside the executable, or in `../share/locus`
    /// from it; the data folder; the source checkout Locus was compiled from.
    static func candidates(
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

    /// The first of `candidates` that exists, or nil.
    static func firstExisting(_ candidates: [URL]) -> URL? {
        candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
