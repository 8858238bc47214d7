import Foundation
import Locus
import Testing

/// Smaller versions of the hostile inputs of `scripts/adversarial.py` through `locus geocode`: every row comes
/// out once, in order, with its fields whole, and the row cut short says so in its faults. (Time is measured
/// by the script, not here.)
@Suite struct AdversarialInputTests {
    static let plain1 = "12 HIGH STREET, CROYDON"
    static let plain2 = "O/S 1 PARLIAMENT SQUARE"

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A header and three rows, the middle one's location written as `hostile` (already CSV).
    static func threeRows(_ hostile: String) -> String {
        "id,address\n1,\(quoted(plain1))\n2,\(hostile)\n3,\(quoted(plain2))\n"
    }

    /// Runs `locus geocode` on `input`; returns the output records (header first).
    func geocode(_ input: String) throws -> [CSVRecord] {
        let path = GeocodeBinary.scratchFile(".csv")
        let output = GeocodeBinary.scratchFile(".out.csv")
        try Data(input.utf8).write(to: path)
        let result = try GeocodeBinary.run(
            ["--quiet", "--no-evidence-detection", "--address-column", "address", path.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let reader = CSVReader(source: try ByteSource(path: output.path))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// Checks the three rows came out in order with their location fields whole; returns the hostile row's faults.
    func faultsOfHostileRow(_ input: String, location: String? = nil) throws -> [String] {
        let records = try geocode(input)
        try #require(records.count == 4)
        #expect(records.dropFirst().map { $0.fields[0] } == ["1", "2", "3"])
        #expect(records[0].fields.last == "faults")
        if let location { #expect(records[2].fields[1] == location) }
        // The added columns stay under their headers; a long row's extra fields come after them.
        let faults = try #require(records[0].fields.firstIndex(of: "faults"))
        return records[2].fields[faults].split(separator: ";").map(String.init)
    }

    @Test func aHugeWord() throws {
        let word = String(repeating: "A", count: 200_000)
        let faults = try faultsOfHostileRow(Self.threeRows(word), location: word)
        #expect(faults.contains("text.too_long") && faults.contains("text.long_word"))
    }

    @Test func aMegabyteOfHighStreets() throws {
        let text = String(repeating: "HIGH ST ", count: 20_000).trimmingCharacters(in: .whitespaces)
        let faults = try faultsOfHostileRow(Self.threeRows(Self.quoted(text)), location: text)
        #expect(faults.contains("text.too_long"))
    }

    @Test func commasJunctionsAndDigits() throws {
        let commas = String(repeating: ",", count: 100_000)
        #expect(try faultsOfHostileRow(Self.threeRows(Self.quoted(commas)), location: commas).contains("text.too_long"))
        let junctions = String(repeating: "J/O & ", count: 10_000)
        #expect(try faultsOfHostileRow(Self.threeRows(Self.quoted(junctions))).contains("text.too_long"))
        let digits = String(repeating: "7", count: 10_000)
        #expect(try faultsOfHostileRow(Self.threeRows(digits), location: digits).contains("text.long_word"))
    }

    @Test func everyPostcodeShapeRepeated() throws {
        let shapes = ["M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "SW1A1AA", "e1 6an", "SW1A 1",
                      "SW1A", "SW", "CRO 1AB"]
        let text = Array(repeating: shapes.joined(separator: " "), count: 500).joined(separator: " ")
        #expect(try faultsOfHostileRow(Self.threeRows(Self.quoted(text))).contains("text.too_long"))
    }

    @Test func nulBytesAndDeepQuoting() throws {
        let nul = String(repeating: "\0", count: 100_000)
        #expect(try faultsOfHostileRow(Self.threeRows(Self.quoted(nul)), location: nul).contains("text.too_long"))
        let quotes = String(repeating: "\"", count: 50_000)
        #expect(try faultsOfHostileRow(Self.threeRows(Self.quoted(quotes)), location: quotes).contains("text.too_long"))
    }

    @Test func aRowOfTenThousandColumns() throws {
        let wide = Array(repeating: "x", count: 10_000).joined(separator: ",")
        let faults = try faultsOfHostileRow("id,address\n1,\(Self.quoted(Self.plain1))\n2,HIGH ST,\(wide)\n3,"
            + "\(Self.quoted(Self.plain2))\n")
        #expect(faults.contains("csv.too_many_fields"))
    }

    @Test func aHeaderOfTenThousandColumns() throws {
        let header = "id,address," + (0..<9_998).map { "c\($0)" }.joined(separator: ",")
        let records = try geocode(header + "\n1,\(Self.quoted(Self.plain1))\n2,HIGH ST\n3,\(Self.quoted(Self.plain2))\n")
        try #require(records.count == 4)
        #expect(records.dropFirst().map { $0.fields[0] } == ["1", "2", "3"])
        #expect(records.allSatisfy { $0.fields.count == 10_000 + GeocodeBinary.addedColumns.count })
        #expect(records[1].fields.last!.contains("csv.too_few_fields"))
    }

    @Test func aLongLastLineWithoutNewline() throws {
        var blob = ""
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ    ")
        var state: UInt64 = 15
        for _ in 0..<1_000_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            blob.append(letters[Int(state >> 33) % letters.count])
        }
        let records = try geocode("id,address\n1,\(Self.quoted(Self.plain1))\n2,\(blob)")
        try #require(records.count == 3)
        #expect(records[2].fields[0] == "2" && records[2].fields[1] == blob)
        let faults = records[0].fields.firstIndex(of: "faults")!
        #expect(records[2].fields[faults].contains("text.too_long"))
    }
}
