import Foundation

/// Reads, row by row and streaming, a file `locus geocode` wrote (CSV, JSONL or GeoJSON, with or without
/// `--prefix`), giving each row as a `ReportRow`. Memory is one buffer plus one row.
final class ReportReader {
    let path: String
    let format: ReportInputFormat
    /// The prefix of the added column names (`locus_`), given or found from the header.
    private(set) var prefix: String
    /// The location columns read as each row's text (none when the file has none).
    private(set) var textColumns: [String]
    private let source: ByteSource
    private var csv: CSVReader?
    private var indices: [String: Int] = [:]
    /// The header's width: a longer CSV row has its extra fields before the added columns.
    /// The header positions of the added columns (-1 when absent), looked up once rather than per row.
    private var addedIndices: [String: Int] = [:]
    private var latitudeIndex = -1, longitudeIndex = -1, eastingIndex = -1, northingIndex = -1, typeIndex = -1
    private var scoreIndex = -1, precisionIndex = -1, boroughIndex = -1, faultsIndex = -1
    private var textIndices: [Int] = []
    /// Data rows read so far (the header not counted).
    private(set) var rowNumber = 0
    private var lineNumber = 0

    /// Opens `path`. `format` nil: from the extension, else from the first line. `prefix` nil: found from the
    /// header (the one column ending in `match_type`). `textColumns` empty: a column called `address` or
    /// `location` (any case), else none.
    init(path: String, format: ReportInputFormat? = nil, prefix: String? = nil, textColumns: [String] = [])
        throws(ReportError)
    {
        self.path = path
        do {
            source = path == "-" ? ByteSource(fileDescriptor: 0, name: "stdin") : try ByteSource(path: path)
            let first = try source.peekLine()
            self.format = format ?? ReportInputFormat.fromExtension(path) ?? ReportInputFormat.sniff(first)
            self.prefix = prefix ?? ""
            self.textColumns = textColumns
            if self.format == .csv {
                let delimiter = ColumnLayout.detectDelimiter(firstLine: first)
                let reader = CSVReader(source: source, delimiter: delimiter)
                csv = reader
                guard let header = try reader.next() else {
                    throw ReportError.notGeocodedOutput(path: path, reason: "it is empty")
                }
                try resolve(names: header.fields, givenPrefix: prefix, givenText: textColumns)
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Finds the prefix, the added columns and the location columns among `names`.
    private func resolve(names: [String], givenPrefix: String?, givenText: [String]) throws(ReportError) {
        if let givenPrefix {
            prefix = givenPrefix
        } else {
            let candidates = names.filter { $0.hasSuffix("match_type") }
            guard candidates.count == 1 else {
                throw candidates.isEmpty
                    ? .noMatchTypeColumn(path: path) : .severalMatchTypeColumns(path: path, names: candidates)
            }
            prefix = String(candidates[0].dropLast("match_type".count))
        }
        indices = [:]
        for (i, name) in names.enumerated() where indices[name] == nil { indices[name] = i }
        for column in ["match_type", "latitude", "longitude"] where indices[prefix + column] == nil {
            throw .missingAddedColumn(path: path, column: prefix + column, givenPrefix: givenPrefix)
        }
        if givenText.isEmpty {
            let added = Set(ColumnLayout.addedColumns.map { prefix + $0 })
            if let found = names.first(where: {
                let lowered = $0.trimmingSpaces.lowercased()
                return (lowered == "address" || lowered == "location") && !added.contains($0)
            }) {
                textColumns = [found]
            }
        } else {
            for column in givenText {
                guard names.contains(column) || names.contains(where: { $0.lowercased() == column.lowercased() })
                else {
                    throw .unknownTextColumn(name: column, path: path)
                }
            }
            textColumns = givenText.map { column in names.first { $0 == column } ?? names.first { $0.lowercased() == column.lowercased() }! }
        }
        textIndices = textColumns.compactMap { indices[$0] }
        addedIndices = Dictionary(uniqueKeysWithValues: ColumnLayout.addedColumns.map { ($0, indices[prefix + $0] ?? -1) })
        (latitudeIndex, longitudeIndex, eastingIndex, northingIndex, typeIndex, scoreIndex, precisionIndex,
         boroughIndex, faultsIndex) = (addedIndices["latitude"]!, addedIndices["longitude"]!, addedIndices["easting"]!,
            addedIndices["northing"]!, addedIndices["match_type"]!, addedIndices["score"]!, addedIndices["precision_m"]!,
            addedIndices["borough"]!, addedIndices["faults"]!)
    }

    /// The next row, or nil at the end.
    func next() throws(ReportError) -> ReportRow? {
        do {
            switch format {
            case .csv:
                guard let record = try csv!.next() else { return nil }
                rowNumber += 1
                return try row(fields: record.fields)
            case .jsonl, .geojson:
                while let line = try readLine() {
                    if let row = try jsonRow(line) { return row }
                }
                return nil
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    // MARK: CSV

    private func row(fields: [String]) throws(ReportError) -> ReportRow {
        // The added columns stay under their headers: a long row's extra fields come after them.
        func field(_ index: Int) -> String {
            index >= 0 && index < fields.count ? fields[index] : ""
        }
        func number(_ index: Int, _ name: String) throws(ReportError) -> Double? {
            let text = field(index)
            if text.isEmpty { return nil }
            guard let value = Double(text) ?? Double(text.trimmingSpaces), value.isFinite else {
                throw .badRow(path: path, row: rowNumber, column: prefix + name, reason: "\"\(text)\" is not a number")
            }
            return value
        }
        let type = field(typeIndex)
        guard let level = MatchLevel(rawValue: type) ?? MatchLevel(rawValue: type.trimmingSpaces) else {
            throw .badRow(path: path, row: rowNumber, column: prefix + "match_type",
                          reason: "\"\(type)\" is not a match type")
        }
        let text = Self.joined(textIndices.map { $0 < fields.count ? fields[$0] : nil })
        let hasCoordinates = !field(latitudeIndex).isEmpty && !field(longitudeIndex).isEmpty
        if hasCoordinates {
            _ = try number(latitudeIndex, "latitude")
            _ = try number(longitudeIndex, "longitude")
        }
        let borough = field(boroughIndex)
        let faults = field(faultsIndex)
        return ReportRow(
            text: text, matchType: level, score: try number(scoreIndex, "score"),
            precision: try number(precisionIndex, "precision_m"),
            easting: try number(eastingIndex, "easting"), northing: try number(northingIndex, "northing"),
            hasCoordinates: hasCoordinates, borough: borough.isEmpty ? nil : borough.trimmingSpaces,
            faults: faults.isEmpty ? [] : faults.split(separator: ";").map(String.init))
    }

    /// The non-empty location values, trimmed, joined with ", " (as `locus geocode` joins them).
    static func joined(_ parts: [String?]) -> String {
        parts.compactMap { $0?.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    // MARK: JSON lines and GeoJSON

    private func readLine() throws -> [UInt8]? {
        var line: [UInt8] = []
        var sawAny = false
        while try source.available() > 0 {
            sawAny = true
            let (taken, ended) = source.withAvailable { bytes -> (Int, Bool) in
                if let newline = bytes.firstIndex(of: 0x0A) {
                    line.append(contentsOf: bytes[..<newline])
                    return (newline + 1, true)
                }
                line.append(contentsOf: bytes)
                return (bytes.count, false)
            }
            source.consume(taken)
            if ended { break }
        }
        if !sawAny && line.isEmpty { return nil }
        lineNumber += 1
        return line
    }

    /// The row of one line, or nil for a line holding none (blank; GeoJSON's opening and closing lines).
    private func jsonRow(_ line: [UInt8]) throws(ReportError) -> ReportRow? {
        var bytes = line[...]
        while let last = bytes.last, last == 0x20 || last == 0x0D || last == 0x09 || last == UInt8(ascii: ",") {
            bytes.removeLast()
        }
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0xEF || first == 0xBB || first == 0xBF {
            bytes.removeFirst()
        }
        if bytes.isEmpty { return nil }
        if format == .geojson {
            if lineNumber == 1 {
                guard String(decoding: bytes, as: UTF8.self).contains("\"FeatureCollection\"") else {
                    throw .notGeocodedOutput(path: path, reason: "the first line does not open a FeatureCollection")
                }
                return nil
            }
            if bytes.first == UInt8(ascii: "]") { return nil }
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            let hint = format == .geojson ? " (locus report reads GeoJSON as locus geocode writes it: one feature a line)" : ""
            throw .badRow(path: path, row: rowNumber + 1, column: nil, reason: "not valid JSON\(hint)")
        }
        guard var properties = object as? [String: Any] else {
            throw .badRow(path: path, row: rowNumber + 1, column: nil, reason: "not a JSON object")
        }
        if format == .geojson {
            guard let inner = properties["properties"] as? [String: Any] else {
                throw .badRow(path: path, row: rowNumber + 1, column: "properties", reason: "a feature without properties")
            }
            properties = inner
        }
        rowNumber += 1
        if rowNumber == 1 {
            try resolve(names: Array(properties.keys).sorted(), givenPrefix: prefixGiven ? prefix : nil,
                        givenText: textColumns)
        }
        return try row(properties: properties)
    }

    private var prefixGiven: Bool { !prefix.isEmpty }

    private func row(properties: [String: Any]) throws(ReportError) -> ReportRow {
        func number(_ name: String) throws(ReportError) -> Double? {
            switch properties[prefix + name] {
            case nil, is NSNull: return nil
            case let value as NSNumber: return value.doubleValue
            case let text as String where Double(text) != nil: return Double(text)
            case let other?:
                throw .badRow(path: path, row: rowNumber, column: prefix + name, reason: "\(other) is not a number")
            }
        }
        let type = properties[prefix + "match_type"] as? String ?? ""
        guard let level = MatchLevel(rawValue: type) else {
            throw .badRow(path: path, row: rowNumber, column: prefix + "match_type",
                          reason: "\"\(type)\" is not a match type")
        }
        let text = Self.joined(textColumns.map { properties[$0] as? String })
        let latitude = try number("latitude"), longitude = try number("longitude")
        let faults: [String]
        switch properties[prefix + "faults"] {
        case let list as [Any]: faults = list.compactMap { $0 as? String }
        case let text as String: faults = text.isEmpty ? [] : text.split(separator: ";").map(String.init)
        default: faults = []
        }
        let borough = (properties[prefix + "borough"] as? String)?.trimmingSpaces
        return ReportRow(
            text: text, matchType: level, score: try number("score"), precision: try number("precision_m"),
            easting: try number("easting"), northing: try number("northing"),
            hasCoordinates: latitude != nil && longitude != nil,
            borough: borough?.isEmpty == false ? borough : nil, faults: faults)
    }
}
