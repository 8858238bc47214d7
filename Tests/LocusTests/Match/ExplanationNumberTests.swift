import Testing
@testable import Locus

/// `locus explain` rounds as the result and the batch columns do: half away from zero (issue 16 item 7).
@Suite struct ExplanationNumberTests {
    @Test func numbersRoundHalfAwayFromZero() {
        #expect(MatchExplanation.number(86.25) == "86.3")
        #expect(MatchExplanation.number(86.24) == "86.2")
        #expect(MatchExplanation.number(91.0) == "91")
        #expect(MatchExplanation.number(90.96) == "91")
        #expect(MatchExplanation.number(532691.25) == "532691.3")
        #expect(MatchExplanation.number(-1.75) == "-1.8")
    }
}
