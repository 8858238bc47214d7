import Foundation
import Testing

/// Finds the project's shared development data (`../shared` beside the checkout, or `$LOCUS_SHARED_DIR`).
///
/// Tests that need the real London data use `.enabled(if: SharedData.isAvailable, SharedData.skipMessage)`,
/// so a machine without it skips them with a clear message; CI always has it.
enum SharedData {
    /// The `shared/` folder, or nil when it is not there.
    static let root: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["LOCUS_SHARED_DIR"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            return fm.fileExists(atPath: url.appendingPathComponent("data/london").path) ? url : nil
        }
        // The repository root is three levels above this file (Tests/LocusTests/Support/).
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = repo.deletingLastPathComponent().appendingPathComponent("shared")
        return fm.fileExists(atPath: candidate.appendingPathComponent("data/london").path) ? candidate : nil
    }()

    static var isAvailable: Bool { root != nil }

    static let skipMessage: Comment =
        "needs the shared London data: put it at ../shared beside the checkout or set LOCUS_SHARED_DIR"

    /// `shared/data/london/<relative>`; only call when `isAvailable`.
    static func london(_ relative: String) -> URL {
        root!.appendingPathComponent("data/london").appendingPathComponent(relative)
    }

    /// `shared/eval/<relative>`; only call when `isAvailable`.
    static func eval(_ relative: String) -> URL {
        root!.appendingPathComponent("eval").appendingPathComponent(relative)
    }
}
