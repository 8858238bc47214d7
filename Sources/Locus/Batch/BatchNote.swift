/// What the user should know about a batch's choice of columns: typed, so that a command line can name its
/// options (`BatchOptions.describeNote`); the library's own text names none.
public enum BatchNote: Sendable, Equatable, CustomStringConvertible {
    /// Several columns could be `column` (`candidates`, as in the header): none is used as evidence.
    case severalEvidenceColumns(BatchColumn, candidates: [String])
    /// Input columns (`inputs`, as in the header) are named like added ones: the added columns take `prefix`.
    case addedColumnsPrefixed(prefix: String, inputs: [String])

    /// The note's text up to the advice on what to change, which names an option at a command line.
    public var situation: String {
        switch self {
        case let .severalEvidenceColumns(column, candidates):
            return "several columns could be the \(column.rawValue): \(Self.quoted(candidates)); none is used as evidence"
        case let .addedColumnsPrefixed(prefix, inputs):
            return "the input has columns named like the added ones (\(Self.quoted(inputs))): the added columns are "
                + "named \(prefix)latitude, \(prefix)longitude, …"
        }
    }

    public var description: String {
        switch self {
        case let .severalEvidenceColumns(column, _):
            return situation + "; name the \(column.rawValue) column to use one"
        case .addedColumnsPrefixed:
            return situation + " (choose another prefix to change it)"
        }
    }

    static func quoted(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }
}
