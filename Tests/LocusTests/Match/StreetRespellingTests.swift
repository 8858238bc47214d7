import Foundation
import Testing
@testable import Locus

/// Street names whose type was mistyped or run into the name, and SAINT run into its name, on the fixture
/// gazetteer: read again respelled, with a spelling fault.
@Suite struct StreetRespellingTests {
    let matcher: Matcher

    init() throws { matcher = try MatchFixture.matcher() }

    @Test(arguments: [("LNE", "LANE"), ("ROD", "ROAD"), ("STRET", "STREET"), ("RAOD", "ROAD"), ("GDS", "GARDENS")])
    func misspeltStreetTypes(written: String, type: String) {
        #expect(StreetFinder.misspeltType(written) == type)
    }

    @Test(arguments: ["XQZ", "RO", "SPENCER"])
    func wordsThatAreNoStreetType(written: String) {
        #expect(StreetFinder.misspeltType(written) == nil)
    }

    @Test func streetTypeRunIntoTheName() {
        #expect(StreetFinder.joinedType("STILERD").map { [$0.name, $0.type] } == ["STILE", "ROAD"])
        #expect(StreetFinder.joinedType("ROAD") == nil)
    }

    @Test(arguments: [
        ("3 PARK LNE", "3 PARK LANE"), ("172 ASHBURNHAMRD", "172 ASHBURNHAM ROAD"), ("2 STMARYS ROAD", "2 SAINT MARYS ROAD"),
    ])
    func respelledStreetIsFound(text: String, matched: String) {
        let r = matcher.geocode(LocationQuery(text: text))
        #expect(r.level == .address)
        #expect(r.matched == matched)
        #expect(r.faults.map(\.code).contains("street.spelling"))
    }
}
