import Foundation
import Locus
import Testing

/// One expected output row: the fields as they must come out, and the query its added columns come from.
struct ExpectedRow {
    var fields: [String]
    var location: String
    var postcode: String? = nil
    var borough: String? = nil
    var csvFaults: [String] = []
    /// A long row's fields beyond the header's, written after the added columns.
    var extra: [String] = []
}

/// The exact output of the fixtures in every input dialect: every byte of it, the added columns computed
/// in this process from the same gazetteer (`ExpectedColumns`).
@Suite struct GeocodeOutputTests {
    let expected: ExpectedColumns

    init() throws { expected = try ExpectedColumns() }

    func expectedCSV(header: [String]?, rows: [ExpectedRow], delimiter: Character = ",", prefix: String = "") -> String {
        var text = header.map { GeocodeBinary.csvLine($0 + GeocodeBinary.addedColumns.map { prefix + $0 }, delimiter: delimiter) } ?? ""
        for row in rows {
            let added = expected.added(text: row.location, postcode: row.postcode, borough: row.borough,
                                       csvFaults: row.csvFaults)
            text += GeocodeBinary.csvLine(row.fields + added + row.extra, delimiter: delimiter)
        }
        return text
    }

    @Test func quotedFieldsEmbeddedNewlinesCRLFAndByteOrderMark() throws {
        let result = try GeocodeBinary.run(["--quiet", GeocodeBinary.fixture("quoting-crlf-bom.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expectedCSV(header: ["id", "Location", "note"], rows: [
            ExpectedRow(fields: ["1", "O/S 12, HIGH ST CROYDON", "said \"help\""], location: "O/S 12, HIGH ST CROYDON"),
            ExpectedRow(fields: ["2", "J/O OXFORD ST\r\n& REGENT ST W1", "two-line location"],
                        location: "J/O OXFORD ST\r\n& REGENT ST W1"),
            ExpectedRow(fields: ["3", "", "empty location"], location: ""),
        ]))
        // The first row is really an address on the fixture's High Street, so the added columns are not all empty.
        #expect(result.stdout.contains(",532300.0,165100.0,address,"))
    }

    @Test func oneColumnWithoutDelimiters() throws {
        let result = try GeocodeBinary.run(["--quiet", GeocodeBinary.fixture("one-column.tsv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expectedCSV(header: ["Address"], rows: [
            ExpectedRow(fields: ["O/S 12 HIGH ST CROYDON"], location: "O/S 12 HIGH ST CROYDON"),
        ]))
    }

    @Test func raggedRowsPassThroughWithTheirFaults() throws {
        let result = try GeocodeBinary.run([GeocodeBinary.fixture("ragged.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expectedCSV(header: ["id", "address", "category"], rows: [
            ExpectedRow(fields: ["1", "O/S 12 HIGH ST CROYDON", ""], location: "O/S 12 HIGH ST CROYDON",
                        csvFaults: ["csv.too_few_fields"]),
            ExpectedRow(fields: ["2", "J/O OXFORD ST & REGENT ST W1", "Robbery"],
                        location: "J/O OXFORD ST & REGENT ST W1", csvFaults: ["csv.too_many_fields"], extra: ["extra field"]),
            ExpectedRow(fields: ["3", "O/S 5 MAIN\" RD\"", "Assault"], location: "O/S 5 MAIN\" RD\"",
                        csvFaults: ["csv.text_after_quote"]),
            ExpectedRow(fields: ["4", "OPEN QUOTE TO THE END\n", ""], location: "OPEN QUOTE TO THE END\n",
                        csvFaults: ["csv.unterminated_quote", "csv.too_few_fields"]),
        ]))
        #expect(result.stderr.contains("malformed rows 4"))
    }

    @Test func windows1252WithSemicolons() throws {
        let result = try GeocodeBinary.run(["--quiet", "--encoding", "windows-1252", GeocodeBinary.fixture("windows-1252.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expectedCSV(header: ["id", "address", "note"], rows: [
            ExpectedRow(fields: ["1", "O/S CAFÉ NERO, 12 HIGH ST", "£5 – “stolen”"], location: "O/S CAFÉ NERO, 12 HIGH ST"),
            ExpectedRow(fields: ["2", "BUS STOP O/S ST PANCRAS", "ok"], location: "BUS STOP O/S ST PANCRAS"),
        ], delimiter: ";"))
        let latin1 = try GeocodeBinary.run(["--quiet", "--encoding", "latin-1", GeocodeBinary.fixture("windows-1252.csv")])
        #expect(latin1.status == 0)
        #expect(latin1.stdout.contains("1;O/S CAFÉ NERO, 12 HIGH ST;£5 \u{96} \u{93}stolen\u{94};"))
    }

