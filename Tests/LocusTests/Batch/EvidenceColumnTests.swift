import Foundation
import Testing
@testable import Locus

/// Postcode and borough columns found by their header when no option names them.
@Suite struct EvidenceColumnTests {
    /// The layout of a header (a `Location` column first, then `others`) under `configure`d options, with
    /// `--prefix locus_` so that input columns called `postcode` or `borough` are allowed.
    func layout(_ others: [String], configure: (inout BatchOptions) -> Void = { _ in }) throws -> ColumnLayout {
        let header = ["Location"] + others
        let options = batchOptions {
            $0.prefix = "locus_"
            configure(&$0)
        }
        return try ColumnLayout(header: header, width: header.count, options: options, inputName: "in.csv")
    }

    @Test(arguments: ["postcode", "Postcode", "POST CODE", "Post Code", "post_code", "Post-Code", "postal code",
                      "Postal_Code", " postcode ", "Post.Code"])
    func aPostcodeHeaderInAnyWritingIsFound(name: String) throws {
        let found = try layout(["Ref", name])
        #expect(found.postcodeIndex == 2 && found.boroughIndex == nil)
        #expect(found.used.postcode == UsedColumn(name: name, number: 3, detected: true))
        #expect(found.notes.isEmpty)
    }

    @Test(arguments: ["borough", "Borough", "Borough Name", "BOROUGH_NAME", "borough-name", "Local Authority",
                      "local_authority_name", "LA Name", "la_name", "LAD name"])
    func aBoroughHeaderInAnyWritingIsFound(name: String) throws {
        let found = try layout([name, "Crime Type"])
        #expect(found.boroughIndex == 1 && found.postcodeIndex == nil)
        #expect(found.used.borough == UsedColumn(name: name, number: 2, detected: true))
    }

    /// Names that only contain the word, or hold codes, are someone else's postcode, the answer, or not a name.
    @Test(arguments: ["truth_postcode", "Home Postcode", "postcode1", "PC", "postcode district", "LAD", "LA Code",
                      "Borough Code", "Ward Name", "district"])
    func otherNamesAreNotEvidence(name: String) throws {
        let found = try layout(["Ref", name])
        #expect(found.postcodeIndex == nil && found.boroughIndex == nil)
        #expect(found.used.postcode == nil && found.used.borough == nil && found.notes.isEmpty)
    }

