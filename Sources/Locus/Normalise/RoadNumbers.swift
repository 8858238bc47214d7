/// UK road numbers (`A3`, `A406`, `B217`, `M25`) written beside a street's name: `A3 KINGSTON BY PASS`,
/// `KINGSTON BY PASS A3`, `KINGSTON BY PASS (A3)`, `A406 NORTH CIRCULAR RD`.
///
/// The number is an alias of the road, not part of its name: the reading takes the name as the street and the
/// number as a further street (`ParsedLocation.otherStreets`), so the street is found by its name and, when the
/// name is unknown, the number alone may find the road (a gazetteer built with OS Open Roads knows each link's
/// number as a street of that name). A number written alone (`ON OR NEAR A40`) stays the street; a number with
/// road words beside it (`M25 J10`, `EASTBOUND M4 MOTORWAY`) is left as it is read today.
enum RoadNumbers {
    /// True for a road number's shape: `A`, `B` or `M`, then 1 to 4 digits without a leading zero
    /// (Great Britain's numbers run A1…A5225, B1…B9xxx, M1…M621).
    static func isRoadNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...5).contains(bytes.count), [UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "M")].contains(bytes[0]),
              bytes[1] != UInt8(ascii: "0") else { return false }
        return bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension LocationReading {
    /// A road number not yet given a role at token `i`.
    func isRoadNumber(_ i: Int) -> Bool {
        tokens[i].role == nil && tokens[i].hasDigit && tokens[i].startsWithLetter && RoadNumbers.isRoadNumber(tokens[i].text)
    }

    /// Whether the tokens `r` (the part left once a road number is taken off) can name the street: a name word
    /// first and last, no road word (`J`, `MOTORWAY`, `NORTHBOUND`…) nor word with a digit (`J10`), not only a street type
    /// (`A3 ROAD`) and not only place names (`A3 KINGSTON` keeps its reading: the number is the street, the
    /// place where).
    func namesStreetBesideNumber(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, isNameWord(r.lowerBound), isNameWord(r.upperBound - 1), !coveredByPlaces(r),
              r.contains(where: { !isTypeWord($0) }) else { return false }
        return !r.contains { AddressWords.roadWords.contains(tokens[$0].text) || tokens[$0].hasDigit }
    }

    /// Takes road numbers written before or after a street's name (`A3 KINGSTON BY PASS`), or as a part of
    /// their own beside a part naming a street (`KINGSTON BY PASS (A3)`), out of the segments, reading each
    /// as a further street. Segments left empty are removed.
    mutating func readRoadNumbers(_ segs: inout [Range<Int>]) {
        var numbers: [Int] = []
        var parts: [Range<Int>] = []
        for s in segs {
            guard s.count >= 2 else { parts.append(s); continue }
            // Before the name, after a house number if one is written first (`12 A13 COMMERCIAL RD`).
            let first = tokens[s.lowerBound].isNumber ? numberEnd(at: s.lowerBound, end: s.upperBound) : s.lowerBound
            if first + 1 < s.upperBound, isRoadNumber(first), namesStreetBesideNumber(first + 1..<s.upperBound) {
                numbers.append(first)
                // The house number stays a part before the street (`316, HIGH STREET`).
                if first > s.lowerBound { parts.append(s.lowerBound..<first) }
                parts.append(first + 1..<s.upperBound)
            } else if first < s.upperBound - 1, isRoadNumber(s.upperBound - 1),
                      namesStreetBesideNumber(first..<s.upperBound - 1) {
                numbers.append(s.upperBound - 1)
                parts.append(s.lowerBound..<s.upperBound - 1)
            } else {
                parts.append(s)
            }
        }
        segs = parts
        // A number in a part of its own, when another part names a street by name.
        let alone = segs.indices.filter { segs[$0].count == 1 && isRoadNumber(segs[$0].lowerBound) }
        if !alone.isEmpty, segs.contains(where: namesStreetBesideNumber) {
            for k in alone { numbers.append(segs[k].lowerBound) }
            segs = segs.indices.filter { !alone.contains($0) }.map { segs[$0] }
        }
        for i in numbers.sorted() { setStreet(StreetRun(range: i..<i + 1), slot: .other) }
    }
}
