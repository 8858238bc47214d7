import Testing
@testable import Locus

@Suite struct CoordinateTextTests {
    @Test func parsesPlainDecimalNumbersOnly() {
        #expect(CoordinateText.parse("530624.974") == (530624.974, .ok))
        #expect(CoordinateText.parse(" -0.1199 ") == (-0.1199, .ok))
        #expect(CoordinateText.parse("5.3e5") == (530000, .ok))
        #expect(CoordinateText.parse("").status == .empty)
        #expect(CoordinateText.parse("  ").status == .empty)
        for bad in ["TBC", "nan", "inf", "0x1p3", "530,624", "1e999", "-", ".", "51°30'"] {
            #expect(CoordinateText.parse(bad).status == .notANumber, "\(bad)")
        }
    }

    @Test func formatsFixedDecimalsWithoutExponents() {
        #expect(CoordinateText.format(-0.119950536, decimals: 8) == "-0.11995054")
        #expect(CoordinateText.format(51.0000000049, decimals: 8) == "51.00000000")
        #expect(CoordinateText.format(530624.9746, decimals: 3) == "530624.975")
        #expect(CoordinateText.format(0.0000001, decimals: 8) == "0.00000010")
        #expect(CoordinateText.format(-0.000000001, decimals: 8) == "0.00000000")
        #expect(CoordinateText.format(12, decimals: 0) == "12")
        #expect(CoordinateText.format(.nan, decimals: 3) == "")
        #expect(CoordinateText.format(6_708_317.457, decimals: 3) == "6708317.457")
    }
}
