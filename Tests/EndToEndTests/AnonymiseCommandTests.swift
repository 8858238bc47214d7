import Foundation
import Testing

/// `locus geocode --anonymise` against a plain run, and `locus reverse`, on the matcher's fixture gazetteer.
struct AnonymiseCommandTests {
    static func rows(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case let number as NSNumber: return number.stringValue
        case let string as String: return string
        default: return ""
        }
    }

    @Test func anonymisedOutputHoldsNoExactCoordinate() throws {
        let input = GeocodeBinary.fixture("anonymise-addresses.csv")
        let plain = try GeocodeBinary.run(["--format", "jsonl", "--quiet", input])
        #expect(plain.status == 0)
        let unmatched = GeocodeBinary.scratchFile(".jsonl"), summary = GeocodeBinary.scratchFile(".json")
        let anonymised = try GeocodeBinary.run([
            "--format", "jsonl", "--anonymise", "--unmatched", unmatched.path, "--summary-json", summary.path, input,
        ])
        #expect(anonymised.status == 0, "\(anonymised.stderr)")
        let before = try Self.rows(plain.stdout), after = try Self.rows(anonymised.stdout)
        #expect(before.count == 15 && after.count == 15)
        let allPublished = after + (try Self.rows(try String(contentsOf: unmatched, encoding: .utf8)))
        let side = (try String(contentsOf: summary, encoding: .utf8)) + anonymised.stderr
        var moved = 0
        for (exact, published) in zip(before, after) where exact["easting"] is NSNumber {
            #expect(Self.text(published["match_type"]) == Self.text(exact["match_type"]))
            #expect(Self.text(published["borough"]) == Self.text(exact["borough"]))
            #expect(Self.text(published["lsoa"]) == Self.text(exact["lsoa"]))
            guard published["easting"] is NSNumber else {
                #expect((published["faults"] as? [String] ?? []).contains("anonymise.no_map_point"))
                continue
            }
            #expect(Self.text(published["matched"]).hasPrefix("On or near "))
            if Self.text(published["easting"]) == Self.text(exact["easting"])
                && Self.text(published["northing"]) == Self.text(exact["northing"]) {
                // The exact point is itself a map point: a street's centre or a station, never an address.
                #expect(!["address", "interpolated"].contains(Self.text(exact["match_type"])))
                continue
            }
            moved += 1
            // Not in any published row (as numbers), nor in the summary or messages (as the writer prints them).
            for (a, b) in [("easting", "northing"), ("latitude", "longitude")] {
                let pair = [exact[a] as? Double, exact[b] as? Double]
                #expect(!allPublished.contains { row in [row[a] as? Double, row[b] as? Double] == pair },
                        "the exact point \(pair) was written")
            }
            let printed = [String(format: "%.1f", exact["easting"] as! Double), String(format: "%.1f", exact["northing"] as! Double)]
            #expect(!printed.allSatisfy { side.contains($0) }, "the exact point \(printed) is in the summary")
        }
        #expect(moved >= 5)
    }

    @Test func reverseNamesTheStreetAndTheMapPoint() throws {
        let plain = try GeocodeBinary.run(["--format", "jsonl", "--quiet", GeocodeBinary.fixture("anonymise-addresses.csv")])
        let located = try Self.rows(plain.stdout).filter { $0["easting"] is NSNumber }
        #expect(located.count >= 8)
        var grid = "id,easting,northing\n", wgs = "id,Longitude,Latitude\n"
        for (i, row) in located.enumerated() {
            grid += "\(i),\(Self.text(row["easting"])),\(Self.text(row["northing"]))\n"
            wgs += "\(i),\(Self.text(row["longitude"])),\(Self.text(row["latitude"]))\n"
        }
        grid += "bad,abc,\n"
        let gazetteer = try GeocodeBinary.gazetteer()
        let gridFile = GeocodeBinary.scratchFile(".csv")
        try grid.write(to: gridFile, atomically: true, encoding: .utf8)
        let fromGrid = try LocusBinary.run(["reverse", "--gazetteer", gazetteer, "--format", "jsonl", "--quiet", gridFile.path])
        #expect(fromGrid.status == 0, "\(fromGrid.stderr)")
        let gridRows = try Self.rows(fromGrid.stdout)
        #expect(gridRows.count == located.count + 1)
        for (i, row) in gridRows.prefix(located.count).enumerated() {
            #expect(Self.text(row["id"]) == String(i))  // ordered
            #expect(Self.text(row["reverse_matched"]).hasPrefix("On or near "))
            #expect(Self.text(row["reverse_borough"]) == Self.text(located[i]["borough"]))
            #expect(!Self.text(row["reverse_street"]).isEmpty && !Self.text(row["reverse_postcode"]).isEmpty)
        }
        let badFaults = gridRows.last.flatMap { $0["reverse_faults"] as? [String] } ?? []
        #expect(badFaults.contains("reverse.bad_coordinates"))
        // Longitude/latitude columns (police.uk's names) give the same answers.
        let file = GeocodeBinary.scratchFile(".csv")
        try wgs.write(to: file, atomically: true, encoding: .utf8)
        let fromWGS = try LocusBinary.run(["reverse", "--gazetteer", gazetteer, "--format", "jsonl", "--quiet", file.path])
        #expect(fromWGS.status == 0, "\(fromWGS.stderr)")
        let wgsRows = try Self.rows(fromWGS.stdout)
        #expect(wgsRows.map { Self.text($0["reverse_matched"]) } == gridRows.prefix(located.count).map { Self.text($0["reverse_matched"]) })
        // A missing column is a usage error, as in geocode.
        let missing = try LocusBinary.run(["reverse", "--gazetteer", gazetteer, "--x", "nope", "--y", "northing", "-"],
                                          stdin: Data(grid.utf8))
        #expect(missing.status == 64)
    }
}
