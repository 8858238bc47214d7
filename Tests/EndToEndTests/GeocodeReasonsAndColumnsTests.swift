import Foundation
import Testing

/// Issue 16, items 4, 6 and 7 on the built binary and the matcher's fixture gazetteer: a reason on every row
/// without coordinates, column clashes that do not stop a first run, and README and behaviour agreeing.
@Suite struct GeocodeReasonsAndColumnsTests {
    static let sample = GeocodeBinary.fixture("sample-incidents.csv")

    /// The rows of a JSONL output.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func faults(_ row: [String: Any]) -> [String] { row["faults"] as? [String] ?? [] }
    static func located(_ row: [String: Any]) -> Bool { row["latitude"] is Double }

    @Test func everyRowWithoutCoordinatesSaysWhy() throws {
        let input = "id,Location\n1,TQ 3003 8001\n2,KINGS X STN\n3,M25 J28\n4,NFA - CALLER UNABLE TO GIVE LOCATION\n"
            + "5,\"UNKNOWN, CALLER HUNG UP\"\n6,NFA\n7,\n8,\"UNKNOWN: SEE NOTES\"\n"
        let result = try GeocodeBinary.run(["--quiet", "--format", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.objects(result.stdout)
        #expect(rows.count == 8)
        for row in rows where !Self.located(row) {
            #expect(!Self.faults(row).isEmpty, "no reason for \(row["Location"] ?? "")")
        }
        #expect(Self.faults(rows[3]) == ["nothing_to_geocode.no_fixed_abode"])
        #expect(Self.faults(rows[4]) == ["nothing_to_geocode.unknown"])
        #expect(Self.faults(rows[5]) == ["nothing_to_geocode.no_fixed_abode"])
        #expect(Self.faults(rows[6]) == ["nothing_to_geocode.empty"])
        #expect(Self.faults(rows[7]) == ["nothing_to_geocode.unknown"])

        // The sample: its NFA and UNKNOWN rows say so, and no row lacks a reason.
        let sample = try GeocodeBinary.run(["--quiet", "--format", "jsonl", Self.sample])
        let sampleRows = try Self.objects(sample.stdout)
        #expect(sampleRows.count == 30)
        for row in sampleRows where !Self.located(row) { #expect(!Self.faults(row).isEmpty) }
        let nfa = try #require(sampleRows.first { ($0["Location"] as? String)?.hasPrefix("NFA") == true })
        #expect(Self.faults(nfa) == ["nothing_to_geocode.no_fixed_abode"])
        let unknown = try #require(sampleRows.first { ($0["Location"] as? String)?.hasPrefix("UNKNOWN") == true })
        #expect(Self.faults(unknown) == ["nothing_to_geocode.unknown"])
    }

    @Test func aPoliceExtractRunsWithPrefixedColumnsSaidOnStandardErrorAndInTheSummary() throws {
        let input = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
            + "Crime type,Postcode,Borough\nc1,2024-01,Met,Met,-0.1,51.37,On or near High Street,E01001043,"
            + "Croydon 027B,Burglary,CR0 1NX,Croydon\n"
        let summary = GeocodeBinary.scratchFile(".json")
        let result = try GeocodeBinary.run(["--summary-json", summary.path, "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let header = try #require(try GeocodeBinary.records(result.stdout).first)
        #expect(Array(header.suffix(13)) == GeocodeBinary.addedColumns.map { "locus_" + $0 })
        #expect(result.stderr.contains("the input has columns named like the added ones (\"Latitude\", \"Longitude\", "
                                       + "\"Postcode\", \"Borough\"): the added columns are named locus_latitude"))
        #expect(result.stderr.contains("added columns prefixed locus_"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        let columns = try #require(json["columns"] as? [String: Any])
        #expect(columns["prefix"] as? String == "locus_")
        // The command line names the option in the note, on standard error and in the summary alike.
        #expect(result.stderr.contains("locus_longitude, … (choose with --prefix)\n"))
        #expect((json["notes"] as? [String])?.first?.hasSuffix("locus_longitude, … (choose with --prefix)") == true)
        #expect((json["notes"] as? [String])?.contains { $0.contains("named like the added ones") } == true)
        // Every clash at once when the prefix given leaves them.
        let refused = try GeocodeBinary.run(["--prefix", "", "-"], stdin: Data(input.utf8))
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("the added columns latitude (input \"Latitude\"), longitude (input \"Longitude\"), "
                                        + "postcode (input \"Postcode\"), borough (input \"Borough\") would repeat"))
    }

    @Test func unmatchedHoldsEveryRowWithoutCoordinates() throws {
        let folder = try UnattendedShell.folder()
        let output = folder.appendingPathComponent("out.jsonl"), review = folder.appendingPathComponent("review.jsonl")
        let result = try GeocodeBinary.run(["--quiet", "--format", "jsonl", "-o", output.path, "--unmatched", review.path,
                                            Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.objects(try String(contentsOf: output, encoding: .utf8))
        let reviewed = try Self.objects(try String(contentsOf: review, encoding: .utf8))
        let without = rows.filter { !Self.located($0) }.map { $0["Incident Ref"] as? String }
        #expect(reviewed.map { $0["Incident Ref"] as? String } == without)
        // Matched rows left without coordinates (coarse, low score) are there too, not only match_type none.
        #expect(reviewed.contains { ($0["match_type"] as? String) != "none" })
        #expect(reviewed.count > rows.filter { ($0["match_type"] as? String) == "none" }.count)
    }

    @Test func jsonlKeepsEveryValueUnderAUsableKey() throws {
        let input = "id,,Location,id,id_4\n1,a,CR0 1NX,b,c\n"
        let result = try GeocodeBinary.run(["--quiet", "--format", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(try Self.objects(result.stdout).first)
        #expect(row["id"] as? String == "1")
        #expect(row["2"] as? String == "a")
        #expect(row["Location"] as? String == "CR0 1NX")
        #expect(row["id_4"] as? String == "c")
        #expect(row["id_4_"] as? String == "b")
        #expect(row[""] == nil)
    }

    @Test func helpListsEveryExitStatusAndTheScoreRule() throws {
        let help = try LocusBinary.run(["geocode", "--help"])
        #expect(help.status == 0)
        let readme = try String(contentsOf: LocusBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "### Exit status")[1].components(separatedBy: "\n## ")[0]
        let statuses = table.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int($0) }.map(String.init)
        }
        #expect(statuses.count == 8)
        for status in statuses { #expect(help.stdout.contains("\n  \(status)  "), "exit status \(status) in --help") }
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("a score of at least 70"))
        #expect(flat.contains("even --max-precision-m 100000 gives them no coordinates"))
    }

    @Test func areasGetNoCoordinatesEvenWithAHugeMaxPrecision() throws {
        let input = "Location\nCROYDON\nCR0\nRICHMOND\n"
        let result = try GeocodeBinary.run(["--quiet", "--format", "jsonl", "--max-precision-m", "100000", "-"],
                                           stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.objects(result.stdout)
        let areas = rows.filter { ["postcode_sector", "postcode_district", "locality", "borough"]
            .contains($0["match_type"] as? String ?? "") }
        #expect(!areas.isEmpty)
        for row in areas {
            #expect(!Self.located(row))
            #expect(Self.faults(row).contains("low_score"))
        }
    }

    @Test func reprojectTakesTheDelimiterNamesGeocodeTakes() throws {
        for (name, separator) in [("comma", ","), ("semicolon", ";"), ("pipe", "|"), ("tab", "\t")] {
            let input = "e\(separator)n\n530000\(separator)180000\n"
            let result = try LocusBinary.run(["reproject", "-", "--from", "EPSG:27700", "--to", "EPSG:4326",
                                              "--x-column", "e", "--y-column", "n", "--delimiter", name],
                                             stdin: Data(input.utf8))
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.hasPrefix("e\(separator)n\(separator)x\(separator)y\(separator)status\n"), "\(name)")
        }
        let bad = try LocusBinary.run(["reproject", "-", "--from", "EPSG:27700", "--to", "EPSG:4326",
                                       "--x-column", "e", "--y-column", "n", "--delimiter", "colon"])
        #expect(bad.status == 64 && bad.stderr.contains("use comma, tab, semicolon or pipe"))
    }
}
