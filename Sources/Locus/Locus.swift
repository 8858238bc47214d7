/// Locus geocodes the free-text locations of London police records.
///
/// The library is laid out one folder per concern: `Normalise` (free text → `ParsedLocation`),
/// `Gazetteer` (building and reading the SQLite gazetteer), `Match` (scoring candidates),
/// `Projection` (PROJ), `Batch` (streaming CSV in and out) and `Dictionaries` (the word tables).
package enum LocusInfo {
    /// The version of Locus, written into gazetteer metadata and run summaries.
    package static let version = "0.1.0"
}
