import Foundation
import Testing
@testable import Locus

/// The station, bus-stop, premises, Open Names and points importers on the fixture files.
@Suite struct PlaceImporterTests {
    /// A draft with the fixture postcodes read and indexed, as the builder has it before the other sources.
    func draftWithPostcodes() throws -> GazetteerDraft {
        let draft = GazetteerDraft()
        try draft.importCodePointLondonCSV(TestGazetteer.fixtureFile("codepoint-london.csv"))
        try draft.importONSPD(TestGazetteer.fixtureFile("onspd.csv"))
        draft.indexPostcodes()
        return draft
    }

    @Test func naptanStationsWithEveryNameForm() throws {
        let draft = try draftWithPostcodes()
        try draft.importNaPTAN(TestGazetteer.fixtureFile("naptan.csv"))
        let report = draft.reports.last!
        #expect(report.malformed == 1 && report.skipped == 1)
        #expect(draft.landmarks.count == 3)  // the Underground's MET and PLT entries are one station
        let tube = try #require(draft.landmarks.first { $0.name == "Elephant & Castle Underground Station" })
        #expect(tube.names.contains("ELEPHANT AND CASTLE UNDERGROUND STATION"))
        #expect(tube.names.contains("ELEPHANT AND CASTLE STATION"))
        #expect(tube.names.contains("ELEPHANT AND CASTLE"))
        #expect(tube.x == 531953)  // the MET entry, not the platform
        let abbey = try #require(draft.landmarks.first { $0.ref == "9100ABWD" })
        #expect(abbey.names.contains("ABBEY WOOD") && abbey.names.contains("ABBEY WOOD STATION"))
        #expect(draft.streetMentions.map(\.name) == ["HARROW MANORWAY"])
        #expect(StationNames.forms("London Victoria Rail Station").contains("VICTORIA"))
    }

    @Test func busStopsCleanedWithStreetsAndJunctions() throws {
        let draft = try draftWithPostcodes()
        try draft.importBusStops(TestGazetteer.fixtureFile("bus-stops.csv"))
        let report = draft.reports.last!
        #expect(report.rows == 8)  // one record spans two lines
        #expect(report.malformed == 1 && report.skipped == 1)
        let names = draft.landmarks.map(\.name)
        #expect(names.contains("Edgware Road Station") && names.contains("Elephant & Castle Station"))
        let hail = try #require(draft.landmarks.first { $0.name == "Drysdale Avenue" })
        #expect(hail.indicative)
        let junction = try #require(draft.junctions.first)
        #expect(draft.streetMentions[junction.a].name == "KENSINGTON CHURCH STREET")
        #expect(draft.streetMentions[junction.b].name == "HOLLAND STREET")
        let marble = try #require(draft.landmarks.first { $0.name == "Marble Arch / Edgware Road" })
        #expect(marble.names.contains("MARBLE ARCH"))
        #expect(marble.street.map { draft.streetMentions[$0].name } == "EDGWARE ROAD")
        #expect(draft.streetMentions.contains { $0.name == "KENSINGTON CHURCH STREET" && $0.y == 179880 })
    }

    @Test func premisesFromLatin1File() throws {
        let draft = try draftWithPostcodes()
        try draft.importPremises(TestGazetteer.fixtureFile("fhrs.csv"), projection: try ProjectionSpec.wgs84ToBNG.makeProjector())
        let report = draft.reports.last!
        #expect(report.malformed == 1 && report.faults[0].hasPrefix("fhrs.csv:9:"))
        #expect(draft.landmarks.contains { $0.name == "Selsdon Café" })
        let range = try #require(draft.addresses.first { $0.ref == "640" })
        #expect(range.number == 152 && range.numberEnd == 154)
        #expect(range.street.map { draft.streetMentions[$0].name } == "ADDINGTON ROAD")
        #expect(range.locality == "South Croydon")
        #expect(abs(range.x - 535081) < 2 && abs(range.y - 162291) < 2)
        let suffixed = try #require(draft.addresses.first { $0.ref == "15490" })
        #expect(suffixed.number == 196 && suffixed.suffix == "B")
        let outside = try #require(draft.addresses.first { $0.ref == "700" })
        #expect(outside.number == 119 && outside.street.map { draft.streetMentions[$0].name } == "BROADWAY")
        #expect(outside.x == 540138)  // no coordinates: the postcode unit's point
        let unit = try #require(draft.addresses.first { $0.ref == "701" })
        #expect(unit.subUnit == "UNIT 3" && unit.number == 51)
        let richmond = try #require(draft.addresses.first { $0.ref == "702" })
        #expect(richmond.postcode == nil && richmond.building == "THE KIOSK")
        #expect(richmond.street.map { draft.streetMentions[$0].name } == "GEORGE STREET")
        #expect(richmond.borough == "E09000027")
        #expect(draft.boroughAliases["E09000001"]?.contains("CITY OF LONDON CORPORATION") == true)
    }

    @Test func premisesAddressLines() {
        let a = PremisesAddress(lines: ["Holly Bank", "5 Abbots Lane", "Kenley", ""])
        #expect(a.building == "HOLLY BANK" && a.number == 5 && a.street == "ABBOTS LANE" && a.locality == "Kenley")
        let b = PremisesAddress(lines: ["Unit 43, Cromwell Industrial Estate", "Staffa Road", "", "Leyton"])
        #expect(b.subUnit == "UNIT 43" && b.building == "CROMWELL INDUSTRIAL ESTATE" && b.street == "STAFFA ROAD")
        let c = PremisesAddress(lines: ["12-14 St John's Rd", "London", "", ""])
        #expect(c.number == 12 && c.numberEnd == 14 && c.street == "SAINT JOHNS ROAD" && c.locality == nil)
        // The file's stand-in for a withheld address names no street (58 London records had made it one).
        let withheld = "Address details restricted until the business has been inspected and rated"
        let d = PremisesAddress(lines: [withheld, "191 Station Road", "", "West Drayton"])
        #expect(d.number == 191 && d.street == "STATION ROAD")
        #expect(PremisesAddress(lines: [withheld, "", "", ""]).street == nil)
    }

    @Test func openNamesTiles() throws {
        let draft = try draftWithPostcodes()
        try draft.importOpenNames(TestGazetteer.fixtureFile("open-names-tq36.csv"))
        let report = draft.reports.last!
        #expect(report.rows == 9 && report.malformed == 1 && report.skipped == 2)
        #expect(draft.streetMentions.filter { $0.name == "HIGH STREET" }.count == 3)
        #expect(draft.localityMentions.map(\.name) == ["CROYDON"])
        #expect(draft.landmarks.map(\.kind) == [.station, .place])
        #expect(draft.landmarks[0].names.contains("EAST CROYDON STATION"))
    }

    @Test func pointsFile() throws {
        let draft = try draftWithPostcodes()
        try draft.importPoints(TestGazetteer.fixtureFile("points.csv"), projection: try ProjectionSpec.wgs84ToBNG.makeProjector())
        let report = draft.reports.last!
        #expect(report.malformed == 2)
        #expect(report.faults[0].contains("unknown crs") && report.faults[1].contains("unknown kind"))
        let palace = try #require(draft.landmarks.first { $0.name == "Buckingham Palace" })
        #expect(abs(palace.x - 529090) < 2 && abs(palace.y - 179645) < 2)
        #expect(draft.streetMentions.map(\.name).sorted() == ["FELL ROAD", "SURREY STREET"])
        #expect(draft.localityMentions.map(\.name) == ["OLD TOWN"])
    }
}
