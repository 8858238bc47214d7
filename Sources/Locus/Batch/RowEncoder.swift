/// What one row came to: the geocoder's result, its projected coordinates (NaN when none) and every fault
/// code (the CSV reader's first, then the geocoder's).
struct RowOutcome {
    var result: GeocodeResult
    var longitude = Double.nan
    var latitude = Double.nan
    var x = Double.nan
    var y = Double.nan
    var faultCodes: [String]

    /// Unmatched rows also go to `--unmatched`, and are features without geometry in GeoJSON.
    var isMatched: Bool { result.isMatched }
}

/// Encodes rows as bytes in the chosen format, off the writing thread. Numbers are fixed-point and
/// locale-independent: latitude/longitude 6 decimals, easting/northing 1, score 1, precision_m 0, and
/// x/y 6 in a degree-based CRS or 2 otherwise.
struct RowEncoder: Sendable {
    let format: OutputFormat
    let delimiter: UInt8
    let layout: ColumnLayout
    let crsDecimals: Int?
    /// `BatchOptions.extraColumns.count`: values written after `faults` from `GeocodeResult.extras`.
    let extraCount: Int
    /// JSON keys, escaped and quoted, with their colon: the input columns', then the added ones.
    private let inputKeys: [[UInt8]]
    private let addedKeys: [[UInt8]]

    init(format: OutputFormat, delimiter: UInt8, layout: ColumnLayout, projection: CoordinateProjection) {
        self.format = format
        self.delimiter = delimiter
        self.layout = layout
        self.crsDecimals = projection.targetCRS == nil ? nil : (projection.targetIsAngular ? 6 : 2)
        extraCount = layout.addedNames.count - ColumnLayout.addedColumns.count - (crsDecimals == nil ? 0 : 2)
        inputKeys = Self.jsonNames(layout.inputNames ?? [], width: layout.width, added: layout.addedNames).map(Self.key)
        addedKeys = layout.addedNames.map(Self.key)
    }

    /// The JSON keys of the input columns, all distinct and none an added column's: the header name; for a
    /// field without a name (`--no-header`, an empty header cell) its column number; for a name already used (a
    /// repeated header) the name and its column number, `Name_5`; then `_` until free. So every value is kept
    /// under a key a JSON reader can use.
    static func jsonNames(_ names: [String], width: Int, added: [String]) -> [String] {
        let name = { (i: Int) in i < names.count ? names[i] : "" }
        // A name's first column keeps it, so a repeat never takes the name of a later column (`id_4`).
        var first: [String: Int] = [:]
        for i in 0..<width where !name(i).isEmpty && first[name(i)] == nil { first[name(i)] = i }
        var used = Set(added).union(first.keys)
        return (0..<width).map { i in
            let name = name(i)
            if !name.isEmpty, first[name] == i { return name }
            var key = name.isEmpty ? String(i + 1) : "\(name)_\(i + 1)"
            if used.contains(key) { key = name.isEmpty ? "column_\(i + 1)" : key }
            while used.contains(key) { key += "_" }
            used.insert(key)
            return key
        }
    }

    private static func key(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendJSONString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        return bytes
    }

    /// The bytes before the first row: a CSV header (unless `--no-header`) or the GeoJSON opening.
    func prologue() -> [UInt8] {
        var bytes: [UInt8] = []
        switch format {
        case .csv:
            if let names = layout.inputNames {
                CSVWriter.encode(names + layout.addedNames, delimiter: delimiter, into: &bytes)
            }
        case .jsonl: break
        case .geojson: bytes.append(contentsOf: "{\"type\":\"FeatureCollection\",\"features\":[\n".utf8)
        }
        return bytes
    }

    /// The bytes after the last row.
    func epilogue(wroteRows: Bool) -> [UInt8] {
        format == .geojson ? Array((wroteRows ? "\n]}\n" : "]}\n").utf8) : []
    }

    /// Put between two rows by the writer (GeoJSON features are separated by commas).
    var separator: [UInt8] { format == .geojson ? Array(",\n".utf8) : [] }

