import Foundation
import Locus
import Testing

/// `locus geocode` finds `Post Code` and `Borough Name` columns by their header, uses them as evidence, and its
/// summary says which columns it read and how many rows it located.
@Suite struct GeocodeEvidenceColumnsTests {
    static let fixture = GeocodeBinary.fixture("evidence-columns.csv")
    let expected: ExpectedColumns
    let input: [[String]]

    init() throws {
        expected = try ExpectedColumns()
        input = try GeocodeBinary.records(String(contentsOf: GeocodeBinary.fixtureURL("evidence-columns.csv"), encoding: .utf8))
    }

    /// The exact output when the evidence columns are (or are not) used, and each row's added columns.
    func expectedOutput(withEvidence: Bool) -> (text: String, added: [[String]]) {
        let empty = { (text: String) in text.isEmpty ? nil : text }
        var text = GeocodeBinary.csvLine(input[0] + GeocodeBinary.addedColumns)
        var added: [[String]] = []
        for row in input.dropFirst() {
            let columns = expected.added(
                text: row[1], postcode: withEvidence ? empty(row[2]) : nil, borough: withEvidence ? empty(row[3]) : nil)
            added.append(columns)
            text += GeocodeBinary.csvLine(row + columns)
        }
        return (text, added)
    }

    @Test func postCodeAndBoroughNameAreFoundAndUsed() throws {
        let summaryPath = GeocodeBinary.scratchFile(".json")
        let result = try GeocodeBinary.run(["--summary-json", summaryPath.path, Self.fixture])
        #expect(result.status == 0, "\(result.stderr)")
        let (text, added) = expectedOutput(withEvidence: true)
        #expect(result.stdout == text)
        // The evidence decides: O/S 5 HIGH ST is on Richmond's High Street with its borough, on Croydon's with
        // Croydon's; HIGH ST with TW9 1AA is placed in Richmond.
        let rows = try GeocodeBinary.records(result.stdout)
        let easting = rows[0].firstIndex(of: "easting")!, borough = rows[0].firstIndex(of: "borough")!
        #expect(rows[1][0] == "E-01" && rows[1][easting].hasPrefix("518") && rows[1][borough] == "Richmond upon Thames")
        #expect(rows[2][0] == "E-02" && rows[2][easting].hasPrefix("532") && rows[2][borough] == "Croydon")
        #expect(rows[6][0] == "E-06" && rows[6][borough] == "Richmond upon Thames" && !rows[6][easting].isEmpty)

        #expect(result.stderr.contains(
            "  columns: address \"Location\" (column 2, found by its header); "
                + "postcode \"Post Code\" (column 3, found by its header); "
                + "borough \"Borough Name\" (column 4, found by its header)\n"))
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(contentsOf: summaryPath))
        #expect(summary.columns == UsedColumns(
            address: [UsedColumn(name: "Location", number: 2, detected: true)],
            postcode: UsedColumn(name: "Post Code", number: 3, detected: true),
            borough: UsedColumn(name: "Borough Name", number: 4, detected: true)))
        #expect(summary.notes.isEmpty && summary.rows == 10)
        // Located: the rows written with coordinates, per match type; the others keep their type without them.
        var located: [String: Int] = [:], without: [String: Int] = [:]
        for columns in added {
            if columns[0].isEmpty { without[columns[4], default: 0] += 1 } else { located[columns[4], default: 0] += 1 }
        }
        #expect(summary.locatedRows == located.values.reduce(0, +))
        #expect(summary.locatedRowsByMatchType.filter { $0.value > 0 } == located)
        #expect(summary.rowsWithoutCoordinatesByMatchType.filter { $0.value > 0 } == without)
        // The fixture has a coarse postcode district, a low-scoring address under conflicting evidence, NFA, and
        // O/S 12 HIGH ST with no evidence: Croydon's High Street holds 12, Hampton's (another borough) holds 3-41,
        // so it may hold 12 too (`number.not_held`, ambiguous).
        #expect(without["postcode_district"] == 1 && without["address"] == 1 && without["none"] == 2)
        #expect(summary.locatedRows == 6 && summary.locatedPercent == 60)
        #expect(result.stderr.contains("  located 6 (60.0%) with coordinates; matched 8 (80.0%), 2 of them without "
                                       + "coordinates (coarse or low score); malformed rows 0\n"))
        #expect(result.stderr.contains("  postcode_district: 1 (10.0%), located 0, without coordinates 1\n"))
    }

    @Test func detectionCanBeTurnedOff() throws {
        let summaryPath = GeocodeBinary.scratchFile(".json")
        let result = try GeocodeBinary.run(["--no-evidence-detection", "--summary-json", summaryPath.path, Self.fixture])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expectedOutput(withEvidence: false).text)
        #expect(result.stdout != expectedOutput(withEvidence: true).text)
        #expect(result.stderr.contains("  columns: address \"Location\" (column 2, found by its header); postcode none; borough none\n"))
        let json = try String(contentsOf: summaryPath, encoding: .utf8)
        #expect(json.contains("\"borough\" : null") && json.contains("\"postcode\" : null"))
        // Named columns are used whatever the switch says.
        let named = try GeocodeBinary.run(["--quiet", "--no-evidence-detection", "--postcode-column", "Post Code",
                                           "--borough-column", "4", Self.fixture])
        #expect(named.stdout == expectedOutput(withEvidence: true).text)
    }

    @Test func severalCandidatesAreNamedOnStandardErrorAndNoneIsUsed() throws {
        let input = "Location,Postcode,Post Code\nO/S 5 HIGH ST,TW9 1AA,TW9 1AA\n"
        let result = try GeocodeBinary.run(["--prefix", "locus_", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("locus geocode: note: several columns could be the postcode: \"Postcode\", "
                                        + "\"Post Code\"; none is used as evidence; pick one with --postcode-column NAME\n"))
        let row = try GeocodeBinary.records(result.stdout)[1]
        #expect(Array(row.dropFirst(3)) == expected.added(text: "O/S 5 HIGH ST"))
        let quiet = try GeocodeBinary.run(["--quiet", "--prefix", "locus_", "-"], stdin: Data(input.utf8))
        #expect(quiet.stderr.isEmpty && quiet.stdout == result.stdout)
    }

    @Test func withoutAHeaderNothingIsFound() throws {
        let input = "O/S 5 HIGH ST,TW9 1AA,Richmond upon Thames\n"
        let result = try GeocodeBinary.run(["--no-header", "--address-column", "1", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == GeocodeBinary.csvLine(
            ["O/S 5 HIGH ST", "TW9 1AA", "Richmond upon Thames"] + expected.added(text: "O/S 5 HIGH ST")))
        #expect(result.stderr.contains("  columns: address column 1 (given); postcode none; borough none\n"))
    }
}