    @Test func severalCandidatesTakeNoneAndSaySo() throws {
        let found = try layout(["Postcode", "Borough Name", "post code", "Local Authority"])
        #expect(found.postcodeIndex == nil && found.boroughIndex == nil)
        #expect(found.notes == [
            .severalEvidenceColumns(.postcode, candidates: ["Postcode", "post code"]),
            .severalEvidenceColumns(.borough, candidates: ["Borough Name", "Local Authority"]),
        ])
        // The library's text names no option (a command line gives its own with `BatchOptions.describeNote`).
        #expect(found.notes.map(\.description) == [
            "several columns could be the postcode: \"Postcode\", \"post code\"; none is used as evidence; "
                + "name the postcode column to use one",
            "several columns could be the borough: \"Borough Name\", \"Local Authority\"; none is used as evidence; "
                + "name the borough column to use one",
        ])
        let prefixed = BatchNote.addedColumnsPrefixed(prefix: "locus_", inputs: ["Postcode"])
        #expect(!(found.notes + [prefixed]).contains { $0.description.contains("--") })
        // Naming one settles it, and the other kind is still found.
        let named = try layout(["Postcode", "Borough Name", "post code"]) { $0.postcodeColumn = ColumnSelector("post code") }
        #expect(named.postcodeIndex == 3 && named.boroughIndex == 2 && named.notes.isEmpty)
        #expect(named.used.postcode == UsedColumn(name: "post code", number: 4, detected: false))
    }

    @Test func anOptionWinsOverTheHeader() throws {
        let found = try layout(["Postcode", "PC", "Borough", "Area"]) {
            $0.postcodeColumn = ColumnSelector("PC")
            $0.boroughColumn = ColumnSelector("5")
        }
        #expect(found.postcodeIndex == 2 && found.boroughIndex == 4)
        #expect(found.used.postcode?.detected == false && found.used.borough?.detected == false)
        #expect(found.notes.isEmpty)
    }

    @Test func aLocationColumnIsNeverEvidence() throws {
        let joined = try layout(["Postcode", "Borough"]) {
            $0.addressColumns = [ColumnSelector("Location"), ColumnSelector("Postcode"), ColumnSelector("Borough")]
        }
        #expect(joined.postcodeIndex == nil && joined.boroughIndex == nil && joined.notes.isEmpty)
        #expect(joined.used.address.map(\.number) == [1, 2, 3])
        // Among two postcode columns one is the location: the other is the only candidate.
        let other = try layout(["Postcode", "Post Code"]) {
            $0.addressColumns = [ColumnSelector("Post Code")]
        }
        #expect(other.postcodeIndex == 1 && other.notes.isEmpty)
        // Nor is a column another option took.
        let taken = try layout(["Borough"]) { $0.postcodeColumn = ColumnSelector("Borough") }
        #expect(taken.postcodeIndex == 1 && taken.boroughIndex == nil)
    }

    @Test func theSwitchTurnsDetectionOff() throws {
        let off = try layout(["Post Code", "Borough Name"]) { $0.detectsEvidenceColumns = false }
        #expect(off.postcodeIndex == nil && off.boroughIndex == nil && off.notes.isEmpty)
        #expect(off.used == UsedColumns(address: [UsedColumn(name: "Location", number: 1, detected: true)], prefix: "locus_"))
        let named = try layout(["Post Code", "Borough Name"]) {
            $0.detectsEvidenceColumns = false
            $0.boroughColumn = ColumnSelector("borough name")
        }
        #expect(named.postcodeIndex == nil && named.boroughIndex == 2)
    }

    @Test func withoutAHeaderColumnsAreOnlyNumbered() throws {
        let options = batchOptions {
            $0.hasHeader = false
            $0.addressColumns = [ColumnSelector("1")]
        }
        let found = try ColumnLayout(header: nil, width: 3, options: options, inputName: "in.csv")
        #expect(found.postcodeIndex == nil && found.boroughIndex == nil)
        #expect(found.used.address == [UsedColumn(name: nil, number: 1, detected: false)])
        // A first row that reads like a header is data: nothing is found in it.
        let run = try runBatch("Location,Post Code\n530000 180000,CR0 1NX\n", options: options)
        #expect(run.output.contains(",Location|-|-,") && run.output.contains(",530000 180000|-|-,"))
        #expect(run.summary.columns.postcode == nil)
    }

    @Test func foundColumnsReachTheGeocoderAndTheSummary() throws {
        let notes = NoteCollector()
        let run = try runBatch(
            "Ref,Location,Post Code,Borough Name,Postcode,POSTCODE\n1,530000 180000,CR0 1NX,Croydon,x,y\n2,NO,,,,\n",
            options: batchOptions {
                $0.prefix = "locus_"
                $0.reportNote = notes.add
            })
        let lines = run.output.split(separator: "\n")
        // Three postcode columns: none is used; the borough is.
        #expect(lines[1].contains(",530000 180000|-|Croydon,"))
        #expect(lines[2].contains(",NO|-|-,"))
        #expect(run.summary.columns == UsedColumns(
            address: [UsedColumn(name: "Location", number: 2, detected: true)],
            borough: UsedColumn(name: "Borough Name", number: 4, detected: true), prefix: "locus_"))
        let expectedNote = "several columns could be the postcode: \"Post Code\", \"Postcode\", \"POSTCODE\"; "
            + "none is used as evidence; name the postcode column to use one"
        #expect(run.summary.notes == [expectedNote])
        #expect(notes.notes == [expectedNote])
        #expect(run.summary.text.contains(
            "  columns: address \"Location\" (column 2, found by its header); postcode none; "
                + "borough \"Borough Name\" (column 4, found by its header); added columns prefixed locus_\n"))

        let one = try runBatch("Location,Post Code\n530000 180000,CR0 1NX\n")
        #expect(one.output.contains(",530000 180000|CR0 1NX|-,"))
        #expect(one.summary.notes.isEmpty)
        let off = try runBatch("Location,Post Code\n530000 180000,CR0 1NX\n", options: batchOptions { $0.detectsEvidenceColumns = false })
        #expect(off.output.contains(",530000 180000|-|-,"))
    }
}

/// Collects the notes a run reports.
final class NoteCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    var notes: [String] { lock.withLock { collected } }

    var add: @Sendable (String) -> Void {
        { note in self.lock.withLock { self.collected.append(note) } }
    }
}
