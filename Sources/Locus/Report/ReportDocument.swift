import Foundation

/// What a `--summary-json` file says that a report shows: the run's totals (to check the file against) and the
/// gazetteer edition and PROJ operation. Only these fields are read; others are ignored.
struct ReportRunSummary: Sendable, Equatable, Decodable {
    var input: String?
    var rows: Int?
    var locatedRows: Int?
    var gazetteerVersion: String?
    var projOperation: String?
    /// The location columns the run read (`columns.address`), by name.
    var columns: Columns?

    /// The part of `columns` a report uses.
    struct Columns: Sendable, Equatable, Decodable {
        struct Column: Sendable, Equatable, Decodable { package var name: String? }
        var address: [Column]
    }

    /// The names of the location columns the run read, when the summary has them all.
    var addressColumnNames: [String] {
        let names = (columns?.address ?? []).compactMap(\.name)
        return names.count == columns?.address.count ? names : []
    }

    init(input: String? = nil, rows: Int? = nil, locatedRows: Int? = nil, gazetteerVersion: String? = nil,
                projOperation: String? = nil) {
        self.input = input
        self.rows = rows
        self.locatedRows = locatedRows
        self.gazetteerVersion = gazetteerVersion
        self.projOperation = projOperation
    }

    /// Reads the summary `locus geocode --summary-json` wrote.
    static func load(path: String) throws(ReportError) -> ReportRunSummary {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .badSummary(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(ReportRunSummary.self, from: data)
        } catch {
            throw .notASummary(path: path)
        }
    }
}

/// Everything one report page shows.
struct ReportDocument: Sendable {
    /// The geocoded file's name, as the page's title.
    var inputName: String
    var tally: ReportTally
    var summary: ReportRunSummary?
    /// The version of the gazetteer the map was drawn from, when one was given.
    var mapGazetteerVersion: String?
    var map: ReportMap
    /// How many texts not located to list; 0 with `--no-texts`.
    var topTexts: Int
    /// The columns the texts came from.
    var textColumns: [String]
    /// How the page's hints name the settings.
    var settingNames: ReportSettingNames

    init(inputName: String, tally: ReportTally, summary: ReportRunSummary? = nil,
                mapGazetteerVersion: String? = nil, map: ReportMap, topTexts: Int = 50, textColumns: [String] = [],
                settingNames: ReportSettingNames = ReportSettingNames()) {
        self.settingNames = settingNames
        self.inputName = inputName
        self.tally = tally
        self.summary = summary
        self.mapGazetteerVersion = mapGazetteerVersion
        self.map = map
        self.topTexts = topTexts
        self.textColumns = textColumns
    }

    /// The fault code that kept a row without coordinates, for the texts table.
    static func stoppingFault(_ key: ReportTextKey) -> String {
        let faults = key.faults.split(separator: ";").map(String.init)
        for code in ["coarse", "low_score", "ambiguous", "postcode.outside_london"] where faults.contains(code) {
            return code
        }
        if let nothing = faults.first(where: { $0.hasPrefix("nothing_to_geocode") }) { return nothing }
        if let csv = faults.first(where: { $0.hasPrefix("csv.") }) { return csv }
        if key.matchType == .none { return faults.isEmpty ? "no candidate" : "no candidate (\(faults[0]))" }
        return faults.first ?? "no coordinates"
    }
}
