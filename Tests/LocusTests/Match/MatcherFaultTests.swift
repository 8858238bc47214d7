import Foundation
import Testing
@testable import Locus

/// One test per fault on the fixture gazetteer.
@Suite struct MatcherFaultTests {
    let matcher: Matcher

    init() throws { matcher = try MatchFixture.matcher() }

    func faults(_ text: String, borough: String? = nil) -> (GeocodeResult, [String]) {
        let r = matcher.geocode(LocationQuery(text: text, borough: borough))
        return (r, r.faults.map(\.code))
    }

    @Test func misspeltStreet() {
        let (r, codes) = faults("172 ASHBURNAM ROAD, HAM", borough: "Richmond upon Thames")
        #expect(r.level == .address)
        #expect(codes.contains("street.spelling"))
        #expect(r.score < 100)
    }

    @Test func wrongStreetType() {
        let (r, codes) = faults("172 ASHBURNHAM AVENUE", borough: "Richmond upon Thames")
        #expect(r.level == .address)
        #expect(codes.contains("street.type_mismatch"))
    }

    @Test func numberNotOnTheStreet() {
        let (r, codes) = faults("99 PARK LANE", borough: "Croydon")
        #expect(r.level == .street)
        #expect(codes.contains("number.not_found"))
    }

    @Test func terminatedPostcodeStillLocates() {
        let (r, codes) = faults("CR0 1ZZ")
        #expect(r.level == .postcode)
        #expect(r.isMatched)
        #expect(codes.contains("postcode.terminated"))
    }

    @Test func postcodeOutsideLondonIsReportedNotForced() {
        let (r, codes) = faults("12 HIGH ST, LEEDS LS1 4AP")
        #expect(codes.contains("postcode.outside_london"))
        #expect(r.level == .none || r.level > .landmark)
    }

    @Test func postcodeFarFromTheStreet() {
        let (r, codes) = faults("3 PARK LANE, TW9 1AA", borough: "Croydon")
        #expect(codes.contains("postcode.conflict"))
        #expect(r.level == .address)
        #expect(r.borough == "Croydon")
    }

    @Test func streetInAnotherBorough() {
        let (r, codes) = faults("PARK LANE", borough: "Richmond upon Thames")
        #expect(codes.contains("borough.mismatch"))
        #expect(r.score < 70)
    }

    @Test func longStreetIsNotForcedToAPoint() {
        let (r, codes) = faults("LONDON ROAD", borough: "Croydon")
        #expect(r.level == .street)
        #expect(codes.contains("street.long"))
        #expect(r.easting == nil)
    }

    @Test func sameNumberOnTwoFarStreetsIsAmbiguous() {
        let (r, codes) = faults("5 HIGH STREET")
        #expect(codes.contains("ambiguous"))
        #expect(r.easting == nil)
    }

    @Test func qualifierWidensThePrecision() {
        let plain = matcher.geocode(LocationQuery(text: "12 HIGH ST", borough: "Croydon"))
        let (outside, codes) = faults("O/S 12 HIGH ST", borough: "Croydon")
        #expect(codes.contains("qualifier"))
        #expect((outside.precisionMeters ?? 0) > (plain.precisionMeters ?? 0))
        #expect(outside.easting == plain.easting)
    }

    @Test func sameAnswerFromManyThreads() async {
        let texts = ["12 HIGH ST, CROYDON", "24 HIGH STREET", "J/O HIGH ST & PARK LANE", "CR0 1ZZ", "5 HIGH STREET"]
        let expected = texts.map { matcher.geocode(LocationQuery(text: $0, borough: "Croydon")) }
        let m = matcher
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    texts.map { m.geocode(LocationQuery(text: $0, borough: "Croydon")) } == expected
                }
            }
            for await same in group { #expect(same) }
        }
    }
}
