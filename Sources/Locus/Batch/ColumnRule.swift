/// The one rule by which Locus finds a column of a CSV header, for `locus geocode`, `locus reverse` and
/// `locus reproject` alike: the name exactly as written, else the name ignoring case and surrounding spaces,
/// else, where the command takes numbers, a 1-based column number. Where the commands differ, it is a
/// parameter: whether numbers are taken, and what several columns equal ignoring case give.
struct ColumnRule: Sendable {
    /// A 1-based number picks a column when no name matches (and, without a header, is the only way).
    var takesNumbers: Bool
    /// With several columns equal to the name ignoring case, the first is taken; otherwise none is (the
    /// name is ambiguous, reported as not found).
    var takesFirstOfSeveral: Bool

    /// `locus geocode` and `locus reverse`: names or numbers; the first of several.
    static let batch = ColumnRule(takesNumbers: true, takesFirstOfSeveral: true)
    /// `locus reproject`: names only, one match or none.
    static let reprojection = ColumnRule(takesNumbers: false, takesFirstOfSeveral: false)

    /// Why no column was found.
    enum Miss: Error, Equatable {
        /// No column has the name (or several do, when the first is not taken).
        case unknownName
        /// The number is outside 1…width.
        case numberOutOfRange(Int)
        /// Without a header, only a number picks a column.
        case needsNumber
    }

    /// The 0-based index of the column `text` names in `header` (nil: no header, rows of `width` fields).
    func index(of text: String, in header: [String]?, width: Int) throws(Miss) -> Int {
        if let header {
            if let index = header.firstIndex(of: text) { return index }
            let key = text.trimmingSpaces.lowercased()
            let folded = header.indices.filter { header[$0].trimmingSpaces.lowercased() == key }
            if let first = folded.first, takesFirstOfSeveral || folded.count == 1 { return first }
        }
        guard takesNumbers, let number = Int(text) else {
            throw header == nil ? .needsNumber : .unknownName
        }
        guard number >= 1 && number <= width else { throw .numberOutOfRange(number) }
        return number - 1
    }
}
