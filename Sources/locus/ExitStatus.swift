import ArgumentParser
import Locus

/// The exit statuses of every `locus` command (BSD sysexits), in one table, and which library outcome or error
/// ends with which. The library reports what happened (`BatchOutcome`, its errors); only this file turns that
/// into a status.
enum ExitStatus: Int32, CaseIterable {
    /// Success, also with unmatched rows or a closed output pipe.
    case success = 0
    /// EX_USAGE: unusable arguments or column names.
    case usage = 64
    /// EX_DATAERR: a malformed row under --strict, input not valid in its encoding, a file that is not what
    /// the command reads.
    case dataError = 65
    /// EX_NOINPUT: the input cannot be opened.
    case cannotOpenInput = 66
    /// EX_UNAVAILABLE: the gazetteer is missing or unusable, or PROJ's data is missing.
    case unavailable = 69
    /// EX_SOFTWARE: an internal error.
    case internalError = 70
    /// EX_CANTCREAT: an output file cannot be created.
    case cannotCreateOutput = 73
    /// EX_IOERR: reading or writing failed midway.
    case ioError = 74

    /// The status a batch run (`locus geocode`, `locus reverse`) ends with, also recorded in its summary.
    static func of(_ outcome: BatchOutcome) -> ExitStatus {
        switch outcome {
        case .completed, .outputClosed: return .success
        case .unusableRequest: return .usage
        case .invalidInput: return .dataError
        case .inputUnavailable: return .cannotOpenInput
        case .gazetteerUnavailable: return .unavailable
        case .internalFailure: return .internalError
        case .outputUncreatable: return .cannotCreateOutput
        case .ioFailure: return .ioError
        }
    }

    /// The status of `locus reproject`: PROJ's data missing is 69, an unknown CRS or column is a usage error,
    /// an input without a header is bad data; reading and writing as a batch run.
    static func of(_ error: ReprojectionError) -> ExitStatus {
        switch error {
        case .projection(.projUnavailable): return .unavailable
        case .projection, .missingColumn, .columnClash: return .usage
        case .noHeader: return .dataError
        case let .input(error): return of(BatchOutcome(failure: error))
        case let .output(error): return of(BatchOutcome(failure: error))
        }
    }

    /// The status `locus report` ends with (the `locus geocode` conventions).
    static func of(_ error: ReportError) -> ExitStatus {
        switch error {
        case .negativeTopTexts, .unknownTextColumn: return .usage
        case .notGeocodedOutput, .noMatchTypeColumn, .severalMatchTypeColumns, .missingAddedColumn, .badRow, .badSummary,
             .notASummary:
            return .dataError
        case .unreadable: return .cannotOpenInput
        case .gazetteerUnavailable: return .unavailable
        case .cannotWrite: return .cannotCreateOutput
        }
    }

    /// The status of `locus gazetteer build` when its sources cannot be read: a pack that fails its own
    /// checks is bad data; a missing pack or source, no input.
    static func of(sourceError error: any Error) -> ExitStatus {
        switch error {
        case SourcePackError.checksumMismatch, SourcePackError.badManifest: return .dataError
        default: return .cannotOpenInput
        }
    }

    /// The status of `locus gazetteer verify` when the file is not intact: missing, no input; unreadable or
    /// damaged, an I/O error.
    static func of(verifyError error: GazetteerStoreError) -> ExitStatus {
        if case .missing = error { return .cannotOpenInput }
        return .ioError
    }

    /// The status as ArgumentParser's exit code.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
