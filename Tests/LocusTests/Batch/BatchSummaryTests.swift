import Foundation
import Testing
@testable import Locus

/// The grid-reference geocoder, but a location starting `DISTRICT` is a postcode district too coarse for
/// coordinates and one starting `WEAK` a street scoring too low: both keep their level without coordinates,
/// as the matcher does (faults `coarse`, `low_score`).
struct WithheldCoordinatesGeocoder: Geocoding {
    func geocode(_ query: LocationQuery) -> GeocodeResult {
        if query.text.hasPrefix("DISTRICT") {
            return GeocodeResult(level: .postcodeDistrict, score: 49, precisionMeters: 1170, matched: "CR0",
                                 borough: "Croydon", faults: [Fault("coarse")])
        }
        if query.text.hasPrefix("WEAK") {
            return GeocodeResult(level: .street, score: 62, precisionMeters: 150, matched: "HIGH STREET",
                                 faults: [Fault("borough.mismatch", penalty: 20), Fault("low_score")])
        }
        return GridReferenceGeocoder().geocode(query)
    }
}

@Suite struct BatchSummaryTests {
    static let input = """
        id,address
        1,530000 180000
        2,DISTRICT CR0
        3,WEAK HIGH ST
        4,531000 181000
        5,NOTHING
        6,DISTRICT CR0 AGAIN
        7,WEAK 530000 180000

        """

    @Test func onlyRowsWithCoordinatesCountAsLocated() throws {
        let run = try runBatch(Self.input, withUnmatched: true, geocoder: WithheldCoordinatesGeocoder())
        let summary = run.summary
        #expect(summary.rows == 7)
        // Row 7 has a grid reference but its street scores too low: a street without coordinates.
        #expect(summary.rowsByMatchType["street"] == 4 && summary.rowsByMatchType["postcode_district"] == 2)
        #expect(summary.rowsByMatchType["none"] == 1 && summary.matchedRows == 6)
        #expect(summary.locatedRows == 2 && summary.locatedPercent == 28.6)
        #expect(summary.locatedRowsByMatchType["street"] == 2 && summary.locatedRowsByMatchType["postcode_district"] == 0)
        #expect(summary.rowsWithoutCoordinatesByMatchType["street"] == 2)
        #expect(summary.rowsWithoutCoordinatesByMatchType["postcode_district"] == 2)
        #expect(summary.rowsWithoutCoordinatesByMatchType["none"] == 1)
        for level in MatchLevel.allCases {
            let key = level.rawValue
            #expect(summary.locatedRowsByMatchType[key]! + summary.rowsWithoutCoordinatesByMatchType[key]!
                    == summary.rowsByMatchType[key]!)
        }
        // The rows counted without coordinates are the ones written without them (and also to --unmatched).
        let written = run.output.split(separator: "\n").dropFirst()
        #expect(written.filter { $0.contains(",,,,") }.count == 5)
        #expect(run.unmatched!.split(separator: "\n").count == 1 + 5)
    }

    @Test func theTextLeadsWithTheLocatedRate() throws {
        let text = try runBatch(Self.input, geocoder: WithheldCoordinatesGeocoder()).summary.text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  columns: address \"address\" (column 2, found by its header); postcode none; borough none")
        #expect(lines[2] == "  located 2 (28.6%) with coordinates; matched 6 (85.7%), 4 of them without coordinates "
                + "(coarse or low score); malformed rows 0")
        #expect(lines[3] == "  street: 4 (57.1%), located 2, without coordinates 2")
        #expect(lines[4] == "  postcode_district: 2 (28.6%), located 0, without coordinates 2")
        #expect(lines[5] == "  none: 1 (14.3%)")
        #expect(lines[6].hasPrefix("  gazetteer: ") && lines[7].hasPrefix("  projection: "))
    }

    /// Monitoring reads the JSON: the fields it had stay, the new ones are added, absent columns are `null`.
    @Test func theJSONKeepsItsFieldsAndAddsTheNewOnes() throws {
        let options = batchOptions {
            $0.hasHeader = false
            $0.addressColumns = [ColumnSelector("2")]
            $0.postcodeColumn = ColumnSelector("3")
        }
        let summary = try runBatch("1,530000 180000,CR0 1NX\n2,DISTRICT CR0,\n", options: options,
                                   geocoder: WithheldCoordinatesGeocoder()).summary
        let json = try #require(try JSONSerialization.jsonObject(with: summary.json()) as? [String: Any])
        for key in ["input", "output", "rows", "malformedRows", "rowsByMatchType", "seconds", "rowsPerSecond",
                    "threads", "gazetteerVersion", "projOperation", "peakChunksInFlight"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json["locatedRows"] as? Int == 1 && json["locatedPercent"] as? Double == 50)
        #expect((json["locatedRowsByMatchType"] as? [String: Int])?["street"] == 1)
        #expect((json["rowsWithoutCoordinatesByMatchType"] as? [String: Int])?["postcode_district"] == 1)
        #expect((json["notes"] as? [Any])?.isEmpty == true)
        let columns = try #require(json["columns"] as? [String: Any])
        #expect(columns["borough"] is NSNull)
        let postcode = try #require(columns["postcode"] as? [String: Any])
        #expect(postcode["name"] is NSNull && postcode["number"] as? Int == 3 && postcode["detected"] as? Bool == false)
        #expect((columns["address"] as? [[String: Any]])?.first?["number"] as? Int == 2)
        #expect(try JSONDecoder().decode(BatchSummary.self, from: summary.json()) == summary)
        #expect(summary.text.contains("  columns: address column 2 (given); postcode column 3 (given); borough none\n"))
    }

    @Test func anEmptyInputLocatesNothing() throws {
        let summary = try runBatch("").summary
        #expect(summary.rows == 0 && summary.locatedRows == 0 && summary.locatedPercent == 0)
        #expect(summary.columns == UsedColumns() && summary.text.contains("located 0 (0.0%)"))
    }
}
