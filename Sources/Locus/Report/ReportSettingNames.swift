/// The names under which a report's user gives the settings the page's hints point at (a command line's
/// options); the library names none, and a hint without a name only says what is missing.
package struct ReportSettingNames: Sendable, Equatable {
    /// Gives the run's summary JSON (`ReportJob.summaryPath`).
    package var summary: String?
    /// Gives the gazetteer the map's boroughs come from (`ReportJob.gazetteerPath`).
    package var gazetteer: String?
    /// Leaves the texts out (`ReportJob.noTexts`).
    package var noTexts: String?
    /// Names the location columns (`ReportJob.textColumns`).
    package var textColumns: String?

    /// Names as given; none by default.
    package init(summary: String? = nil, gazetteer: String? = nil, noTexts: String? = nil, textColumns: String? = nil) {
        (self.summary, self.gazetteer, self.noTexts, self.textColumns) = (summary, gazetteer, noTexts, textColumns)
    }
}
