import Foundation
import Testing
@testable import Locus

@Suite struct BatchFormatTests {
    let input = "id,address,note\n1,530000 180000,\"a \"\"quoted\"\"\nnote\"\n2,NO GRID,\\back\tslash\n3,530000 180000,x,extra\n"

    @Test func jsonLinesParseBackWithTypedValues() throws {
        let run = try runBatch(input, options: batchOptions { $0.format = .jsonl })
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3)
        let rows = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows[0]["id"] as? String == "1")
        #expect(rows[0]["note"] as? String == "a \"quoted\"\nnote")
        #expect(rows[0]["latitude"] as? Double == 51.503992 && rows[0]["longitude"] as? Double == -0.128329)
        #expect(rows[0]["easting"] as? Double == 530000 && rows[0]["score"] as? Double == 87.3)
        #expect(rows[0]["precision_m"] as? Int == 50 && rows[0]["match_type"] as? String == "street")
        #expect(rows[0]["postcode"] is NSNull && rows[0]["ward"] is NSNull && rows[0]["lsoa"] as? String == "E01004736")
        #expect(rows[0]["faults"] as? [String] == ["street.spelling"])
        #expect(rows[1]["note"] as? String == "\\back\tslash")
        #expect(rows[1]["latitude"] is NSNull && rows[1]["match_type"] as? String == "none")
        // An extra field is keyed by its column number.
        #expect(rows[2]["4"] as? String == "extra")
        #expect(rows[2]["faults"] as? [String] == ["csv.too_many_fields", "street.spelling"])
        // Keys keep the input's column order, then the added ones.
        #expect(lines[0].hasPrefix("{\"id\":\"1\",\"address\":\"530000 180000\",\"note\":"))
    }

    @Test func geoJSONIsAFeatureCollectionWithNullGeometryForUnmatchedRows() throws {
        let run = try runBatch(input, options: batchOptions { $0.format = .geojson }, withUnmatched: true)
        let collection = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [String: Any]
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = collection["features"] as! [[String: Any]]
        #expect(features.count == 3)
        let point = features[0]["geometry"] as! [String: Any]
        #expect(point["type"] as? String == "Point")
        #expect(point["coordinates"] as? [Double] == [-0.128329, 51.503992])
        #expect((features[0]["properties"] as! [String: Any])["id"] as? String == "1")
        #expect(features[1]["geometry"] is NSNull)
        #expect((features[1]["properties"] as! [String: Any])["match_type"] as? String == "none")
        let unmatched = try JSONSerialization.jsonObject(with: Data(run.unmatched!.utf8)) as! [String: Any]
        let unmatchedFeatures = unmatched["features"] as! [[String: Any]]
        #expect(unmatchedFeatures.count == 1 && unmatchedFeatures[0]["geometry"] is NSNull)
        // A header-only input is an empty collection.
        let empty = try runBatch("address\n", options: batchOptions { $0.format = .geojson }).output
        #expect((try JSONSerialization.jsonObject(with: Data(empty.utf8)) as! [String: Any])["features"] as? [Any] != nil)
    }

    @Test func fixedDecimalsAreLocaleIndependent() {
        func fixed(_ value: Double, _ decimals: Int) -> String {
            var bytes: [UInt8] = []
            appendFixed(value, decimals: decimals, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(fixed(51.5039908, 6) == "51.503991")
        #expect(fixed(-0.1283539, 6) == "-0.128354")
        #expect(fixed(-0.0000001, 6) == "0.000000")
        #expect(fixed(530000, 1) == "530000.0")
        #expect(fixed(0.05, 0) == "0")
        #expect(fixed(2.5, 0) == "3")
        #expect(fixed(-2.5, 0) == "-3")
        #expect(fixed(1.000001, 6) == "1.000001")
        #expect(fixed(.nan, 2) == "")
        #expect(fixed(.infinity, 2) == "")
    }

    @Test func jsonStringsEscapeQuotesBackslashesAndControls() throws {
        var bytes: [UInt8] = []
        appendJSONString("a\"b\\c\n\r\t\u{01}é", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\n\\r\\t\\u0001é\"")
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + String(decoding: bytes, as: UTF8.self) + "]").utf8))
        #expect(parsed as? [String] == ["a\"b\\c\n\r\t\u{01}é"])
    }

    @Test func progressLineShowsRateAndWithAKnownSizePercentAndETA() {
        #expect(ProgressReporter.line(rows: 1000, bytesConsumed: 0, totalBytes: nil, elapsed: 2) == "1000 rows  500 rows/s")
        #expect(ProgressReporter.line(rows: 1000, bytesConsumed: 250, totalBytes: 1000, elapsed: 10)
            == "1000 rows  100 rows/s  25.0%  ETA 0:30")
        #expect(ProgressReporter.line(rows: 10, bytesConsumed: 1, totalBytes: 1000, elapsed: 10)
            .hasSuffix("0.1%  ETA 2:46:30"))
    }
}
