import Foundation
import Testing
@testable import Locus

@Suite struct BatchGeocoderTests {
    @Test func writesEveryColumnThenTheAddedOnes() throws {
        let run = try runBatch("id,address,pc\n1,530000 180000,SW1A 2AA\n2,NO GRID,\n")
        #expect(run.output == """
            id,address,pc,\(addedHeader)
            1,530000 180000,SW1A 2AA,\(matchedColumns("530000 180000|-|-"))
            2,NO GRID,,\(unmatchedColumns("NO GRID|-|-"))

            """)
        #expect(run.summary.rows == 2)
        #expect(run.summary.rowsByMatchType["street"] == 1 && run.summary.rowsByMatchType["none"] == 1)
        #expect(run.summary.matchedRows == 1 && run.summary.malformedRows == 0)
        // Without the OSTN15 grid on the search path, PROJ's best for London is the 2 m Helmert.
        #expect(run.summary.projOperation.hasPrefix("EPSG:27700 to EPSG:4326: Inverse of British National Grid + OSGB36 to WGS 84"))
        #expect(run.summary.projOperation.contains(", 2 m, no grid") || run.summary.projOperation.contains(", 1 m, grid"))
    }

    @Test func quotedFieldsEmbeddedNewlinesAndCRLF() throws {
        let input = "id,Location,note\r\n1,\"530000, 180000\",\"say \"\"hi\"\"\r\nthere\"\r\n2,\"x\",plain\r\n"
        let run = try runBatch(input)
        #expect(run.output == """
            id,Location,note,\(addedHeader)
            1,"530000, 180000","say ""hi""\r
            there",\(matchedColumns("\"530000, 180000|-|-\""))
            2,x,plain,\(unmatchedColumns("x|-|-"))

            """)
    }

    @Test func byteOrderMarkIsNotPartOfTheHeader() throws {
        let run = try runBatch([0xEF, 0xBB, 0xBF] + Array("address\n530000 180000\n".utf8))
        #expect(run.output == "address,\(addedHeader)\n530000 180000,\(matchedColumns("530000 180000|-|-"))\n")
    }

    @Test func windows1252AndLatin1InputComeOutAsUTF8() throws {
        let input: [UInt8] = Array("address,name\nNO GRID,caf".utf8) + [0xE9, 0x20, 0x80] + [0x0A]
        let cp1252 = try runBatch(input, options: batchOptions { $0.encoding = .windows1252 })
        #expect(cp1252.output.contains("NO GRID,café €,"))
        let latin1 = try runBatch(input, options: batchOptions { $0.encoding = .latin1 })
        #expect(latin1.output.contains("NO GRID,café \u{80},"))
        let error = thrownError { _ = try runBatch(input) }
        #expect(error as? InputError != nil)
        #expect("\(error!)".hasSuffix("line 2, column 2: the text is not valid utf-8"))
        #expect(BatchOutcome(failure: error!) == .invalidInput)
    }

    @Test func raggedRowsKeepTheirFieldsWithAFault() throws {
        let run = try runBatch("id,address,x\n1,530000 180000\n2,NO GRID,a,b\n3,\"open\n")
        #expect(run.output == """
            id,address,x,\(addedHeader)
            1,530000 180000,,\(matchedColumns("530000 180000|-|-").replacingOccurrences(of: ",street.spelling", with: ",csv.too_few_fields;street.spelling"))
            2,NO GRID,a,\(unmatchedColumns("NO GRID|-|-", extraFaults: ["csv.too_many_fields"])),b
            3,"open
            ",,\(unmatchedColumns("\"open\n|-|-\"", extraFaults: ["csv.unterminated_quote", "csv.too_few_fields"]))

            """)
        #expect(run.summary.malformedRows == 3 && run.summary.rows == 3)
    }

    @Test func strictStopsAtTheFirstMalformedRowNamingLineAndColumn() throws {
        let strict = batchOptions { $0.strict = true }
        let ragged = thrownError { _ = try runBatch("id,address\n1,A\n2,B,extra\n", options: strict) }
        guard case let .malformedRow(input, line, column, problem) = ragged as? BatchError else {
            Issue.record("expected malformedRow, got \(String(describing: ragged))")
            return
        }
        #expect(input.hasSuffix(".csv") && line == 3 && column == 3)
        #expect(problem == "the row has 3 fields where the header has 2")
        #expect("\(ragged!)".contains("\(input): line 3, column 3: the row has 3 fields"))
        #expect(BatchOutcome(failure: ragged!) == .invalidInput)
        let quote = thrownError { _ = try runBatch("id,address\n1,\"A\"B\n", options: strict) }
        #expect("\(quote!)".contains("line 2, column 2: text follows the closing quote"))
        #expect("\(quote!)".hasSuffix("line 2, column 2: text follows the closing quote of a quoted field"))
    }

    @Test func emptyInputAndHeaderOnly() throws {
        #expect(try runBatch("").output == "")
        #expect(try runBatch("").summary.rows == 0)
        let geojson = try runBatch("", options: batchOptions { $0.format = .geojson }).output
        let parsed = try JSONSerialization.jsonObject(with: Data(geojson.utf8)) as? [String: Any]
        #expect((parsed?["features"] as? [Any])?.isEmpty == true)
        #expect(try runBatch("Address\n").output == "Address,\(addedHeader)\n")
        let noAddress = thrownError { _ = try runBatch("id,name\n") }
        #expect("\(noAddress!)".hasSuffix(".csv: line 1: no column called address or location; "
            + "the columns are: \"id\", \"name\""))
        #expect(BatchOutcome(failure: noAddress!) == .unusableRequest)
    }

    @Test func oneColumnAndNoFinalNewline() throws {
        let run = try runBatch("location\n530000 180000")
        #expect(run.output == "location,\(addedHeader)\n530000 180000,\(matchedColumns("530000 180000|-|-"))\n")
    }

    @Test func addressColumnsAreJoinedAndEvidenceColumnsPassed() throws {
        let options = batchOptions {
            $0.addressColumns = [ColumnSelector("street"), ColumnSelector("3")]
            $0.postcodeColumn = ColumnSelector("PC")
            $0.boroughColumn = ColumnSelector("AREA")
        }
        let run = try runBatch("street,pc,town,Area\n530000, SW1A 2AA ,180000,Camden\n , ,NO GRID,\n", options: options)
        let lines = run.output.split(separator: "\n")
        #expect(lines[1].contains(",\"530000, 180000|SW1A 2AA|Camden\",SW1A 2AA,Camden,"))
        #expect(lines[2].contains(",NO GRID|-|-,"))
        let unknown = thrownError {
            _ = try runBatch("a,b\n1,2\n", options: batchOptions { $0.addressColumns = [ColumnSelector("street")] })
        }
        #expect(unknown as? BatchError == .unknownColumn(.location, name: "street", available: ["a", "b"]))
        #expect("\(unknown!)".contains("the columns are: \"a\", \"b\""))
        let range = thrownError {
            _ = try runBatch("a,b\n1,2\n", options: batchOptions { $0.addressColumns = [ColumnSelector("3")] })
        }
        #expect(range as? BatchError == .columnNumberOutOfRange(.location, number: 3, width: 2))
    }

    @Test func noHeaderPicksColumnsByNumberAndWritesNoHeader() throws {
        let options = batchOptions {
            $0.hasHeader = false
            $0.addressColumns = [ColumnSelector("2")]
        }
        let run = try runBatch("7,530000 180000\n8,NO GRID\n", options: options)
        #expect(run.output == "7,530000 180000,\(matchedColumns("530000 180000|-|-"))\n8,NO GRID,\(unmatchedColumns("NO GRID|-|-"))\n")
        let named = thrownError {
            _ = try runBatch("7,x\n", options: batchOptions { $0.hasHeader = false; $0.addressColumns = [ColumnSelector("address")] })
        }
        #expect(BatchOutcome(failure: named!) == .unusableRequest)
    }

    @Test func delimitersAreDetectedAndKept() throws {
        for delimiter in ["\t", ";", "|"] {
            let run = try runBatch("id\(delimiter)address\n1\(delimiter)NO GRID\n")
            #expect(run.output.hasPrefix("id\(delimiter)address\(delimiter)latitude\(delimiter)longitude"))
            #expect(run.output.contains("1\(delimiter)NO GRID\(delimiter)\(delimiter)"))
        }
        #expect(ColumnLayout.detectDelimiter(firstLine: Array("\"a,b,c\";d;e".utf8)) == UInt8(ascii: ";"))
        #expect(ColumnLayout.detectDelimiter(firstLine: Array("address".utf8)) == UInt8(ascii: ","))
        let forced = try runBatch("id;address\n1;x\n", options: batchOptions {
            $0.delimiter = UInt8(ascii: ",")
            $0.addressColumns = [ColumnSelector("1")]
        })
        #expect(forced.output.hasPrefix("id;address,latitude"))
    }

    @Test func prefixAvoidsAClashWithAnInputColumn() throws {
        let clash = thrownError { _ = try runBatch("address,postcode\nx,y\n", options: batchOptions { $0.prefix = "" }) }
        #expect(clash as? BatchError == .columnClash(names: ["postcode"], inputs: ["postcode"]))
        let otherCase = thrownError { _ = try runBatch("address,Postcode \nx,y\n", options: batchOptions { $0.prefix = "" }) }
        #expect(otherCase as? BatchError == .columnClash(names: ["postcode"], inputs: ["Postcode "]))
        let prefixed = thrownError { _ = try runBatch("address,LOCUS_SCORE\nx,y\n", options: batchOptions { $0.prefix = "locus_" }) }
        #expect(prefixed as? BatchError == .columnClash(names: ["locus_score"], inputs: ["LOCUS_SCORE"]))
        let automatic = try runBatch("address,Postcode\nx,y\n")
        #expect(automatic.output.hasPrefix("address,Postcode,locus_latitude,"))
        #expect("\(clash!)".hasSuffix("choose another prefix for the added columns"))
        #expect(BatchOutcome(failure: clash!) == .unusableRequest)
        let run = try runBatch("address,postcode\nx,y\n", options: batchOptions { $0.prefix = "locus_" })
        #expect(run.output.hasPrefix("address,postcode,locus_latitude,locus_longitude,locus_easting,"))
    }

    @Test func targetCRSAddsXAndY() throws {
        let run = try runBatch("address\n530000 180000\nNO GRID\n", options: batchOptions { $0.targetCRS = "EPSG:3857" })
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "address,\(addedHeader),x,y")
        // Through OSTN15 (the pack's grid); cs2cs EPSG:27700 EPSG:3857 with PROJ's Helmert gave -14288.30 6710932.76.
        #expect(lines[1].hasSuffix(",street.spelling,-14285.51,6710933.00"))
        #expect(lines[2].hasSuffix(",test.no_grid_reference,,"))
        let degrees = try runBatch("address\n530000 180000\n", options: batchOptions { $0.targetCRS = "EPSG:4258" })
        #expect(degrees.output.contains(",-0.128"))
        let bad = thrownError { _ = try CoordinateProjection.proj(targetCRS: "EPSG:999999") }
        #expect(BatchOutcome(failure: bad!) == .unusableRequest)
        #expect("\(bad!)".hasPrefix("PROJ does not know EPSG:999999 as a coordinate system"))
    }

    @Test func unmatchedRowsAlsoGoApart() throws {
        let run = try runBatch("id,address\n1,530000 180000\n2,NO\n3,NEITHER\n", withUnmatched: true)
        #expect(run.unmatched == """
            id,address,\(addedHeader)
            2,NO,\(unmatchedColumns("NO|-|-"))
            3,NEITHER,\(unmatchedColumns("NEITHER|-|-"))

            """)
        #expect(run.output.split(separator: "\n").count == 4)
    }

    @Test func summaryTextAndJSON() throws {
        let summary = try runBatch("address\n530000 180000\nNO\nNO\n").summary
        #expect(summary.text.contains("3 rows"))
        #expect(summary.text.contains("street: 1 (33.3%)") && summary.text.contains("none: 2 (66.7%)"))
        #expect(summary.text.contains("gazetteer: unknown") && summary.text.contains("projection: EPSG:27700 to EPSG:4326"))
        let decoded = try JSONDecoder().decode(BatchSummary.self, from: summary.json())
        #expect(decoded == summary)
    }
}
