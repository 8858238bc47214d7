import Foundation
import Testing
@testable import Locus

/// Whole builds from the fixture sources, read back through `GazetteerStore`.
@Suite struct GazetteerBuildTests {
    func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("locus-gz-\(UUID().uuidString)")
            .appendingPathComponent(name)
    }

    @Test func fixtureGazetteerAnswersLookups() throws {
        let store = try GazetteerStore(path: try TestGazetteer.fixture())
        #expect(store.meta["schema_version"] == String(GazetteerSchema.version))
        #expect(store.meta["locus_version"] == LocusInfo.version)
        #expect(store.boroughs.count == 33)
        #expect(store.boroughs(named: "RICHMOND UPON THAMES").map(\.code) == ["E09000027"])
        #expect(store.boroughs(named: "CITY OF LONDON CORPORATION").map(\.code) == ["E09000001"])
        #expect(store.boroughs(named: "BARKING AND DAGENHAM LONDON BORO").map(\.code) == ["E09000002"])

        let palace = try #require(try store.postcode("SW1A 1AA"))
        #expect(palace.x == 529090 && palace.y == 179645 && palace.status == .live && palace.lsoa == "E01004736")
        #expect(try store.postcode("SW1A 0AB")?.status == .terminated)
        #expect(try store.nearestPostcode(x: 529095, y: 179650)?.postcode == "SW1A 1AA")
        #expect(try store.nearestPostcode(x: 400000, y: 400000) == nil)
        #expect(store.sectors["SW1A 1"]?.units == 2)
        #expect(store.districts["CR0"] != nil)

        // Two HIGH STREETs far apart (Croydon, Chingford) are two streets; Open Names sections merge.
        let high = try store.streets(named: "HIGH STREET")
        #expect(high.count >= 2)
        #expect(Set(high.compactMap(\.boroughID)).count == high.count)
        let addington = try #require(try store.streets(named: "ADDINGTON ROAD").first)
        #expect(try store.addresses(streetID: addington.id, number: 153).map(\.premises) == ["The Sir Julian Huxley"])
        #expect(try store.addresses(streetID: addington.id).count == 3)
        #expect(try store.entities(token: "ADDINGTON", kind: .street) == [addington.id])
        #expect(try store.documentFrequency(token: "ADDINGTON", kind: .street) == 1)
        #expect(try store.typoCandidates("ADDINGTN").first?.token == "ADDINGTON")
        #expect(try store.typoCandidates("KENSINGTNO").contains { $0.token == "KENSINGTON" && $0.distance == 1 })
        #expect(try store.splitForms(ofJoined: "HIGHSTREET").contains { $0 == ("HIGH", "STREET") })

        let kensington = try #require(try store.streets(named: "KENSINGTON CHURCH STREET").first)
        let junction = try #require(try store.junctions(streetID: kensington.id).first)
        let names = try [junction.streetA, junction.streetB].compactMap { try store.street(id: $0)?.name }
        #expect(Set(names) == ["HOLLAND STREET", "KENSINGTON CHURCH STREET"])
        #expect(try store.points(streetID: kensington.id).allSatisfy { $0.kind == "bus_stop" })

        let tube = try store.landmarks(named: "ELEPHANT AND CASTLE STATION")
        #expect(tube.count == 3)  // rail and Underground stations, and the bus stop named after them
        #expect(tube.allSatisfy { $0.boroughID == 28 })
        #expect(try store.landmarks(named: "DRYSDALE AVENUE").first?.indicative == true)
        #expect(try store.localities(named: "SOUTH CROYDON").count == 1)
        let nearPalace = try store.streetsNear(postcodeID: palace.id)
        #expect(nearPalace.isEmpty || nearPalace[0].distance <= 400)
        #expect(try store.streets(inPostcodeArea: "CR2 8").contains(addington.id))
    }

    @Test func sameSourcesGiveTheSameContent() throws {
        let first = try GazetteerBuilder(sources: TestGazetteer.fixtureSources).build(to: scratch("a.sqlite"))
        let second = try GazetteerBuilder(sources: TestGazetteer.fixtureSources).build(to: scratch("b.sqlite"))
        #expect(first.contentDigest == second.contentDigest)
        #expect(try GazetteerInfo.read(second.path).meta["content_digest"] == first.contentDigest)
        var fewer = TestGazetteer.fixtureSources
        fewer.points = []
        let third = try GazetteerBuilder(sources: fewer).build(to: scratch("c.sqlite"))
        #expect(third.contentDigest != first.contentDigest)
    }

    @Test func aFailedBuildLeavesNothingAtTheOutput() throws {
        let output = scratch("london.sqlite")
        var broken = TestGazetteer.fixtureSources
        broken.busStops = TestGazetteer.fixtureFile("naptan.csv")  // wrong file: its header lacks Stop_Name
        #expect(throws: GazetteerBuildError.self) { try GazetteerBuilder(sources: broken).build(to: output) }
        let folder = output.deletingLastPathComponent()
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty ?? true)

        // A good gazetteer already there survives a failed rebuild untouched.
        let good = try GazetteerBuilder(sources: TestGazetteer.fixtureSources).build(to: output)
        #expect(throws: GazetteerBuildError.self) { try GazetteerBuilder(sources: broken).build(to: output) }
        #expect(try GazetteerInfo.read(output).meta["content_digest"] == good.contentDigest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["london.sqlite"])
    }

    @Test func infoListsSourcesAndCounts() throws {
        let info = try GazetteerInfo.read(try TestGazetteer.fixture())
        #expect(info.sources.count == 9)
        #expect(info.sources.allSatisfy { $0.sha256.count == 64 && !$0.licence.isEmpty })
        let text = info.text
        #expect(text.contains("fhrs.csv [fhrs] rows 8, malformed 1"))
        #expect(text.contains("postcode.terminated: 1"))
        #expect(text.contains("Contains OS data"))
    }

    @Test func lookupsFromSeveralThreadsAndSessions() async throws {
        let store = try GazetteerStore(path: try TestGazetteer.fixture())
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try store.session {
                        [try store.postcode("SW1A 1AA")?.postcode ?? "", try store.streets(named: "ADDINGTON ROAD").first?.name ?? ""]
                    }
                }
            }
            for try await found in group { #expect(found == ["SW1A 1AA", "ADDINGTON ROAD"]) }
        }
    }

    @Test func storeRefusesMissingFiles() {
        #expect(throws: GazetteerStoreError.missing(path: "/no/such/gazetteer.sqlite")) {
            try GazetteerStore(path: URL(fileURLWithPath: "/no/such/gazetteer.sqlite"))
        }
    }

    @Test func typoKeys() {
        #expect(TypoKeys.keys("HIGH") == ["HIGH"])
        #expect(TypoKeys.keys("BROAD").count == 6)
        #expect(Set(TypoKeys.keys("KENSINGTON")).isDisjoint(with: TypoKeys.keys("KENNINGTON")) == false)
        #expect(TypoKeys.distance("ADDINGTN", "ADDINGTON") == 1)
        #expect(TypoKeys.distance("KENSIGNTON", "KENSINGTON") == 1)
    }
}
