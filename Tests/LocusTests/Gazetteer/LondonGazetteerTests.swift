import Foundation
import Testing
@testable import Locus

/// The full London gazetteer built from the shipped pack (built once per run, cached between runs).
struct LondonGazetteerTests {
    @Test func countsAndSpotValues() throws {
        let path = try TestGazetteer.london()
        let info = try GazetteerInfo.read(path)
        let codePoint = try #require(info.sources.first { $0.name == "codepoint-open-london.csv" })
        #expect(codePoint.rows == 180_754 && codePoint.malformed == 0)
        let onspd = try #require(info.sources.first { $0.name == "onspd-london.csv" })
        #expect(onspd.rows == 331_981 && onspd.malformed == 0)
        let counts = Dictionary(uniqueKeysWithValues: info.counts.map { ($0.name, $0.count) })
        #expect(counts["postcode"] == 180_754 + 151_228)  // Code-Point units plus the ONSPD-only ones
        #expect(counts["postcode.live"]! >= 180_754)
        #expect(counts["postcode.terminated"]! > 140_000)
        #expect(counts["landmark.station"]! > 500)
        #expect(counts["landmark.bus_stop"]! > 18_000)
        #expect(counts["address"]! > 34_000)

        let store = try GazetteerStore(path: path)
        #expect(store.boroughs.count == 33)
        #expect(store.boroughs.allSatisfy { $0.x != nil })  // every borough has live postcode units
        #expect(store.boroughs(named: "RICHMOND UPON THAMES").count == 1)
        #expect(store.boroughs(named: "KINGSTON UPON THAMES").count == 1)
        let palace = try #require(try store.postcode("SW1A 1AA"))
        #expect(palace.x == 529090 && palace.y == 179645 && palace.status == .live)
        #expect(palace.wardID.flatMap { store.ward(id: $0) } != nil)
        #expect(try store.postcode("CR0 1AB").map { ($0.x, $0.y) } ?? (0, 0) == (532287, 164871))
        let terminated = try #require(try store.postcode("SW1A 0AB"))
        #expect(terminated.status == .terminated && terminated.terminated == "198612")

        #expect(!(try store.landmarks(named: "ELEPHANT AND CASTLE")).isEmpty)
        #expect(!(try store.landmarks(named: "ABBEY WOOD STATION")).isEmpty)
        #expect(try store.streets(named: "HIGH STREET").count > 20)
        #expect(try store.typoCandidates("ADDINGTN").first?.token == "ADDINGTON")
    }
}
