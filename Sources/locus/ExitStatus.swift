import Locus

/// The exit statuses of `locus reproject` and `locus report`, beside the batch run's own
/// (`BatchExitCode.forError`, the status a `BatchJob` records in its summary): BSD sysexits, one table.
enum ExitStatus {
    /// 64 usage, 65 data, 66 no input, 69 PROJ's data missing, 73 cannot create the output, 74 I/O error,
    /// 0 for a closed output pipe (not an error).
    static func of(_ error: ReprojectionError) -> BatchExitCode {
        switch error {
        case .projection(.projUnavailable): return .gazetteerUnavailable
        case .projection, .missingColumn, .columnClash: return .usage
        case .noHeader: return .dataError
        case let .input(error): return BatchExitCode.forError(error)
        case let .output(error): return BatchExitCode.forError(error)
        }
    }

    /// The status `locus report` ends with (the `locus geocode` conventions).
    static func of(_ error: ReportError) -> BatchExitCode {
        switch error {
        case .badOption: return .usage
        case .notGeocodedOutput, .badRow, .badSummary: return .dataError
        case .unreadable: return .cannotOpenInput
        case .gazetteerUnavailable: return .gazetteerUnavailable
        case .cannotWrite: return .cannotCreateOutput
        }
    }
}
