import Foundation
import Testing
@testable import Locus

/// Which same-name streets are rivals of a numbered answer (`StreetAddresses.mayHold`, `SameNameRivals`), on their
/// own fixture gazetteer built once per run from `Fixtures/rivals/` (`make-fixtures.py` there lays out every street).
@Suite struct SameNameRivalsTests {
    private static let built: Result<Matcher, Error> = Result { try MatchFixture.built(from: "rivals") }

    func geocode(_ text: String, borough: String? = nil) throws -> GeocodeResult {
        try Self.built.get().geocode(LocationQuery(text: text, borough: borough))
    }

    func codes(_ r: GeocodeResult) -> [String] { r.faults.map(\.code) }

    @Test func aNumberBelowEveryKnownOneIsNoEvidenceAgainstTheStreet() throws {
        // Richmond's Pine Road holds 41-59 only; its numbers start at 1 all the same: 7 may be there.
        let explained = try Self.built.get().explain(LocationQuery(text: "7 PINE ROAD"))
        #expect(explained.candidates.contains { $0.faults.contains { $0.code == Scoring.numberNotHeld } })
        #expect(!explained.candidates.contains { $0.faults.contains { $0.code == Scoring.numberNotFound } })
        let r = try geocode("7 PINE ROAD")
        #expect(r.easting == nil)
        #expect(codes(r).contains("ambiguous"))
        // The borough column settles it: Croydon's 5 and 9 bracket 7.
        let croydon = try geocode("7 PINE ROAD", borough: "Croydon")
        #expect(croydon.level == .interpolated)
        #expect(croydon.easting != nil)
        // Beyond every known number is still evidence against a street.
        let beyond = try Self.built.get().explain(LocationQuery(text: "61 PINE ROAD"))
        #expect(beyond.candidates.contains { $0.faults.contains { $0.code == Scoring.numberNotFound } })
    }

    @Test func thePieceAStreetRunsOnIntoAcrossABoundaryIsNoRival() throws {
        // Yew Road's Richmond piece starts 360 m north of Croydon's and holds 41-59: one street, one run of numbers.
        let r = try geocode("5 YEW ROAD")
        #expect(r.level == .address)
        #expect(r.easting != nil)
        #expect(!codes(r).contains("ambiguous"))
        #expect(MatchFixture.distance(r, 540000, 170020) < 1)
    }
}

/// A house number's own point standing apart from its neighbours' (`StreetAddresses.apartFromNeighbours`).
@Suite struct AddressRunsTests {
    private static let built: Result<Matcher, Error> = Result { try MatchFixture.built(from: "rivals") }

    @Test func aPointApartFromEveryNeighbourReachesToThem() throws {
        // Holly Road's 14 lies 400 m from 10, 12, 16 and 18, which lie 8 m a number apart.
        let r = try Self.built.get().geocode(LocationQuery(text: "14 HOLLY ROAD", borough: "Croydon"))
        #expect(r.level == .address)
        #expect((r.precisionMeters ?? 0) >= 390)
        #expect(r.easting == nil)
        // 12's point agrees with 10's.
        let twelve = try Self.built.get().geocode(LocationQuery(text: "12 HOLLY ROAD", borough: "Croydon"))
        #expect(twelve.level == .address)
        #expect((twelve.precisionMeters ?? .infinity) <= 100)
        #expect(MatchFixture.distance(twelve, 533000, 166008) < 1)
    }
}
