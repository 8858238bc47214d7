import Foundation
import Testing
@testable import Locus

/// The postcode and area importers on the fixture files (rows copied from the real sources).
@Suite struct PostcodeImporterTests {
    @Test func codePointLondonCSV() throws {
        let draft = GazetteerDraft()
        try draft.importCodePointLondonCSV(TestGazetteer.fixtureFile("codepoint-london.csv"))
        let report = try #require(draft.reports.first)
        #expect(report.rows == 21)
        #expect(report.malformed == 1)
        #expect(report.faults == ["codepoint-london.csv:21: not a postcode in column 1"])
        #expect(report.skipped == 1)  // the E07 unit
        #expect(draft.postcodes.count == 19)
        let palace = try #require(draft.postcodes["SW1A 1AA"])
        #expect(palace.x == 529090 && palace.y == 179645)
        #expect(palace.status == .live && palace.pqi == 10 && palace.borough == "E09000033")
        #expect(report.sha256.count == 64)
    }

    @Test func codePointAsOSShipsIt() throws {
        let draft = GazetteerDraft()
        try draft.importCodePointAreaCSV(TestGazetteer.fixtureFile("codepoint-os-sw.csv"))
        #expect(draft.postcodes.keys.sorted() == ["SW1A 1AA", "SW1A 1AB"])
        #expect(draft.reports[0].skipped == 1)  // SW19 9ZZ lies in E07000207

        let zipped = GazetteerDraft()
        try zipped.importCodePointZip(TestGazetteer.fixtureFile("codepoint-os.zip"))
        let report = try #require(zipped.reports.first)
        #expect(zipped.reports.count == 1)
        #expect(report.format == "codepoint-os-zip")
        #expect(report.malformed == 1)
        #expect(report.faults.first?.contains("Data/CSV/se.csv:") == true)
        #expect(zipped.postcodes["SE1 6BX"] != nil && zipped.postcodes["SW1A 1AA"] != nil)
        #expect(zipped.postcodes["W8 4EZ"] == nil)  // not in the zip's two member files
    }

    @Test func onspdAddsTerminatedAndLSOA() throws {
        let draft = GazetteerDraft()
        try draft.importCodePointLondonCSV(TestGazetteer.fixtureFile("codepoint-london.csv"))
        try draft.importONSPD(TestGazetteer.fixtureFile("onspd.csv"))
        let terminated = try #require(draft.postcodes["SW1A 0AB"])
        #expect(terminated.status == .terminated && terminated.terminated == "198612")
        #expect(terminated.x == 530200 && !terminated.inCodePoint)
        #expect(draft.postcodes["BR1 3FU"]?.status == .unknown)
        #expect(draft.postcodes["SW1A 1AA"]?.lsoa == "E01004736")
        #expect(draft.postcodes["SW1A 1AA"]?.status == .live)
        let report = draft.reports[1]
        #expect(report.malformed == 1 && report.faults[0].hasSuffix("no grid reference"))
    }

    @Test func areaNames() throws {
        let draft = GazetteerDraft()
        try draft.importAreaNames(TestGazetteer.fixtureFile("boroughs-wards.csv"))
        try draft.importLSOANames(TestGazetteer.fixtureFile("lsoa-names.csv"))
        #expect(draft.boroughNames.count == 33)
        #expect(draft.boroughNames["E09000002"]?.official == "Barking and Dagenham London Boro")
        #expect(draft.boroughNames["E09000033"]?.short == "Westminster")
        #expect(!draft.wards.isEmpty)
        #expect(draft.lsoas["E01004736"] != nil)  // the LSOA file starts with a UTF-8 byte-order mark
        #expect(draft.reports.last?.malformed == 0)
    }

    @Test func sourcePostcodes() {
        #expect(SourcePostcode.canonical("E1  0AA") == "E1 0AA")
        #expect(SourcePostcode.canonical("sw1a1aa") == "SW1A 1AA")
        #expect(SourcePostcode.canonical("SE28 OGU") == "SE28 0GU")
        #expect(SourcePostcode.canonical("SW19") == nil)
        #expect(SourcePostcode.canonical("W5 ???") == nil)
        #expect(SourcePostcode.canonical("W1M 0AA") == "W1M 0AA")  // a retired district, still in ONSPD
        #expect(SourcePostcode.sector("SW1A 1AA") == "SW1A 1" && SourcePostcode.district("SW1A 1AA") == "SW1A")
    }

    @Test func missingAndWrongSourcesAreNamed() throws {
        let missing = GazetteerSources(codePoint: [TestGazetteer.fixtureFile("no-such-file.csv")])
        #expect(throws: GazetteerBuildError.missingSource(
            what: "Code-Point Open", path: TestGazetteer.fixtureFile("no-such-file.csv").path)) {
            try missing.checkPresent()
        }
        let draft = GazetteerDraft()
        #expect(throws: GazetteerBuildError.unexpectedHeader(
            path: TestGazetteer.fixtureFile("naptan.csv").path, missing: ["pcd", "laua", "easting", "northing"])) {
            try draft.importONSPD(TestGazetteer.fixtureFile("naptan.csv"))
        }
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256Hasher.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hasher.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1000)
        #expect(SHA256Hasher.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
