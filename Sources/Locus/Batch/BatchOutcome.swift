/// How a batch run ended, by kind: what a caller needs to decide what to do next (a command line turns it into
/// its exit status). Unmatched rows are not a failure.
public enum BatchOutcome: Sendable, Equatable, CaseIterable {
    /// Every row was written.
    case completed
    /// The output's reader went away (a closed pipe, `| head`): the run stopped early on purpose, not an error.
    case outputClosed
    /// The options or columns asked for cannot be used (`BatchError`'s option and column cases).
    case unusableRequest
    /// The input is not valid: a malformed row with `BatchOptions.strict`, or text not valid in its encoding.
    case invalidInput
    /// The input cannot be opened.
    case inputUnavailable
    /// The gazetteer is missing or unusable, or PROJ's database is missing.
    case gazetteerUnavailable
    /// Something inside Locus failed.
    case internalFailure
    /// An output file cannot be created.
    case outputUncreatable
    /// Reading or writing failed midway (a full disk, the gazetteer unreadable mid-run).
    case ioFailure

    /// The outcome of a run that threw `failure` (nil: none).
    public init(failure: (any Error)?) {
        guard let failure else {
            self = .completed
            return
        }
        switch failure {
        case let error as BatchError:
            switch error {
            case .tooFewThreads, .malformedCRS, .unusableCRS, .unknownColumn, .columnNumberOutOfRange,
                 .columnNeedsNumber, .noAddressColumn, .columnClash, .sameOutputFile, .refused:
                self = .unusableRequest
            case .malformedRow: self = .invalidInput
            case .gazetteerUnavailable, .projUnavailable: self = .gazetteerUnavailable
            case .internalFailure: self = .internalFailure
            }
        case let error as InputError:
            switch error {
            case .cannotOpen: self = .inputUnavailable
            case .readFailed: self = .ioFailure
            case .invalidEncoding: self = .invalidInput
            }
        case GazetteerStoreError.readFailed:
            self = .ioFailure
        case is GazetteerStoreError:
            self = .gazetteerUnavailable
        case let error as OutputError:
            switch error {
            case .brokenPipe: self = .outputClosed
            case .cannotCreate: self = .outputUncreatable
            case .writeFailed: self = .ioFailure
            }
        default:
            self = .internalFailure
        }
    }

    /// True when the run did what was asked (`completed`, or `outputClosed`: nobody wants the rest).
    public var succeeded: Bool { self == .completed || self == .outputClosed }
}
