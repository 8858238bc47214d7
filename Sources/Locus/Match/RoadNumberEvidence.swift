/// A road number written beside a street's name (`A3 KINGSTON BY PASS`: the normaliser's `RoadNumbers`) as
/// evidence for which street of that name is meant.
///
/// When the gazetteer knows the number as a street (OS Open Roads: each link's `road_classification_number`
/// names the same line), the readings of the name on or beside a street of that number are kept and the
/// others dropped: the same name elsewhere without that number is another road, not a rival. When no reading of
/// the name lies beside the number (or the gazetteer does not know the number), the readings stand as found;
/// when the name is unknown, the number itself is a written street and finds the road alone.
extension CandidateBuilder {
    /// A street of the name lies beside the number's street when their extents come this close (metres): an
    /// Open Roads link and its alias share one line, so they overlap; 100 m allows a name known only from
    /// premises and stops set back from the carriageway.
    static let roadNumberReach = 100.0

    /// `found` narrowed to the streets carrying a road number the text wrote, when any does.
    func carryingRoadNumbers(_ found: [StreetReading], finder: StreetFinder) -> [StreetReading] {
        let numbers = parse.otherStreets.map(\.text).filter(RoadNumbers.isRoadNumber)
        guard !numbers.isEmpty, found.count > 1 else { return found }
        let roads = numbers.flatMap { finder.find(text: $0, source: 0) }.filter { $0.faults.isEmpty }.map(\.street)
        guard !roads.isEmpty else { return found }
        let kept = found.filter { reading in
            numbers.contains(reading.street.name) || roads.contains { $0.extentGap(to: reading.street) <= Self.roadNumberReach }
        }
        return kept.isEmpty ? found : kept
    }
}
