/// The columns of a batch: where each row's query comes from, and the names of the columns Locus adds.
struct ColumnLayout: Sendable {
    /// The columns Locus adds after the input's, before `--prefix`.
    static let addedColumns = [
        "latitude", "longitude", "easting", "northing", "match_type", "score", "precision_m", "matched",
        "postcode", "borough", "ward", "lsoa", "faults",
    ]
    /// Added after `addedColumns` with `--crs`.
    static let crsColumns = ["x", "y"]

    /// The header's names, or none with `--no-header`.
    let inputNames: [String]?
    /// Fields a well-formed row has.
    let width: Int
    /// 0-based indices of the location columns, joined in order.
    let addressIndices: [Int]
    let postcodeIndex: Int?
    let boroughIndex: Int?
    /// The added column names, prefixed.
    let addedNames: [String]
    /// Which columns the run reads and how each was chosen, for the summary.
    let used: UsedColumns
    /// What the user should know about the choice of columns (several candidates for an evidence column).
    let notes: [BatchNote]

    /// Header names (compared by `headerKey`) taken as the location column without `--address-column`: the first
    /// column so named (`Address`, `Location`, `Crime Location`, `Incident Location`, `Location Description`,
    /// `Locus`), as crime and incident extracts name it.
    static let addressHeaders: Set<String> = [
        "address", "location", "crimelocation", "incidentlocation", "locationdescription", "locus",
    ]
    /// Header names (compared by `headerKey`) that mark a postcode column found without `--postcode-column`.
    /// Exact names only: `Home Postcode` or `truth_postcode` may be someone's address or the answer, not evidence.
    static let postcodeHeaders: Set<String> = ["postcode", "postalcode"]
    /// Header names (compared by `headerKey`) that mark a borough column found without `--borough-column`.
    /// Not `lad` or `la code`: such columns usually hold codes (E09000008), which are not borough names.
    static let boroughHeaders: Set<String> = [
        "borough", "boroughname", "localauthority", "localauthorityname", "laname", "ladname",
    ]

    /// Resolves the options against the header (or, without one, the first row's width).
    init(header: [String]?, width: Int, options: BatchOptions, inputName: String) throws(BatchError) {
        self.inputNames = header
        self.width = width
        let names = header ?? []
        var addressDetected = false
        if options.addressColumns.isEmpty {
            guard let index = names.firstIndex(where: { Self.addressHeaders.contains(Self.headerKey($0)) }) else {
                if header == nil {
                    throw .columnNeedsNumber(.location, name: nil, width: width)
                }
                throw .noAddressColumn(input: inputName, available: names)
            }
            addressIndices = [index]
            addressDetected = true
        } else {
            var indices: [Int] = []
            for selector in options.addressColumns {
                indices.append(try Self.resolve(selector, .location, header: header, width: width))
            }
            addressIndices = indices
        }
        let givenPostcode = try options.postcodeColumn.map { (selector) throws(BatchError) in
            try Self.resolve(selector, .postcode, header: header, width: width)
        }
        let givenBorough = try options.boroughColumn.map { (selector) throws(BatchError) in
            try Self.resolve(selector, .borough, header: header, width: width)
        }
        // Found by its header only when not given, never among the columns already used.
        var notes: [BatchNote] = []
        let taken = Set(addressIndices + [givenPostcode, givenBorough].compactMap { $0 })
        let detects = options.detectsEvidenceColumns && header != nil
        let detectedPostcode = givenPostcode == nil && detects
            ? Self.detect(Self.postcodeHeaders, .postcode, in: names,
                          excluding: taken, notes: &notes)
            : nil
        let detectedBorough = givenBorough == nil && detects
            ? Self.detect(Self.boroughHeaders, .borough, in: names,
                          excluding: taken, notes: &notes)
            : nil
        postcodeIndex = givenPostcode ?? detectedPostcode
        boroughIndex = givenBorough ?? detectedBorough
        let added = Self.addedColumns + options.extraColumns + (options.targetCRS == nil ? [] : Self.crsColumns)
        let prefix = try Self.choosePrefix(options.prefix, added: added, header: header, notes: &notes)
        addedNames = added.map { prefix + $0 }
        self.notes = notes
        let column = { (index: Int, detected: Bool) in
            UsedColumn(name: header.map { $0[index] }, number: index + 1, detected: detected)
        }
        used = UsedColumns(
            address: addressIndices.map { column($0, addressDetected) },
            postcode: postcodeIndex.map { column($0, detectedPostcode != nil) },
            borough: boroughIndex.map { column($0, detectedBorough != nil) }, prefix: prefix)
    }

