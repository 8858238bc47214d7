import Foundation

/// What the build learnt about one source file; stored in the `source` table and printed by `gazetteer info`.
public struct SourceReport: Sendable, Equatable, Codable {
    /// The file name (or `archive.zip!member` for the members read out of a zip).
    public var name: String
    /// The importer that read it (`codepoint-london-csv`, `onspd`, `naptan`, …).
    public var format: String
    /// Data rows read (header excluded).
    public var rows: Int
    /// Rows that could not be used, each counted; the first few are in `faults`.
    public var malformed: Int
    /// Good rows deliberately left out (outside London, or not the kind of thing the gazetteer holds).
    public var skipped: Int
    /// SHA-256 of the file's bytes, hex: the source's fingerprint.
    public var sha256: String
    /// The attribution statement the source's licence requires.
    public var licence: String
    /// The first few malformed rows as `file:line: reason`.
    public var faults: [String]

    /// A report from its parts.
    public init(name: String, format: String, rows: Int = 0, malformed: Int = 0, skipped: Int = 0, sha256: String = "",
                licence: String, faults: [String] = []) {
        self.name = name
        self.format = format
        self.rows = rows
        self.malformed = malformed
        self.skipped = skipped
        self.sha256 = sha256
        self.licence = licence
        self.faults = faults
    }

    /// How many malformed rows are described in `faults`.
    static let faultsKept = 5

    mutating func malformedRow(line: Int, _ reason: String) {
        malformed += 1
        if faults.count < Self.faultsKept { faults.append("\(name):\(line): \(reason)") }
    }
}
