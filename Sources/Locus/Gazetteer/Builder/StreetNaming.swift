/// Street names in the canonical form the normaliser gives a street (`High St` → `HIGH STREET`,
/// `St John's Rd` → `SAINT JOHNS ROAD`), so that names from sources and from crime records meet.
enum StreetNaming {
    static let normaliser = Normaliser()

    /// The canonical form of a text written as a street name; the text's canonical words when the
    /// normaliser reads no street in it.
    static func canonical(_ text: String) -> String {
        normaliser.parse(text).street?.text ?? CanonicalText.string(text)
    }

    /// The street a text names when it is nothing but a street (a part of a bus-stop name such as
    /// `Kensington Church St`); nil when it names a landmark, a place or a premises (`Marble Arch`).
    static func street(only text: String) -> String? {
        let parsed = normaliser.parse(text)
        guard let street = parsed.street, parsed.premisesName == nil, parsed.buildingName == nil,
              parsed.places.isEmpty, parsed.houseNumber == nil, parsed.crossStreet == nil,
              parsed.subBuildings.isEmpty, parsed.qualifiers.isEmpty else { return nil }
        return street.text
    }
}
