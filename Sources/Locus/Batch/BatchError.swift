/// Why a batch run stopped. Each case maps to a documented exit status (`BatchExitCode`).
///
/// Messages name the file, line and column where there is one, and say what to do; they never quote the
/// address text of a row.
public enum BatchError: Error, Equatable, CustomStringConvertible {
    /// An option that cannot be used (`--delimiter ::`, `--threads 0`, an unknown `--crs`).
    case badOption(option: String, reason: String)
    /// A named column is not in the header.
    case unknownColumn(option: String, name: String, available: [String])
    /// A column number is outside 1…width (or the input has no header and a name was given).
    case columnNumberOutOfRange(option: String, number: Int, width: Int)
    /// No `--address-column` and no column called address or location.
    case noAddressColumn(input: String, available: [String])
    /// Added output columns (`names`) would have the names of input columns (`inputs`, in the same order),
    /// ignoring case and surrounding spaces; every clash is listed at once.
    case columnClash(names: [String], inputs: [String])
    /// Two outputs (`-o`, `--unmatched`, `--summary-json`) name the same file.
    case sameOutputFile(first: String, second: String, path: String)
    /// A malformed row under `--strict`.
    case malformedRow(input: String, line: Int, column: Int, problem: String)
    /// The gazetteer is missing or unusable (raised by whoever opens it).
    case gazetteerUnavailable(path: String, reason: String)
    /// PROJ cannot start (its database `proj.db` is missing).
    case projUnavailable(reason: String)
    /// Something inside Locus failed (for example PROJ could not create a transformation it always can).
    case internalFailure(String)

    public var description: String {
        switch self {
        case let .badOption(option, reason):
            return "\(option): \(reason)"
        case let .unknownColumn(option, name, available):
            return "\(option) \(name): no such column; the columns are: \(Self.list(available))"
        case let .columnNumberOutOfRange(option, number, width):
            return "\(option) \(number): the input has \(width) column\(width == 1 ? "" : "s"); "
                + "give a number from 1 to \(width)"
        case let .noAddressColumn(input, available):
            return "\(input): line 1: no column called address or location; name the location column(s) "
                + "with --address-column NAME; the columns are: \(Self.list(available))"
        case let .columnClash(names, inputs):
            let pairs = zip(names, inputs).map { $0 == $1 ? $0 : "\($0) (input \"\($1)\")" }.joined(separator: ", ")
            return "the added column\(names.count == 1 ? "" : "s") \(pairs) would repeat input column names "
                + "(compared ignoring case); choose another --prefix for the added columns (for example --prefix geo_)"
        case let .sameOutputFile(first, second, path):
            return "\(first) and \(second) both name \(path); give each output a file of its own"
        case let .malformedRow(input, line, column, problem):
            return "\(input): line \(line), column \(column): \(problem) (--strict); "
                + "fix the row or run without --strict to pass malformed rows through with a fault"
        case let .gazetteerUnavailable(path, reason):
            return "cannot use the gazetteer \(path): \(reason); build it with `locus gazetteer build` "
                + "or point --gazetteer (or LOCUS_GAZETTEER) at a built one"
        case let .projUnavailable(reason):
            return reason
        case let .internalFailure(reason):
            return "internal error: \(reason)"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

/// The exit statuses of `locus geocode`, sysexits-style. Unmatched rows are not an error (status 0).
public enum BatchExitCode: Int32, Sendable, CaseIterable {
    case success = 0
    /// EX_USAGE: unusable arguments or column names.
    case usage = 64
    /// EX_DATAERR: a malformed row under --strict, or input not valid in its encoding.
    case dataError = 65
    /// EX_NOINPUT: the input cannot be opened.
    case cannotOpenInput = 66
    /// EX_UNAVAILABLE: the gazetteer is missing or unusable, or PROJ's database is missing.
    case gazetteerUnavailable = 69
    /// EX_SOFTWARE: an internal error.
    case internalError = 70
    /// EX_CANTCREAT: an output file cannot be created.
    case cannotCreateOutput = 73
    /// EX_IOERR: reading or writing failed midway.
    case ioError = 74

    /// The status for an error thrown by a batch run. A closed output pipe (`| head`) is success.
    public static func forError(_ error: any Error) -> BatchExitCode {
        switch error {
        case let error as BatchError:
            switch error {
            case .badOption, .unknownColumn, .columnNumberOutOfRange, .noAddressColumn, .columnClash, .sameOutputFile:
                return .usage
            case .malformedRow: return .dataError
            case .gazetteerUnavailable, .projUnavailable: return .gazetteerUnavailable
            case .internalFailure: return .internalError
            }
        case let error as InputError:
            switch error {
            case .cannotOpen: return .cannotOpenInput
            case .readFailed: return .ioError
            case .invalidEncoding: return .dataError
            }
        case GazetteerStoreError.readFailed:
            return .ioError
        case is GazetteerStoreError:
            return .gazetteerUnavailable
        case let error as OutputError:
            switch error {
            case .brokenPipe: return .success
            case .cannotCreate: return .cannotCreateOutput
            case .writeFailed: return .ioError
            }
        default:
            return .internalError
        }
    }
}
