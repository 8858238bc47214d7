import Locus

/// The messages `locus` prints for the library's errors. The library says what is wrong with which value; these
/// also name the option to change, as a user at the command line needs.
enum ErrorMessage {
    /// The message for any error a command reports.
    static func of(_ error: any Error) -> String {
        switch error {
        case let error as BatchError: return of(error)
        case let error as InputError: return of(error)
        case let error as ReprojectionError: return of(error)
        case let error as ReportError: return of(error)
        case let error as GazetteerBuildError: return of(error)
        default: return "\(error)"
        }
    }

    /// The option that names a batch column.
    static func option(_ column: BatchColumn) -> String {
        switch column {
        case .location: return "--address-column"
        case .postcode: return "--postcode-column"
        case .borough: return "--borough-column"
        }
    }

    /// The option that names a batch output.
    static func option(_ output: BatchOutput) -> String {
        switch output {
        case .rows: return "-o"
        case .unmatched: return "--unmatched"
        case .summary: return "--summary-json"
        }
    }

    static func of(_ error: BatchError) -> String {
        switch error {
        case .tooFewThreads:
            return "--threads: give at least 1"
        case .malformedCRS:
            return "--crs: write the system as EPSG:nnnn, for example EPSG:3857"
        case let .unusableCRS(_, reason):
            return "--crs: \(reason)"
        case let .unknownColumn(column, name, available):
            return "\(option(column)) \(name): no such column; the columns are: \(BatchError.list(available))"
        case let .columnNumberOutOfRange(column, number, width):
            return "\(option(column)) \(number): " + BatchError.outOfRange(width)
        case let .columnNeedsNumber(column, name, width):
            return name == nil
                ? "\(option(column)): with --no-header, give the location column's number (1 to \(width))"
                : "\(option(column)): with --no-header, columns are picked by number (1 to \(width))"
        case let .noAddressColumn(input, available):
            return "\(input): line 1: no column called address or location; name the location column(s) "
                + "with --address-column NAME; the columns are: \(BatchError.list(available))"
        case let .columnClash(names, inputs):
            return BatchError.clash(names, inputs)
                + "; choose another --prefix for the added columns (for example --prefix geo_)"
        case let .sameOutputFile(first, firstPath, second, secondPath, path):
            return "\(option(first)) \(firstPath) and \(option(second)) \(secondPath) both name \(path); "
                + "give each output a file of its own"
        case .malformedRow:
            return "\(error) (--strict); fix the row or run without --strict to pass malformed rows through with a fault"
        case .gazetteerUnavailable:
            return "\(error); build it with `locus gazetteer build` or point --gazetteer (or LOCUS_GAZETTEER) at a built one"
        case .projUnavailable, .internalFailure, .refused:
            return "\(error)"
        }
    }

    /// A batch note, with the option that changes the choice.
    @Sendable static func of(_ note: BatchNote) -> String {
        switch note {
        case let .severalEvidenceColumns(column, _): return note.situation + "; pick one with \(option(column)) NAME"
        case .addedColumnsPrefixed: return note.situation + " (choose with --prefix)"
        }
    }

    /// The options a report page's hints name.
    static let reportSettings = ReportSettingNames(
        summary: "--summary-json", gazetteer: "--gazetteer", noTexts: "--no-texts", textColumns: "--address-column")

    static func of(_ error: ReportError) -> String {
        switch error {
        case .negativeTopTexts: return "--top: give 0 or more"
        case let .unknownTextColumn(name, path): return "--address-column: no column \(name) in \(path)"
        case let .noMatchTypeColumn(path):
            return ReportError.notGeocoded(path, "no match_type column (with --no-header output, geocode again with a header)")
        case let .severalMatchTypeColumns(path, names):
            return ReportError.notGeocoded(path, "several match_type columns (\(names.joined(separator: ", "))); give --prefix")
        case let .missingAddedColumn(path, column, givenPrefix):
            return ReportError.notGeocoded(path, "no \(column) column" + (givenPrefix.map { " (is --prefix \($0) right?)" } ?? ""))
        case let .notASummary(path):
            return "\(ReportError.badSummary(path: path, reason: "it is not the JSON locus geocode --summary-json writes"))"
        default: return "\(error)"
        }
    }

    static func of(_ error: GazetteerBuildError) -> String {
        guard case .noPack = error else { return "\(error)" }
        return "\(error), or name a pack with --sources"
    }

    static func of(_ error: InputError) -> String {
        guard case .invalidEncoding = error else { return "\(error)" }
        return "\(error); if the file comes from Windows or Excel, try --encoding windows-1252"
    }

    static func of(_ error: ReprojectionError) -> String {
        switch error {
        case let .input(error):
            return of(error)
        case let .missingColumn(name, axis, input, available):
            return "\(input) has no column '\(name)' (--\(axis)-column); its columns are: "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        case .columnClash:
            return "\(error), e.g. --prefix wgs84_"
        case .projection(.projUnavailable):
            return "\(error), or pass --proj-data FOLDER"
        case .projection, .output, .noHeader:
            return "\(error)"
        }
    }
}