    /// Appends one row. GeoJSON rows start with `separator`; the writer drops it before the first row.
    func encode(fields: [String], outcome: RowOutcome, into bytes: inout [UInt8]) {
        switch format {
        case .csv: encodeCSV(fields, outcome, into: &bytes)
        case .jsonl:
            encodeJSONObject(fields, outcome, into: &bytes)
            bytes.append(0x0A)
        case .geojson:
            bytes.append(contentsOf: separator)
            bytes.append(contentsOf: "{\"type\":\"Feature\",\"geometry\":".utf8)
            if outcome.longitude.isFinite && outcome.latitude.isFinite {
                bytes.append(contentsOf: "{\"type\":\"Point\",\"coordinates\":[".utf8)
                appendFixed(outcome.longitude, decimals: 6, into: &bytes)
                bytes.append(UInt8(ascii: ","))
                appendFixed(outcome.latitude, decimals: 6, into: &bytes)
                bytes.append(contentsOf: "]}".utf8)
            } else {
                bytes.append(contentsOf: "null".utf8)
            }
            bytes.append(contentsOf: ",\"properties\":".utf8)
            encodeJSONObject(fields, outcome, into: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Calls `number` and `text` with the added values from latitude to lsoa, in column order.
    private static func visitResultColumns(
        _ outcome: RowOutcome, number: (Double?, Int) -> Void, text: (String?) -> Void
    ) {
        let result = outcome.result
        number(outcome.latitude, 6)
        number(outcome.longitude, 6)
        number(result.easting, 1)
        number(result.northing, 1)
        text(result.level.rawValue)
        number(result.score, 1)
        number(result.precisionMeters, 0)
        text(result.matched)
        text(result.postcode)
        text(result.borough)
        text(result.ward)
        text(result.lsoa)
    }

    // MARK: CSV

    /// The header's fields, then the added columns, then a long row's extra fields: the added columns stay
    /// under their header names for any reader that goes by name.
    private func encodeCSV(_ fields: [String], _ outcome: RowOutcome, into bytes: inout [UInt8]) {
        let head = min(fields.count, layout.width)
        for i in 0..<head {
            if i > 0 { bytes.append(delimiter) }
            CSVWriter.appendField(fields[i], delimiter: delimiter, into: &bytes)
        }
        // Each added value is preceded by the delimiter (none before the first when the row has no fields).
        var first = head == 0
        func number(_ value: Double?, _ decimals: Int) {
            if !first { bytes.append(delimiter) }
            first = false
            if let value { appendFixed(value, decimals: decimals, into: &bytes) }
        }
        func text(_ value: String?) {
            bytes.append(delimiter)
            if let value { CSVWriter.appendField(value, delimiter: delimiter, into: &bytes) }
        }
        Self.visitResultColumns(outcome, number: number, text: text)
        switch outcome.faultCodes.count {
        case 0: bytes.append(delimiter)
        case 1: text(outcome.faultCodes[0])
        default: text(outcome.faultCodes.joined(separator: ";"))
        }
        for i in 0..<extraCount { text(outcome.result.extras.map { i < $0.count ? $0[i] : "" } ?? "") }
        if let crsDecimals {
            number(outcome.x, crsDecimals)
            number(outcome.y, crsDecimals)
        }
        for extra in fields[head...] { text(extra) }
        bytes.append(0x0A)
    }

    // MARK: JSON

    private func encodeJSONObject(_ fields: [String], _ outcome: RowOutcome, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            if i < inputKeys.count {
                bytes.append(contentsOf: inputKeys[i])
            } else {
                bytes.append(contentsOf: Self.key(String(i + 1)))
            }
            appendJSONString(field, into: &bytes)
        }
        var keyIndex = 0
        func key() {
            if keyIndex > 0 || !fields.isEmpty { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: addedKeys[keyIndex])
            keyIndex += 1
        }
        func number(_ value: Double?, _ decimals: Int) {
            key()
            appendJSONNumber(value ?? .nan, decimals: decimals, into: &bytes)
        }
        func text(_ value: String?) {
            key()
            if let value { appendJSONString(value, into: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        }
        Self.visitResultColumns(outcome, number: number, text: text)
        key()
        bytes.append(UInt8(ascii: "["))
        for (i, code) in outcome.faultCodes.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendJSONString(code, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        for i in 0..<extraCount { text(outcome.result.extras.map { i < $0.count ? $0[i] : "" } ?? "") }
        if let crsDecimals {
            number(outcome.x, crsDecimals)
            number(outcome.y, crsDecimals)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}

/// Appends `value` rounded to `decimals` places (half away from zero), without exponent or locale; nothing
/// when it is not finite. `-0.0` is written as `0.0`.
func appendFixed(_ value: Double, decimals: Int, into bytes: inout [UInt8]) {
    guard value.isFinite else { return }
    let scale = pow10[decimals]
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9.0e15 else {
        // Beyond exact integers in a Double: no coordinate or score is ever this large.
        bytes.append(contentsOf: String(value).utf8)
        return
    }
    var units = UInt64(scaled)
    if value < 0 && units != 0 { bytes.append(UInt8(ascii: "-")) }
    let divisor = UInt64(scale)
    let whole = units / divisor
    units %= divisor
    bytes.append(contentsOf: String(whole).utf8)
    guard decimals > 0 else { return }
    bytes.append(UInt8(ascii: "."))
    var digits = [UInt8](repeating: UInt8(ascii: "0"), count: decimals)
    var i = decimals - 1
    while units > 0 {
        digits[i] = UInt8(ascii: "0") + UInt8(units % 10)
        units /= 10
        i -= 1
    }
    bytes.append(contentsOf: digits)
}

private let pow10: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

/// A JSON number with fixed decimals, or `null` when not finite.
func appendJSONNumber(_ value: Double, decimals: Int, into bytes: inout [UInt8]) {
    if value.isFinite { appendFixed(value, decimals: decimals, into: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
}

/// A quoted JSON string; UTF-8 passes through, quotes, backslashes and control characters are escaped.
func appendJSONString(_ text: String, into bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    let hex = Array("0123456789abcdef".utf8)
    for b in text.utf8 {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0..<0x20:
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(hex[Int(b >> 4)])
            bytes.append(hex[Int(b & 0xF)])
        default: bytes.append(b)
        }
    }
    bytes.append(UInt8(ascii: "\""))
}
