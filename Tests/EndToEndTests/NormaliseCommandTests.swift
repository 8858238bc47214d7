import Foundation
import Testing

/// `locus normalise` through the built binary: readable, one-line and JSON output.
@Suite struct NormaliseCommandTests {
    @Test func printsTheParseReadably() throws {
        let result = try LocusBinary.run(["normalise", "O/S 12A HIGH ST, CROYDON CR0 1AB"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("qualifier     outside  \"O/S\""))
        #expect(result.stdout.contains("house number  12A  \"12A\""))
        #expect(result.stdout.contains("street        HIGH STREET  (name HIGH, type STREET)  \"HIGH ST\""))
        #expect(result.stdout.contains("borough       Croydon"))
        #expect(result.stdout.contains("postcode      CR0 1AB  (unit)  \"CR0 1AB\""))
        #expect(result.stdout.contains("canonical     OUTSIDE 12A HIGH STREET, CROYDON CR0 1AB"))
    }

    @Test func printsJSON() throws {
        let result = try LocusBinary.run(["normalise", "--json", "J/O OXFORD ST & REGENT ST W1"])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["canonical"] as? String == "JUNCTION OF OXFORD STREET AND REGENT STREET W1")
        let street = try #require(object["street"] as? [String: Any])
        #expect(street["name"] as? String == "OXFORD")
        #expect(street["type"] as? String == "STREET")
        #expect(street["span"] as? [Int] == [4, 13])
        let cross = try #require(object["crossStreet"] as? [String: Any])
        #expect(cross["text"] as? String == "REGENT STREET")
        let qualifiers = try #require(object["qualifiers"] as? [[String: Any]])
        #expect(qualifiers.first?["kind"] as? String == "junction")
        let postcode = try #require(object["postcode"] as? [String: Any])
        #expect(postcode["text"] as? String == "W1")
        let words = try #require(object["words"] as? [[String: Any]])
        #expect(words.map { $0["role"] as? String } .contains("streetType"))
    }

    @Test func readsLinesFromStandardInput() throws {
        let input = "NFA\nOPP 53 PERRY HILL SE6 4LF\n"
        let result = try LocusBinary.run(["normalise", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "NFA\tnothing:no_fixed_abode\t",
            "OPP 53 PERRY HILL SE6 4LF\tq:opposite; #53; st:PERRY|HILL; pc:SE6 4LF\tOPPOSITE 53 PERRY HILL SE6 4LF",
        ])
    }

    @Test func saysWhenThereIsNothingToGeocode() throws {
        let result = try LocusBinary.run(["normalise", "--summary", "No Fixed Abode"])
        #expect(result.status == 0)
        #expect(result.stdout == "nothing:no_fixed_abode\n")
    }
}
