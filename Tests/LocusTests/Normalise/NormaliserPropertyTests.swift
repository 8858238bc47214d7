import Testing

@testable import Locus

/// Random and mutated inputs with a fixed seed: the normaliser never crashes, its canonical form is idempotent
/// and every span lies inside the input.
@Suite struct NormaliserPropertyTests {
    /// SplitMix64: small, fast, reproducible.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        "O/S", "OPP", "R/O", "NR", "J/O", "J/W", "&", "AND", "/", " / ", ",", ", ", "(", ")", "-", " - ", "12", "12A",
        "3", "TO", "FLAT", "UNIT", "GND FLR", "ST", "RD", "HIGH", "THE", "BROADWAY", "CR0 1AB", "SE28 OGU", "CRO",
        "E1", "SW1A", "1AA", "LONDON", "CROYDON", "WEST EALING", "STN", "ELEPHANT", "CASTLE", "ON OR NEAR", "NFA",
        "é", "’", "'", "😀", "Ω", ".", ";", "@", "#", "<>", ">T<", "  ", "\t", "DR", "SAINT", "GARDEN", "NO",
        "BETWEEN", "JUNCTION", "ROAD", "LANE", "PARK", "HILL", "HOUSE", "SCHOOL", "0", "99999", "123456",
    ]

    func randomText(_ rng: inout Seeded) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<6: text += Self.pieces.randomElement(using: &rng)!
            case 6..<8:
                let scalar = UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &rng))
                text.unicodeScalars.append(scalar)
            default:
                if let scalar = UnicodeScalar(UInt32.random(in: 0xA0...0x2FFF, using: &rng)) {
                    text.unicodeScalars.append(scalar)
                }
            }
            if Bool.random(using: &rng) { text += " " }
        }
        return text
    }

    func mutated(_ text: String, _ rng: inout Seeded) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !scalars.isEmpty: scalars.remove(at: at)
            case 1: scalars.insert(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &rng)), at: at)
            case 2 where at + 1 < scalars.count: scalars.swapAt(at, at + 1)
            case 3: scalars.insert(contentsOf: Self.pieces.randomElement(using: &rng)!.unicodeScalars, at: at)
            default: scalars = Array(String(String.UnicodeScalarView(scalars)).lowercased().unicodeScalars)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Every span the parse reports.
    func spans(_ p: ParsedLocation) -> [Range<Int>] {
        var all = p.qualifiers.map(\.span) + p.subBuildings.map(\.span) + p.words.map(\.span)
        all += [p.buildingName?.span, p.premisesName?.span, p.houseNumber?.span, p.street?.span,
                p.crossStreet?.span, p.postcode?.span].compactMap { $0 }
        all += p.otherStreets.map(\.span) + p.places.map(\.span)
        return all
    }

    func check(_ text: String, _ normaliser: Normaliser) {
        let parsed = normaliser.parse(text)
        let length = text.utf8.count
        for span in spans(parsed) {
            #expect(span.lowerBound >= 0 && span.upperBound <= length, "span \(span) outside \(text.debugDescription)")
        }
        let again = normaliser.parse(parsed.canonical)
        #expect(again.canonical == parsed.canonical, "not idempotent: \(text.debugDescription)")
    }

    @Test func randomTextsHoldTheProperties() {
        var rng = Seeded(state: 20_201_129)
        let normaliser = Normaliser()
        for _ in 0..<4000 { check(randomText(&rng), normaliser) }
    }

    @Test func mutatedCasesHoldTheProperties() {
        var rng = Seeded(state: 4)
        let normaliser = Normaliser()
        for (text, _) in NormaliserTableTests.cases {
            for _ in 0..<12 { check(mutated(text, &rng), normaliser) }
        }
    }

    @Test func arbitraryBytesNeverCrash() {
        var rng = Seeded(state: 7)
        let normaliser = Normaliser()
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let parsed = bytes.withUnsafeBufferPointer { normaliser.parse(utf8: $0) }
            for span in spans(parsed) { #expect(span.upperBound <= bytes.count) }
        }
    }

    @Test func isUsableFromManyThreads() async {
        let normaliser = Normaliser()
        let texts = NormaliserTableTests.cases.map(\.0)
        let expected = texts.map { normaliser.parse($0) }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask { texts.map { normaliser.parse($0) } == expected }
            }
            for await same in group { #expect(same) }
        }
    }
}
