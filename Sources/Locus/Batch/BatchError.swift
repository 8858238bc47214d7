/// A column a batch run reads, as its caller chose it (`BatchOptions`).
public enum BatchColumn: String, Sendable, Equatable, CaseIterable {
    /// A location column (`BatchOptions.addressColumns`).
    case location
    /// The postcode evidence column (`BatchOptions.postcodeColumn`).
    case postcode
    /// The borough evidence column (`BatchOptions.boroughColumn`).
    case borough
}

/// A file a batch run writes (`BatchJob`'s paths).
public enum BatchOutput: String, Sendable, Equatable, CaseIterable {
    /// The geocoded rows (`BatchJob.outputPath`).
    case rows
    /// The rows left without coordinates (`BatchJob.unmatchedPath`).
    case unmatched
    /// The run's summary (`BatchJob.summaryJSONPath`).
    case summary
}

/// Why a batch run stopped, with the values at fault; `BatchOutcome(failure:)` says what kind of failure it is.
///
/// Messages name the file, line and column where there is one; they never quote the address text of a row.
/// They describe the problem in the library's terms: a command line that wants its own option names in them
/// (`--threads`) writes its own from the cases' values.
public enum BatchError: Error, Equatable, CustomStringConvertible {
    /// Fewer than one worker thread (`BatchOptions.threads`).
    case tooFewThreads(Int)
    /// A target coordinate system not written as `EPSG:nnnn` (`BatchJob.targetCRS`).
    case malformedCRS(String)
    /// A coordinate system PROJ does not know, or cannot reach from British National Grid; `reason` says which.
    case unusableCRS(crs: String, reason: String)
    /// A named column is not in the header.
    case unknownColumn(BatchColumn, name: String, available: [String])
    /// A column number is outside 1…width.
    case columnNumberOutOfRange(BatchColumn, number: Int, width: Int)
    /// The input has no header, so columns are picked by number: `name` was given instead (nil: no location
    /// column was given at all).
    case columnNeedsNumber(BatchColumn, name: String?, width: Int)
    /// No location column was given and none is called address or location.
    case noAddressColumn(input: String, available: [String])
    /// Added output columns (`names`) would have the names of input columns (`inputs`, in the same order),
    /// ignoring case and surrounding spaces; every clash is listed at once.
    case columnClash(names: [String], inputs: [String])
    /// Two outputs name the same file (`path`, as resolved): each with the path it was given.
    case sameOutputFile(first: BatchOutput, firstPath: String, second: BatchOutput, secondPath: String, path: String)
    /// A malformed row with `BatchOptions.strict`.
    case malformedRow(input: String, line: Int, column: Int, problem: String)
    /// The gazetteer is missing or unusable (raised by whoever opens it).
    case gazetteerUnavailable(path: String, reason: String)
    /// PROJ cannot start (its database `proj.db` is missing).
    case projUnavailable(reason: String)
    /// Something inside Locus failed (for example PROJ could not create a transformation it always can).
    case internalFailure(String)
    /// The caller refused its own request before any row was read (a command line that could not read a
    /// value it was given): `reason` in the caller's words, recorded like any other failure.
    case refused(reason: String)

    public var description: String {
        switch self {
        case let .tooFewThreads(count):
            return "\(count) worker threads: give at least 1"
        case let .malformedCRS(text):
            return "coordinate system \(text): write it as EPSG:nnnn, for example EPSG:3857"
        case let .unusableCRS(_, reason):
            return reason
        case let .unknownColumn(column, name, available):
            return "the \(column) column \(name): no such column; the columns are: \(Self.list(available))"
        case let .columnNumberOutOfRange(column, number, width):
            return "the \(column) column \(number): " + Self.outOfRange(width)
        case let .columnNeedsNumber(column, _, width):
            return "the \(column) column: the input has no header; give its number (1 to \(width))"
        case let .noAddressColumn(input, available):
            return "\(input): line 1: no column called address or location; the columns are: \(Self.list(available))"
        case let .columnClash(names, inputs):
            return Self.clash(names, inputs) + "; choose another prefix for the added columns"
        case let .sameOutputFile(first, firstPath, second, secondPath, path):
            return "the \(first) output \(firstPath) and the \(second) output \(secondPath) both name \(path); "
                + "give each output a file of its own"
        case let .malformedRow(input, line, column, problem):
            return "\(input): line \(line), column \(column): \(problem)"
        case let .gazetteerUnavailable(path, reason):
            return "cannot use the gazetteer \(path): \(reason)"
        case let .projUnavailable(reason):
            return reason
        case let .internalFailure(reason):
            return "internal error: \(reason)"
        case let .refused(reason):
            return reason
        }
    }

    /// `"a", "b"`, or `(none)`.
    public static func list(_ names: [String]) -> String {
        names.isEmpty ? "(none)" : names.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// "the input has 2 columns; give a number from 1 to 2".
    public static func outOfRange(_ width: Int) -> String {
        "the input has \(width) column\(width == 1 ? "" : "s"); give a number from 1 to \(width)"
    }

    /// "the added column(s) … would repeat input column names (compared ignoring case)".
    public static func clash(_ names: [String], _ inputs: [String]) -> String {
        let pairs = zip(names, inputs).map { $0 == $1 ? $0 : "\($0) (input \"\($1)\")" }.joined(separator: ", ")
        return "the added column\(names.count == 1 ? "" : "s") \(pairs) would repeat input column names "
            + "(compared ignoring case)"
    }
}
