import Foundation
import Testing

/// Every error path of `locus geocode`: its exit status and the message a user acts on.
@Suite struct GeocodeErrorTests {
    static let sample = GeocodeBinary.fixture("sample-incidents.csv")

    @Test(arguments: [
        (["--format", "xml"], "--format: use csv, jsonl or geojson"),
        (["--delimiter", "::"], "--delimiter: use comma, tab, semicolon or pipe"),
        (["--encoding", "ebcdic"], "--encoding: use utf-8, windows-1252 or latin-1"),
        (["--threads", "0"], "--threads: give at least 1"),
        (["--crs", "WGS84"], "--crs: write the system as EPSG:nnnn"),
        (["--crs", "EPSG:999999"], "--crs: "),
        (["--no-such-option"], "Unknown option"),
        (["--address-column", "Street"], "--address-column Street: no such column; the columns are: \"Incident Ref\""),
        (["--postcode-column", "9"], "--postcode-column 9: the input has 6 columns; give a number from 1 to 6"),
        (["--no-header", "--address-column", "Location"], "--address-column: with --no-header, columns are picked by number"),
    ])
    func unusableArgumentsExit64(arguments: [String], message: String) throws {
        let result = try GeocodeBinary.run(arguments + [Self.sample])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func noLocationColumnListsTheColumns() throws {
        let result = try GeocodeBinary.run(["-"], stdin: Data("ref,street\n1,HIGH ST\n".utf8))
        #expect(result.status == 64)
        #expect(result.stderr.contains(
            "stdin: line 1: no column called address or location; name the location column(s) with "
                + "--address-column NAME; the columns are: \"ref\", \"street\""))
    }

    /// Issue 16 item 6: a clash does not stop the run: the added columns get `locus_`, said on standard error.
    /// A clash left with the prefix given is an error naming every clash.
    @Test func anAddedColumnEqualToAnInputColumnIsPrefixedOrNamed() throws {
        let result = try GeocodeBinary.run(["-"], stdin: Data("location,score\nCR0 2AA,7\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("location,score,locus_latitude,locus_longitude,"))
        #expect(result.stderr.contains("the input has columns named like the added ones (\"score\")"))
        let given = try GeocodeBinary.run(["--prefix", "", "-"], stdin: Data("Location,Postcode,Score\nCR0 2AA,CR0 2AA,1\n".utf8))
        #expect(given.status == 64)
        #expect(given.stderr.contains("the added columns score (input \"Score\"), postcode (input \"Postcode\") would "
                                      + "repeat input column names (compared ignoring case); choose another --prefix"))
        let prefixed = try GeocodeBinary.run(["--quiet", "--prefix", "geo_", "-"],
                                             stdin: Data("Location,Postcode\nCR0 2AA,CR0 2AA\n".utf8))
        #expect(prefixed.status == 0)
        #expect(prefixed.stdout.hasPrefix("Location,Postcode,geo_latitude,"))
    }

    @Test func aMissingInputExits66() throws {
        let result = try GeocodeBinary.run(["Fixtures/batch/no-such-file.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("cannot open Fixtures/batch/no-such-file.csv: No such file or directory"))
    }

    @Test func aFolderAsInputExits66() throws {
        let result = try GeocodeBinary.run(["Fixtures/batch"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("cannot open Fixtures/batch: it is a directory"))
    }

    @Test func aMalformedRowUnderStrictExits65NamingLineAndColumn() throws {
        let result = try GeocodeBinary.run(["--strict", GeocodeBinary.fixture("ragged.csv")])
        #expect(result.status == 65)
        #expect(result.stderr.contains(
            "Fixtures/batch/ragged.csv: line 2, column 3: the row has 2 fields where the header has 3 (--strict); "
                + "fix the row or run without --strict"))
        #expect(result.stdout.isEmpty || !result.stdout.contains("\n2,"))
    }

    @Test func textThatIsNotUTF8Exits65SuggestingTheEncoding() throws {
        let result = try GeocodeBinary.run([GeocodeBinary.fixture("windows-1252.csv")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Fixtures/batch/windows-1252.csv: line 2, column 2: the text is not valid "
                                        + "utf-8; if the file comes from Windows or Excel, try --encoding windows-1252"))
    }

    @Test func aMissingNamedGazetteerExits69SayingHowToBuildIt() throws {
        let result = try LocusBinary.run(["geocode", "--gazetteer", "/nonexistent/london.sqlite", Self.sample])
        #expect(result.status == 69)
        #expect(result.stderr.contains("no gazetteer at /nonexistent/london.sqlite"))
        #expect(result.stderr.contains("locus gazetteer build"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aMissingGazetteerFromTheEnvironmentExits69() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LOCUS_GAZETTEER"] = "/nonexistent/from-env.sqlite"
        let result = try LocusBinary.run(["geocode", Self.sample], environment: environment)
        #expect(result.status == 69)
        #expect(result.stderr.contains("no gazetteer at /nonexistent/from-env.sqlite"))
    }

    @Test func aFileThatIsNotAGazetteerExits69() throws {
        let result = try LocusBinary.run(["geocode", "--gazetteer", Self.sample, Self.sample])
        #expect(result.status == 69)
        #expect(result.stderr.contains("cannot use the gazetteer Fixtures/batch/sample-incidents.csv: "))
        #expect(result.stderr.contains("build it with `locus gazetteer build`"))
    }

    @Test(arguments: ["-o", "--unmatched", "--summary-json"])
    func anOutputInAMissingFolderExits73(option: String) throws {
        let result = try GeocodeBinary.run([option, "/nonexistent/folder/out.csv", Self.sample])
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot create /nonexistent/folder/out.csv: No such file or directory"))
    }

    @Test func aFullDiskExits74() throws {
        let run = try GeocodeBinary.shell("--quiet '\(Self.sample)' > /dev/full")
        #expect(run.status == 74)
        #expect(run.stderr.contains("cannot write stdout: No space left on device"))
    }

    @Test func helpDocumentsTheExitStatuses() throws {
        let help = try LocusBinary.run(["geocode", "--help"])
        #expect(help.status == 0)
        for line in ["64  unusable arguments", "65  bad data", "66  the input cannot be opened",
                     "69  the gazetteer is missing", "73  an output file", "74  reading or writing failed"] {
            #expect(help.stdout.contains(line), "\(line)")
        }
    }
}