    /// The prefix of the added columns: `given`, else none unless an added name would repeat an input column's,
    /// then `BatchOptions.autoPrefix` with a note. Names are compared ignoring case and surrounding spaces, as
    /// Locus itself finds columns by name and as SQL, GIS formats (GeoPackage, shapefile) and spreadsheet
    /// lookups treat them: `Postcode` and `postcode` in one file would be ambiguous to the next tool. A clash
    /// that remains (with a prefix given, or with `locus_` too) is an error listing every clash.
    static func choosePrefix(_ given: String?, added: [String], header: [String]?, notes: inout [BatchNote])
        throws(BatchError) -> String
    {
        guard let header else { return given ?? "" }
        let taken = Dictionary(header.map { ($0.trimmingSpaces.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let clashes = { (prefix: String) in added.map { prefix + $0 }.filter { taken[$0.lowercased()] != nil } }
        var prefix = given ?? ""
        var found = clashes(prefix)
        if given == nil, !found.isEmpty {
            let inputs = found.map { taken[$0.lowercased()]! }
            prefix = BatchOptions.autoPrefix
            found = clashes(prefix)
            if found.isEmpty {
                notes.append(.addedColumnsPrefixed(prefix: prefix, inputs: inputs))
            }
        }
        guard found.isEmpty else {
            throw .columnClash(names: found, inputs: found.map { taken[$0.lowercased()]! })
        }
        return prefix
    }

    /// A header name reduced for comparison: lower case, without spaces, underscores, hyphens and dots
    /// (`Post Code`, `post_code` and `POSTCODE` are all `postcode`).
    static func headerKey(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" \t_-.".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// The one column, not in `excluding`, whose name is in `keys`; with several, none, and a note saying which.
    private static func detect(
        _ keys: Set<String>, _ column: BatchColumn, in names: [String], excluding: Set<Int>,
        notes: inout [BatchNote]
    ) -> Int? {
        let candidates = names.indices.filter { !excluding.contains($0) && keys.contains(headerKey(names[$0])) }
        if candidates.count > 1 {
            notes.append(.severalEvidenceColumns(column, candidates: candidates.map { names[$0] }))
            return nil
        }
        return candidates.first
    }

    /// A 0-based column index by the batch commands' rule (`ColumnRule.batch`): an exact header name, then a
    /// name ignoring case and surrounding spaces, then a 1-based number.
    static func resolve(_ selector: ColumnSelector, _ column: BatchColumn, header: [String]?, width: Int)
        throws(BatchError) -> Int
    {
        do {
            return try ColumnRule.batch.index(of: selector.text, in: header, width: width)
        } catch {
            switch error {
            case .needsNumber: throw .columnNeedsNumber(column, name: selector.text, width: width)
            case .unknownName: throw .unknownColumn(column, name: selector.text, available: header ?? [])
            case let .numberOutOfRange(number): throw .columnNumberOutOfRange(column, number: number, width: width)
            }
        }
    }

    /// The query a row asks: the non-empty location fields joined with ", ", and the evidence columns.
    func query(from fields: [String]) -> LocationQuery {
        var text = ""
        for index in addressIndices where index < fields.count {
            let part = fields[index].trimmingSpaces
            if part.isEmpty { continue }
            if !text.isEmpty { text += ", " }
            text += part
        }
        return LocationQuery(text: text, postcode: evidence(fields, postcodeIndex), borough: evidence(fields, boroughIndex))
    }

    private func evidence(_ fields: [String], _ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let value = fields[index].trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// The delimiter of a first line: the most frequent of comma, tab, semicolon and pipe outside quotes;
    /// comma when none occurs.
    static func detectDelimiter(firstLine: some Sequence<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in firstLine {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] == 0 ? candidates[0] : candidates[best]
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}
