import Foundation
import Testing
@testable import Locus

/// Writes `bytes` to a temporary file and reads every record back.
func readCSV(_ bytes: [UInt8], delimiter: Character = ",", encoding: TextEncoding = .utf8, chunkSize: Int = 1 << 16)
    throws -> [CSVRecord]
{
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("locus-csv-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = CSVReader(
        source: try ByteSource(path: url.path, chunkSize: chunkSize),
        delimiter: delimiter.asciiValue!, encoding: encoding)
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
}

func readCSV(_ text: String, chunkSize: Int = 1 << 16) throws -> [CSVRecord] {
    try readCSV(Array(text.utf8), chunkSize: chunkSize)
}

@Suite struct CSVReaderTests {
    @Test func plainRecords() throws {
        let records = try readCSV("a,b,c\n1,2,3\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let records = try readCSV("id,text\n1,\"O/S 12, HIGH ST\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,x\n")
        #expect(records.map(\.fields) == [
            ["id", "text"], ["1", "O/S 12, HIGH ST"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", "x"],
        ])
        #expect(records.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test func lineEndsCRLFAndCRAndNoFinalNewline() throws {
        #expect(try readCSV("a,b\r\n1,2\r\n").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try readCSV("a,b\r1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try readCSV("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try readCSV([0xEF, 0xBB, 0xBF] + Array("address\nX\n".utf8))
        #expect(records.map(\.fields) == [["address"], ["X"]])
    }

    @Test func emptyInputAndEmptyFields() throws {
        #expect(try readCSV("").isEmpty)
        #expect(try readCSV("a,,\"\"\n").map(\.fields) == [["a", "", ""]])
    }

    @Test func recordsSpanningChunkBoundaries() throws {
        var text = "id,text\n"
        for i in 0..<500 { text += "\(i),\"quoted, \"\"field\"\"\r\nwith newline \(i)\"\r\n" }
        let records = try readCSV(text, chunkSize: 1024)
        #expect(records.count == 501)
        #expect(records[500].fields == ["499", "quoted, \"field\"\r\nwith newline 499"])
        #expect(records[500].line == 2 + 499 * 2)
    }

    @Test func malformedRecordsAreKeptWithAFault() throws {
        let records = try readCSV("a,\"b\"c,d\n1,\"open\n")
        #expect(records[0].fields == ["a", "bc", "d"])
        #expect(records[0].fault == .textAfterClosingQuote(column: 2))
        #expect(records[1].fields == ["1", "open\n"])
        #expect(records[1].fault == .unterminatedQuote(column: 2))
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        #expect(throws: InputError.self) { try readCSV(Array("a,b\n1,".utf8) + [0xE9] + Array("\n".utf8)) }
        do {
            _ = try readCSV(Array("a,b\n1,".utf8) + [0xE9, 0x0A])
        } catch let error as InputError {
            guard case let .invalidEncoding(_, line, column, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 2 && column == 2)
            // The library names the problem; the command line adds the option to try (ErrorMessage).
            #expect(error.description.contains("not valid utf-8") && !error.description.contains("--encoding"))
        }
    }

    @Test func windows1252AndLatin1() throws {
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9, 0x2C, 0x80]
        #expect(try readCSV(bytes, encoding: .windows1252).map(\.fields) == [["café", "€"]])
        #expect(try readCSV(bytes, encoding: .latin1).map(\.fields) == [["café", "\u{80}"]])
    }

    @Test func otherDelimiters() throws {
        #expect(try readCSV(Array("a\tb\n".utf8), delimiter: "\t").map(\.fields) == [["a", "b"]])
        #expect(try readCSV(Array("a;\"b;c\"\n".utf8), delimiter: ";").map(\.fields) == [["a", "b;c"]])
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        var bytes: [UInt8] = []
        CSVWriter.encode(["plain", "a,b", "say \"hi\"", "two\nlines", ""], into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n")
    }

    @Test func writeThenReadRoundTrips() throws {
        let rows = [["id", "location"], ["1", "J/O OXFORD ST & REGENT ST, W1"], ["2", "\"quoted\"\r\nnext"]]
        var bytes: [UInt8] = []
        for row in rows { CSVWriter.encode(row, into: &bytes) }
        #expect(try readCSV(bytes).map(\.fields) == rows)
    }
}
