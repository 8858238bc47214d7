import Foundation
import Testing
@testable import Locus

/// Issue 11's radius and rivalry rules (`HonestRadius`) on their own fixture gazetteer, built once per run from
/// `Fixtures/honest/` (`make-fixtures.py` there lays out every street).
@Suite struct HonestRadiusTests {
    private static let built: Result<Matcher, Error> = Result { try MatchFixture.built(from: "honest") }

    func geocode(_ text: String, borough: String? = nil) throws -> GeocodeResult {
        try Self.built.get().geocode(LocationQuery(text: text, borough: borough))
    }

    func codes(_ r: GeocodeResult) -> [String] { r.faults.map(\.code) }

    @Test func aNumberHeldInOneBoroughAndWithinAnotherBoroughsRangeIsAmbiguous() throws {
        // Richmond's Elm Road holds 1 and 199: 100 may well be there, unlisted.
        let r = try geocode("100 ELM ROAD")
        #expect(r.easting == nil)
        #expect(codes(r).contains("ambiguous"))
        // The borough column settles it.
        let croydon = try geocode("100 ELM ROAD", borough: "Croydon")
        #expect(croydon.level == .address)
        #expect(croydon.easting != nil)
    }

    @Test func withinOneBoroughTheStreetHoldingTheNumberIsChosen() throws {
        // The other Oak Road, 3 km off in the same borough, holds 1 and 199 only.
        let r = try geocode("100 OAK ROAD")
        #expect(r.level == .address)
        #expect(r.easting != nil)
        #expect(!codes(r).contains("ambiguous"))
        let explained = try Self.built.get().explain(LocationQuery(text: "100 OAK ROAD"))
        #expect(explained.candidates.contains { $0.faults.contains { $0.code == Scoring.numberNotHeld } })
    }

    @Test func aNumberBeyondEveryKnownOneIsEvidenceAgainstTheStreet() throws {
        // Richmond's Ash Road holds 1–9 only: `number.not_found`, no rival.
        let r = try geocode("100 ASH ROAD")
        #expect(r.level == .address)
        #expect(r.easting != nil)
        let explained = try Self.built.get().explain(LocationQuery(text: "100 ASH ROAD"))
        #expect(explained.candidates.contains { $0.faults.contains { $0.code == Scoring.numberNotFound } })
    }

    @Test func anInterpolatedRadiusAddsTheKnownPointsUncertaintyToTheGuess() throws {
        // 2 and 20 Fir Road are 90 m apart: the guess is half the gap + 40 m = 85 m, the points' own 100 m.
        let r = try geocode("10 FIR ROAD", borough: "Croydon")
        #expect(r.level == .interpolated)
        let expected = (100.0 * 100 + 85 * 85).squareRoot().rounded()
        #expect(r.precisionMeters == expected)
        #expect(HonestRadius.interpolated(guess: 0) == CandidateBuilder.numberedPointFloor)
    }

    @Test func aJunctionFromPointsCoversTheWholeGap() throws {
        // Birch and Cedar Road's nearest known points are 120 m apart: the corner may be anywhere around them.
        let r = try geocode("J/O BIRCH ROAD & CEDAR ROAD", borough: "Croydon")
        #expect(r.level == .junction)
        #expect((r.precisionMeters ?? 0) >= 120 + CandidateBuilder.stopSetback + 25)  // + the qualifier's 25 m
        #expect(r.easting != nil)
    }

    @Test func aLongSameNameStreetInAnotherBoroughIsARivalOfAShortOne() throws {
        // Neither Lime Road holds 57; Richmond's is 800 m long, Croydon's 40 m: length is no evidence of place.
        let r = try geocode("57 LIME ROAD")
        #expect(r.easting == nil)
        #expect(codes(r).contains("ambiguous"))
        let croydon = try geocode("57 LIME ROAD", borough: "Croydon")
        #expect(croydon.level == .street)
        #expect(croydon.easting != nil)
    }

    @Test func aStreetCutAtABoroughBoundaryReachesOverItsPieces() throws {
        // Wall Road's Croydon piece is 40 m long, its Richmond piece 880 m: without a borough the place may be
        // anywhere on both.
        let r = try geocode("WALL ROAD")
        #expect((r.precisionMeters ?? 0) >= 450)
        #expect(r.easting == nil)
        #expect(codes(r).contains("coarse"))
        // The borough column says which piece.
        let croydon = try geocode("WALL ROAD", borough: "Croydon")
        #expect(croydon.level == .street)
        #expect((croydon.precisionMeters ?? 0) <= 150)
        #expect(croydon.easting != nil)
    }

    @Test func theLocalityNamedSaysWhichRunOfNumbersTheNumberIsOn() throws {
        // Vale Road holds 10 and 14 in Thornton and 8 and 16 in Selhurst, 800 m north: 12 in Selhurst lies
        // between Selhurst's 8 and 16, not between Thornton's 10 and 14.
        let selhurst = try geocode("12 VALE ROAD, SELHURST", borough: "Croydon")
        #expect(selhurst.level == .interpolated)
        #expect(MatchFixture.distance(selhurst, 535000, 167805) <= 20)
        let thornton = try geocode("12 VALE ROAD, THORNTON", borough: "Croydon")
        #expect(thornton.level == .interpolated)
        #expect(MatchFixture.distance(thornton, 535000, 167010) <= 20)
        // Without a locality every known number counts, as before.
        let either = try geocode("12 VALE ROAD", borough: "Croydon")
        #expect(either.level == .interpolated)
        #expect(MatchFixture.distance(either, 535000, 167010) <= 20)
    }

    @Test func aStreetWithPremisesInTheLocalityNamedRunsThroughIt() throws {
        // Vale Road has one locality in the gazetteer, but premises in both Thornton and Selhurst: neither
        // locality named with it is evidence against it.
        let matcher = try Self.built.get()
        for place in ["SELHURST", "THORNTON"] {
            let explained = matcher.explain(LocationQuery(text: "VALE ROAD, \(place)", borough: "Croydon"))
            let street = explained.candidates.first { $0.level == .street && $0.matched == "VALE ROAD" }
            #expect(street != nil)
            #expect(!(street?.faults.contains { $0.code == Scoring.localityMismatch } ?? true))
        }
    }

    @Test func aPlaceNameAloneIsAlsoReadAsAStreetOfThatName() throws {
        // MOORGATE is a London locality in the place table and, in the fixture, a street in Croydon.
        let r = try geocode("ON OR NEAR MOORGATE", borough: "Croydon")
        #expect(r.level == .street)
        #expect(r.matched == "MOORGATE")
        #expect(r.easting != nil)
        // The locality MOORGATE (Kiln Road's town) is named after the street: the words read as the street are
        // no evidence that the place lies off its known extent.
        #expect((r.precisionMeters ?? .infinity) <= CandidateBuilder.streetFloor + 25)
    }

    @Test func aStreetWithAUnitOfTheNamedBoroughCloseByIsOnItsBoundary() throws {
        // Gate Road is Richmond's, its nearest unit Richmond's too, but a Croydon unit lies 160 m off: the street
        // runs along the boundary, so the borough column naming Croydon costs little.
        let r = try geocode("GATE ROAD", borough: "Croydon")
        #expect(r.level == .street)
        #expect(r.easting != nil)
        let explained = try Self.built.get().explain(LocationQuery(text: "GATE ROAD", borough: "Croydon"))
        let fault = explained.chosen?.faults.first { $0.code == Scoring.boroughMismatch }
        #expect(fault?.penalty == 6)
    }
}
