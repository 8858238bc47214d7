import Foundation
import GRDB
import Testing
@testable import Locus

/// The matcher's memory index answers every lookup exactly as the gazetteer store does, order included, so a
/// matcher gives the same results before its background read ends and after.
@Suite struct MemoryIndexTests {
    /// Compares the index with the store on every street (or every `stride`-th), every street word and the
    /// borough of the postcode nearest each street's centroid at three reaches; returns how many were compared.
    @discardableResult
    static func compare(_ store: GazetteerStore, _ index: GazetteerMemoryIndex, stride: Int = 1) throws -> Int {
        let ids = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM street ORDER BY id") }
        let words = try store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT token FROM token WHERE kind = ? ORDER BY token",
                                arguments: [EntityKind.street.rawValue])
        }
        var compared = 0
        for (n, id) in ids.enumerated() where n % stride == 0 {
            let street = try #require(try store.street(id: id))
            #expect(index.street(id: id) == street)
            #expect(index.streets(named: street.name) == (try store.streets(named: street.name)))
            #expect(index.words(ofStreet: id) == street.name.split(separator: " ").map(String.init))
            #expect(index.addresses(streetID: id) == (try store.addresses(streetID: id)))
            #expect(index.points(streetID: id) == (try store.points(streetID: id)))
            for reach in [100.0, 250, 1000] {
                let stored = try store.nearestPostcode(x: street.x, y: street.y, within: reach)
                let found = index.boroughOfNearestPostcode(x: street.x, y: street.y, within: reach)
                #expect(found.map { $0 } == stored.map { $0.boroughID }, "street \(id), reach \(reach)")
            }
            compared += 1
        }
        for (n, word) in words.enumerated() where n % stride == 0 {
            #expect(index.streetFrequency(word) == (try store.documentFrequency(token: word, kind: .street)))
            #expect(index.streetPostings(word) == (try store.entities(token: word, kind: .street)))
        }
        #expect(index.street(id: -1) == nil)
        #expect(index.streets(named: "NO SUCH STREET").isEmpty)
        #expect(index.streetFrequency("ZZZQX") == 0)
        #expect(index.streetPostings("ZZZQX").isEmpty)
        return compared
    }

    @Test func answersAsTheStoreDoesOnTheFixtureGazetteer() throws {
        let store = try GazetteerStore(path: try TestGazetteer.fixture())
        let compared = try Self.compare(store, try GazetteerMemoryIndex(store: store))
        #expect(compared > 10)
    }

    @Test func answersAsTheStoreDoesOnLondon() throws {
        let store = try GazetteerStore(path: try TestGazetteer.london())
        let compared = try Self.compare(store, try GazetteerMemoryIndex(store: store), stride: 25)
        #expect(compared > 500)
    }

    @Test func aMatcherReadsItInTheBackgroundAndAnswersTheSame() throws {
        let store = try GazetteerStore(path: try MatchFixture.gazetteer())
        var sqliteOnly = Matcher(store: store, preload: false)
        sqliteOnly.remembersResults = false
        let preloaded = Matcher(store: store)
        preloaded.waitUntilPreloaded()
        #expect(preloaded.isPreloaded)
        #expect(!sqliteOnly.isPreloaded)
        let queries = [
            "12 HIGH ST, CROYDON", "24 HIGH STREET", "PARK LANE", "O/S 3 PARK LN CROYDON", "HIGHSTREET CROYDON",
            "J/O HIGH ST & PARK LANE", "R/O 7 KINGS ROAD RICHMOND", "NR TESCO HIGH ST", "CR0 1AA", "CROYDON",
        ]
        for text in queries {
            for borough in [nil, "Croydon", "Richmond upon Thames"] {
                let query = LocationQuery(text: text, borough: borough)
                #expect(preloaded.geocode(query) == sqliteOnly.geocode(query), "\(text) / \(borough ?? "-")")
                #expect(preloaded.forgettingLookups().geocode(query) == sqliteOnly.geocode(query))
            }
        }
    }
}