    @Test func emptyAndHeaderOnlyInputs() throws {
        let empty = try GeocodeBinary.run(["--quiet", GeocodeBinary.fixture("empty.csv")])
        #expect(empty.status == 0 && empty.stdout.isEmpty)
        let header = try GeocodeBinary.run(["--quiet", GeocodeBinary.fixture("header-only.csv")])
        #expect(header.status == 0)
        #expect(header.stdout == "incident_ref,location," + GeocodeBinary.addedColumns.joined(separator: ",") + "\n")
        let geojson = try GeocodeBinary.run(["--quiet", "--format", "geojson", GeocodeBinary.fixture("empty.csv")])
        #expect(geojson.stdout == "{\"type\":\"FeatureCollection\",\"features\":[]}\n")
    }

    /// The sample job with its evidence columns, read from standard input and from the file alike.
    @Test func sampleIncidentsWithEvidenceColumns() throws {
        let input = try GeocodeBinary.records(String(contentsOf: GeocodeBinary.fixtureURL("sample-incidents.csv"), encoding: .utf8))
        let header = input[0]
        let location = header.firstIndex(of: "Location")!
        let postcode = header.firstIndex(of: "Post Code")!, borough = header.firstIndex(of: "Borough Name")!
        let empty = { (text: String) in text.isEmpty ? nil : text }
        let rows = input.dropFirst().map {
            ExpectedRow(fields: $0, location: $0[location], postcode: empty($0[postcode]), borough: empty($0[borough]))
        }
        let arguments = ["--quiet", "--postcode-column", "post code", "--borough-column", "5"]
        let fromFile = try GeocodeBinary.run(arguments + [GeocodeBinary.fixture("sample-incidents.csv")])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout == expectedCSV(header: header, rows: rows))
        let fromStdin = try GeocodeBinary.run(arguments, stdin: FileManager.default.contents(
            atPath: GeocodeBinary.fixtureURL("sample-incidents.csv").path))
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test func noHeaderAndSeveralAddressColumnsJoined() throws {
        let input = "7,\"O/S 12 HIGH ST\",CROYDON\n8,,EAST CROYDON STATION\n"
        let result = try GeocodeBinary.run(
            ["--quiet", "--no-header", "--address-column", "2", "--address-column", "3", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expectedCSV(header: nil, rows: [
            ExpectedRow(fields: ["7", "O/S 12 HIGH ST", "CROYDON"], location: "O/S 12 HIGH ST, CROYDON"),
            ExpectedRow(fields: ["8", "", "EAST CROYDON STATION"], location: "EAST CROYDON STATION"),
        ]))
    }

    @Test func prefixAndATargetCRS() throws {
        let result = try GeocodeBinary.run(["--quiet", "--prefix", "locus_", "--crs", "epsg:3857", "-"],
                                           stdin: Data("location\nCR0 2AA\nNFA\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try GeocodeBinary.records(result.stdout)
        #expect(rows[0] == ["location"] + (GeocodeBinary.addedColumns + ["x", "y"]).map { "locus_" + $0 })
        let projector = try ProjectionSpec.fromBNG(to: "EPSG:3857").makeProjector()
        let point = projector.transform(x: 533_000, y: 166_000)
        #expect(rows[1].suffix(2) == [ExpectedColumns.fixed(point.x, 2), ExpectedColumns.fixed(point.y, 2)])
        #expect(rows[2].suffix(2) == ["", ""])
    }

    /// JSON Lines and GeoJSON carry the same values as the CSV; unmatched rows are features without geometry.
    @Test func jsonLinesAndGeoJSON() throws {
        let arguments = ["--quiet", GeocodeBinary.fixture("quoting-crlf-bom.csv")]
        let csv = try GeocodeBinary.records(try GeocodeBinary.run(arguments).stdout)
        let jsonl = try GeocodeBinary.run(["--format", "jsonl"] + arguments)
        let objects = try jsonl.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.count == csv.count - 1)
        for (object, row) in zip(objects, csv.dropFirst()) {
            #expect(object["Location"] as? String == row[1])
            #expect(object["match_type"] as? String == row[7])
            #expect((object["easting"] as? Double).map { ExpectedColumns.fixed($0, 1) } ?? "" == row[5])
            #expect((object["faults"] as? [String])?.joined(separator: ";") == row[15])
        }
        let geojson = try GeocodeBinary.run(["--format", "geojson"] + arguments)
        let collection = try JSONSerialization.jsonObject(with: Data(geojson.stdout.utf8)) as! [String: Any]
        let features = collection["features"] as! [[String: Any]]
        #expect(features.count == csv.count - 1)
        for (feature, row) in zip(features, csv.dropFirst()) {
            if row[3].isEmpty {
                #expect(feature["geometry"] is NSNull)
            } else {
                let coordinates = (feature["geometry"] as! [String: Any])["coordinates"] as! [Double]
                #expect(coordinates.map { ExpectedColumns.fixed($0, 6) } == [row[4], row[3]])
            }
        }
    }
}
