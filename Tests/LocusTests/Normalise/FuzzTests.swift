import Foundation
import Testing
@testable import Locus

/// A short fixed-seed run of the fuzz harness (`locus-fuzz` runs it at length): no location breaks a rule of
/// the normaliser or the matcher (on the fixture gazetteer), no CSV document one of the reader's.
/// `LOCUS_FUZZ_ITERATIONS` sets how many cases of each (3,000 by default).
@Suite struct FuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["LOCUS_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 3_000
    static let seed: UInt64 = 15

    @Test func locationsThroughTheNormaliserAndTheMatcher() throws {
        let fuzzer = Fuzzer(matcher: try MatchFixture.matcher())
        let report = fuzzer.runLocations(seed: Self.seed, range: 0..<Self.iterations)
        #expect(report.cases == Self.iterations)
        #expect(report.failureCount == 0, "\(report)")
    }

    @Test func csvDocumentsThroughTheReader() {
        let report = Fuzzer(matcher: nil).runCSV(seed: Self.seed, range: 0..<Self.iterations)
        #expect(report.cases == Self.iterations)
        #expect(report.failureCount == 0, "\(report)")
    }

    @Test func aCaseIsMadeAgainFromItsSeedAndIndex() {
        #expect(Fuzzer.locationInput(seed: 15, index: 2602) == Fuzzer.locationInput(seed: 15, index: 2602))
        #expect(Fuzzer.csvInput(seed: 15, index: 9).document == Fuzzer.csvInput(seed: 15, index: 9).document)
        let some = (0..<50).map { Fuzzer.locationInput(seed: 15, index: $0) }
        #expect(Set(some).count > 40)
    }

    /// Cases the long run found (seed 15): `AT JCT` read as JUNCTION OF with a word AT before it, which the
    /// canonical form `AT JUNCTION OF` then read as one phrase.
    @Test func foundCasesStayFixed() {
        let fuzzer = Fuzzer(matcher: nil)
        for index in [25_914, 52_864, 56_533] {
            #expect(fuzzer.check(location: Fuzzer.locationInput(seed: 15, index: index)) == nil, "index \(index)")
        }
        for text in ["AT\t JCT SE28 OGU", "AT THE JCT OF HIGH ST AND X RD", "HIGH ST AT J/O X RD"] {
            #expect(fuzzer.check(location: Array(text.utf8)) == nil, "\(text)")
        }
        #expect(Normaliser().parse("AT JCT SE28 OGU").canonical == "JUNCTION OF SE28 0GU")
        // An ampersand between numbers: `&` and the AND its canonical form writes read alike (no street name
        // starting with AND), so the canonical form reads the same again.
        for text in ["1&2&A", "1 & 2 & A", "12&14&B HIGH ST", "3A & 3B BELVEDERE RD"] {
            #expect(fuzzer.check(location: Array(text.utf8)) == nil, "\(text)")
        }
        #expect(Normaliser().parse("1 AND 2 AND A").canonical == Normaliser().parse("1&2&A").canonical)
        // The 10 M run at ffc6246 (seed 15): a floor word written short (`GND ?LR`: LR is LOWER) read as a floor
        // only once written out; a number marker after AND (`0 &NO 12`)
        // dropped, leaving a range where the first reading had two parts.
        for index in [5_342_757, 5_462_793] {
            #expect(fuzzer.check(location: Fuzzer.locationInput(seed: 15, index: index)) == nil, "index \(index)")
        }
        for text in ["GROUND FLOOR LR GND FLR", "12 AND NO 14 HIGH ST", "12 & NO. 14 HIGH ST"] {
            #expect(fuzzer.check(location: Array(text.utf8)) == nil, "\(text)")
        }
        #expect(Normaliser().parse("12 AND NO 14 HIGH ST").canonical == "12 AND, 14 HIGH STREET")
        #expect(Normaliser().parse("LWR GND FLR, 3 HIGH ST").subBuildings.first?.text == "LOWER GROUND FLOOR")
    }

    @Test func theRulesCatchABrokenCase() {
        // The CSV check fails when the records read are not the ones written.
        let document = Array("a,b\n\"c\nd\",e\n".utf8)
        #expect(Fuzzer.check(csv: document, expected: [(["a", "b"], 1), (["c\nd", "e"], 2)]) == nil)
        #expect(Fuzzer.check(csv: document, expected: [(["a", "b"], 1), (["c\nd", "e"], 3)]) != nil)
        #expect(Fuzzer.check(csv: document, expected: [(["a", "b"], 1), (["cd", "e"], 2)]) != nil)
        // A location breaking no rule passes.
        #expect(Fuzzer(matcher: nil).check(location: Array("O/S 12 HIGH ST".utf8)) == nil)
    }
}
