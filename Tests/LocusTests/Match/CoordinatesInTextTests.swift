import Testing
@testable import Locus

/// Coordinates written as the text: grid references, eastings and northings, degrees.
@Suite struct CoordinatesInTextTests {
    static let grid: [(String, Double, Double, Double)] = [
        ("TQ 3003 8001", 530035, 180015, 7),
        ("TQ30038001", 530035, 180015, 7),
        ("tq 30038 80010", 530038.5, 180010.5, 1),
        ("530030 180010", 530030, 180010, 1),
        ("530030, 180010", 530030, 180010, 1),
        ("E 530030 N 180010", 530030, 180010, 1),
        ("TL 1234 0123", 512345, 201235, 7),
    ]

    @Test(arguments: grid) func gridForms(_ row: (String, Double, Double, Double)) {
        guard case let .grid(x, y, precision, _)? = CoordinatesInText.read(row.0) else {
            Issue.record("\(row.0) not read")
            return
        }
        #expect(x == row.1 && y == row.2 && precision.rounded() == row.3, "\(row.0)")
    }

    @Test func degreesInEitherOrder() {
        #expect(CoordinatesInText.read("51.5074, -0.1278")
            == .degrees(longitude: -0.1278, latitude: 51.5074, precision: 11.1))
        #expect(CoordinatesInText.read("-0.1278 51.5074")
            == .degrees(longitude: -0.1278, latitude: 51.5074, precision: 11.1))
    }

    @Test func notCoordinates() {
        for text in ["12 HIGH ST", "TQ 300 8001", "SE1 7PB", "51, -0", "12 14", "A1 2", "TQ", "1234567 123"] {
            #expect(CoordinatesInText.read(text) == nil, "\(text)")
        }
    }

    /// Digits of other scripts are numbers to `Character` but not to `Double`: the 10 M fuzz run (seed 15,
    /// index 708,419) crashed the matcher on `NR 0 ४`.
    /// The one-pass gate lets every coordinate form through and stops word texts before any string work.
    @Test func theGateStopsWordsOnly() {
        for text in ["TQ 3003 8001", "TQ30038001", "TQ38", "530030 180010", "E 530030 N 180010", "E530030, N180010",
                     "51.5074, -0.1278", "-0.1278 51.5074", "5.15074E1 -1.278E-1"] {
            #expect(CoordinatesInText.mayBeCoordinates(text), "\(text)")
        }
        for text in ["12 HIGH STREET", "O/S 30 BRIXTON RD SW9 6BU", "TQ", "", "BUS STOP NR ELEPHANT & CASTLE STN"] {
            #expect(!CoordinatesInText.mayBeCoordinates(text), "\(text)")
            #expect(CoordinatesInText.read(text) == nil, "\(text)")
        }
    }

    @Test func otherScriptsDigitsAreNoGridReference() throws {
        for text in ["NR 0 ४ ", "TQ ३००३ ८००१", "TQ٣٠٠٣٨٠٠١", "५३००३० १८००१०"] {
            #expect(CoordinatesInText.read(text) == nil, "\(text)")
        }
        let matcher = try MatchFixture.matcher()
        #expect(matcher.geocode(LocationQuery(text: "NR 0 ४ ")).level != .coordinates)
    }

    @Test func thePointItselfInLondonOnly() throws {
        let matcher = try MatchFixture.matcher()
        let r = matcher.geocode(LocationQuery(text: "TQ 32310 65050"))
        #expect(r.level == .coordinates)
        #expect(r.easting == 532310.5 && r.northing == 165050.5)
        #expect(r.borough == "Croydon")
        let far = matcher.geocode(LocationQuery(text: "SU 1234 5678"))
        #expect(far.level == .none)
        #expect(far.faults.map(\.code) == ["coordinates.outside_london"])
    }
}
