import Foundation
import Testing
@testable import Locus

#if canImport(Glibc)
import Glibc
#endif

/// No input can make one row cost much: texts are read only so far, long words are not looked up, and the CSV
/// reader neither keeps a huge field's buffer nor misses a byte-order mark split across reads.
@Suite struct BoundedWorkTests {
    let normaliser = Normaliser()

    @Test func aHugeWordIsCutAndNotReadAsAWord() {
        let parse = normaliser.parse(String(repeating: "A", count: 2_000_000))
        #expect(parse.unread?.cutAt == Normaliser.maximumTextBytes)
        #expect(parse.unread?.longWords == [0..<Normaliser.maximumTextBytes])
        #expect(parse.nothingToGeocode?.reason == .empty)
    }

    @Test func aLongTextIsCutAtAWordBreak() {
        let text = String(repeating: "12 HIGH STREET, ", count: 10_000)
        let parse = normaliser.parse(text)
        let cut = try! #require(parse.unread?.cutAt)
        #expect(cut <= Normaliser.maximumTextBytes && cut > Normaliser.maximumTextBytes - 16)
        let bytes = Array(text.utf8)
        #expect(!(bytes[cut - 1].isLetter && bytes[cut].isLetter))
        #expect(parse.unread?.longWords == [])
        #expect(parse.street?.text == "HIGH STREET")
        // The canonical form of a cut text reads the same again.
        #expect(normaliser.parse(parse.canonical).canonical == parse.canonical)
    }

    @Test func writtenOutAbbreviationsKeepTheCanonicalFormWithinTheBound() {
        // 390 bytes whose canonical form would be about twice as long: read less far, so that the canonical
        // form is read whole again and reads the same.
        for text in [String(repeating: "O/S RD ", count: 55), String(repeating: "A&", count: 195)] {
            let parse = normaliser.parse(text)
            #expect(parse.canonical.utf8.count <= Normaliser.maximumTextBytes)
            #expect(parse.unread?.cutAt != nil)
            let again = normaliser.parse(parse.canonical)
            #expect(again.unread == nil)
            #expect(again.canonical == parse.canonical)
        }
    }

    @Test func aCutNeverSplitsACharacter() {
        let text = String(repeating: "É", count: 1_000)  // two bytes each
        let parse = normaliser.parse(text)
        #expect(parse.unread?.cutAt == Normaliser.maximumTextBytes)
        let odd = String(repeating: "A", count: 1) + text
        #expect(normaliser.parse(odd).unread?.cutAt == Normaliser.maximumTextBytes - 1)
    }

    @Test func textsWithinTheBoundAreReadWhole() {
        let text = String(repeating: "A", count: Normaliser.maximumWordBytes) + " ROAD"
        let parse = normaliser.parse(text)
        #expect(parse.unread == nil)
        #expect(parse.street?.type == "ROAD")
    }

    @Test func aLongWordBreaksTheTextLikeAComma() {
        let long = String(repeating: "X", count: Normaliser.maximumWordBytes + 1)
        let parse = normaliser.parse("12 HIGH \(long) STREET")
        #expect(parse.unread?.cutAt == nil)
        #expect(parse.unread?.longWords == [8..<8 + long.utf8.count])
        #expect(!parse.tokens.contains(long))
        // HIGH and STREET are not joined across the blob into one street.
        #expect(parse.street?.text != "HIGH STREET")
    }

    @Test func longQueryWordsHaveNoTypoCandidates() throws {
        let matcher = try MatchFixture.matcher()
        let long = String(repeating: "ASHBURNHAM", count: 3)
        #expect(try matcher.store.typoCandidates(long).isEmpty)
        #expect(try !matcher.store.typoCandidates("ASHBURNAM").isEmpty)
    }

    @Test func theMatcherSaysWhatItDidNotRead() throws {
        let matcher = try MatchFixture.matcher()
        let blob = matcher.geocode(LocationQuery(text: String(repeating: "A", count: 2_000_000)))
        #expect(blob.faults.map(\.code).contains("text.too_long"))
        #expect(blob.faults.map(\.code).contains("text.long_word"))
        #expect(!blob.isMatched)
        let plain = matcher.geocode(LocationQuery(text: "172 ASHBURNHAM ROAD", borough: "Richmond upon Thames"))
        let padded = matcher.geocode(LocationQuery(
            text: "172 ASHBURNHAM ROAD, " + String(repeating: "Z", count: 60), borough: "Richmond upon Thames"))
        #expect(plain.level == .address)
        #expect(padded.level == .address && padded.easting == plain.easting)
        #expect(padded.faults.map(\.code) == plain.faults.map(\.code) + ["text.long_word"])
        let hugeBorough = matcher.geocode(LocationQuery(
            text: "172 ASHBURNHAM ROAD", borough: String(repeating: "Richmond ", count: 100_000)))
        #expect(hugeBorough.faults.map(\.code).contains("text.too_long"))
        #expect(hugeBorough.level == .address)
    }

    @Test func aByteOrderMarkSplitAcrossReadsIsSkipped() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let source = ByteSource(fileDescriptor: readEnd, name: "pipe")
        let writer = Thread {
            for byte: UInt8 in [0xEF, 0xBB, 0xBF] {
                var b = byte
                _ = write(writeEnd, &b, 1)
                usleep(20_000)
            }
            let rest = Array("address\nX\n".utf8)
            _ = rest.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        let reader = CSVReader(source: source)
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        close(readEnd)
        #expect(records == [["address"], ["X"]])
    }

    @Test func bytesLikeAByteOrderMarkThatAreNotOneAreKept() throws {
        // U+FEC0 starts with the mark's first two bytes.
        #expect(try readCSV("\u{FEC0},x\n").map(\.fields) == [["\u{FEC0}", "x"]])
        // Kept, so an input that is only part of a mark is invalid UTF-8, not silently empty.
        #expect(throws: InputError.self) { try readCSV([0xEF, 0xBB]) }
    }

    @Test func aHugeFieldIsReadWholeAndTheNextRowsStillRead() throws {
        let huge = String(repeating: "B", count: 3_000_000)
        let records = try readCSV("a,b\n1,\(huge)\n2,x\n")
        #expect(records.map { $0.fields.count } == [2, 2, 2])
        #expect(records[1].fields[1].utf8.count == 3_000_000)
        #expect(records[2].fields == ["2", "x"])
    }
}

private extension UInt8 {
    var isLetter: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }
}
