import Foundation

/// The gazetteer a `locus geocode` run matches against, and the matcher on it.
///
/// A gazetteer named with `--gazetteer` or `LOCUS_GAZETTEER` must exist (a missing one is an error that says
/// how to build it: a typo must not start a build). With neither, the default
/// `<data folder>/<edition>.sqlite` (`$XDG_DATA_HOME/locus`, else `~/.local/share/locus`; never the working
/// directory) is used, and built first from the London source pack when missing, offline, so that the first
/// command on a fresh machine just works.
package struct BatchGazetteer: Sendable, Equatable {
    /// The file to open.
    package var path: String
    /// True when no gazetteer was named: the default one, built when missing.
    var isDefault: Bool

    /// `option` (`--gazetteer`), else `LOCUS_GAZETTEER`, else the default in the data folder.
    package init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let named = option ?? environment["LOCUS_GAZETTEER"].flatMap({ $0.isEmpty ? nil : $0 }) {
            path = named
            isDefault = false
        } else {
            var unnamed = environment
            unnamed["LOCUS_GAZETTEER"] = nil
            path = DefaultGazetteer.path(environment: unnamed).path
            isDefault = true
        }
    }

    /// Builds the default gazetteer when it is the one chosen and missing, telling `events` what happens
    /// (where from, the build's progress, the time it took) for the caller to word. Failure is
    /// `BatchError.gazetteerUnavailable` (exit 69).
    package func buildIfNeeded(environment: [String: String] = ProcessInfo.processInfo.environment,
                              events: @escaping @Sendable (DefaultGazetteerBuild) -> Void) throws(BatchError) {
        guard isDefault, !FileManager.default.fileExists(atPath: path) else { return }
        let started = Date()
        do {
            let sources = try DefaultGazetteer.sources(environment: environment)
            events(.starting(path: path, pack: sources.pack?.location.path, edition: sources.pack?.edition))
            _ = try GazetteerBuilder(sources: sources).build(to: URL(fileURLWithPath: path)) { events(.progress($0)) }
        } catch {
            throw .gazetteerUnavailable(path: path, reason: "it could not be built: \(error)")
        }
        events(.finished(path: path, seconds: Date().timeIntervalSince(started)))
    }

    /// Opens the gazetteer read-only and makes the matcher on it, with the gazetteer's version for the
    /// summary. A missing or unreadable file is an error that says how to build one (exit 69).
    /// `warning` hears when the gazetteer has no streets (a postcode-only build locates far fewer rows).
    package func openMatcher(acceptanceRadius: Double = Matcher.defaultAcceptanceRadius,
                            warning: ((String) -> Void)? = nil)
        throws -> (geocoder: any Geocoding, gazetteerVersion: String)
    {
        let store: GazetteerStore
        do {
            store = try GazetteerStore(path: URL(fileURLWithPath: path))
        } catch let GazetteerStoreError.unreadable(_, reason) {
            // Named as the user gave it, with what to do.
            throw BatchError.gazetteerUnavailable(path: path, reason: reason)
        }
        if let warning, let note = Self.postcodeOnlyWarning(store, path: path) { warning(note) }
        let matcher = StoreCheckedGeocoder(
            matcher: Matcher(store: store, acceptanceRadius: acceptanceRadius), store: store,
            postcodeOnlyWarning: Self.postcodeOnlyWarning(store, path: path))
        return (matcher, BatchSummary.gazetteerVersion(meta: store.meta))
    }

    /// The warning for a gazetteer without streets, or nil.
    static func postcodeOnlyWarning(_ store: GazetteerStore, path: String) -> String? {
        guard (store.entityCounts[.street] ?? 0) == 0 else { return nil }
        return "the gazetteer \(path) has no streets (a postcode-only build): only postcodes and areas can be "
            + "located; build the full one with `locus gazetteer build` (from the London source pack)"
    }
}

/// The matcher with its store's read failures reported (`Geocoding.readFailure`), so that a gazetteer that
/// fails mid-run stops the run (exit 74) instead of yielding rows quietly unmatched.
struct StoreCheckedGeocoder: Geocoding {
    let matcher: Matcher
    let store: GazetteerStore
    /// Set when the gazetteer has no streets: `BatchJob` says so on every run and in the summary.
    let postcodeOnlyWarning: String?

    func geocode(_ query: LocationQuery) -> GeocodeResult { matcher.geocode(query) }
    func readFailure() -> (any Error)? { store.firstReadError }
}

/// What building the default gazetteer on first use reports, in order, for the caller to word.
package enum DefaultGazetteerBuild: Sendable, Equatable {
    /// No gazetteer is at `path` yet: it is built once, from the source pack at `pack` (of `edition`), or from
    /// the default sources when `pack` is nil.
    case starting(path: String, pack: String?, edition: String?)
    /// One line of the builder's progress.
    case progress(String)
    /// The gazetteer at `path` was built in `seconds`.
    case finished(path: String, seconds: Double)
}
