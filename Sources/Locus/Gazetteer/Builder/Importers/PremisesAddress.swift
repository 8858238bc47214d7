/// The address lines of a premises record read by the normaliser into house number, sub-unit, building name,
/// street and locality: `Unit 3, 51 Narrow Street` / `152 - 154 Addington Road, South Croydon` /
/// `Outside 119 Broadway`. The lines have no fixed roles, so they are read as one comma-separated text.
struct PremisesAddress: Equatable {
    var number: Int?
    var suffix: String?
    var numberEnd: Int?
    var subUnit: String?
    /// A building or premises name in the address lines (canonical).
    var building: String?
    /// Canonical street name.
    var street: String?
    /// The locality as written in the lines (its canonical form is `CanonicalText.string` of it).
    var locality: String?

    /// The food hygiene file's stand-in for an address it withholds (a home caterer's, until inspected): no
    /// street of that name exists, so the line is not read.
    static let withheldLinePrefix = "address details restricted"

    init(lines: [String]) {
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.lowercased().hasPrefix(Self.withheldLinePrefix) }
            .joined(separator: ", ")
        let parsed = StreetNaming.normaliser.parse(text)
        number = parsed.houseNumber?.number
        suffix = parsed.houseNumber?.suffix
        numberEnd = parsed.houseNumber?.rangeEnd
        subUnit = parsed.subBuildings.first?.text
        building = parsed.buildingName?.text ?? parsed.premisesName?.text
        street = parsed.street?.text
        if let place = parsed.places.first(where: { $0.kind == .locality }) {
            let bytes = Array(text.utf8)
            let span = place.span.clamped(to: 0..<bytes.count)
            locality = String(decoding: bytes[span], as: UTF8.self)
        }
    }
}
