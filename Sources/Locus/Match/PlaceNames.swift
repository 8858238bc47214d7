/// The names under which a text may name a landmark (a named premises, a station or a bus stop), read from its
/// parse: the rules for bus stops and named places (README, "Stops and named places").
///
/// - A premises or building name is looked up as written (`WATNEY MARKET`, `HOLY TRINITY BROMPTON`).
/// - Words saying the place is a bus stop are not part of its name: `BUS STOP WATNEY MARKET`, `WATNEY MARKET BUS
///   STOP` and `STOP K WATNEY MARKET` are looked up as `WATNEY MARKET`; `BUS STOP` alone names no landmark (the
///   stop is then placed by the street, junction or address written with it).
/// - A street whose type is an open space's word (`ALTAB ALI PARK`, `CLERKENWELL GREEN`) is also looked up as a
///   landmark when no house number is written (`49 BROOK GREEN` is an address on the street): a stop or premises
///   of exactly that name stands at that place, while a stop named after an ordinary
///   street (`LOTS ROAD`) stands at one end of it and says nothing of where along it the place is.
enum PlaceNames {
    /// Street-type words that also name the open space itself.
    static let placeTypes: Set<String> = ["PARK", "GREEN", "COMMON", "FIELDS", "HEATH"]

    /// The landmark names of `parse`, most specific first, each once.
    static func landmarkNames(_ parse: ParsedLocation) -> [String] {
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty, !names.contains(name) else { return }
            names.append(name)
        }
        for written in [parse.premisesName?.text, parse.buildingName?.text] {
            guard let written else { continue }
            add(withoutStopWords(written))
        }
        if parse.houseNumber == nil, let street = parse.street, let type = street.type, placeTypes.contains(type) {
            add(street.text)
        }
        if parse.street == nil, names.isEmpty {
            for place in parse.places where place.kind == .locality && !place.known { add(place.text) }
        }
        return names
    }

    /// True when `name` says the place is a bus stop (`BUS STOP`, `BUS STOP K`, `STOP K`, `… BUS STOP`).
    static func namesStop(_ name: String) -> Bool {
        withoutStopWords(name) != name
    }

    /// `name` without the words saying it is a bus stop, and the stop's letter after them; nil when nothing
    /// else is left. A name without such words is returned as it is.
    static func withoutStopWords(_ name: String) -> String? {
        var words = name.split(separator: " ").map(String.init)
        if words.count >= 2, words[words.count - 2] == "BUS", words[words.count - 1] == "STOP" {
            words.removeLast(2)
        } else if words.first == "BUS", words.count >= 2, words[1] == "STOP" {
            words.removeFirst(2)
            if let letter = words.first, isStopLetter(letter) { words.removeFirst() }
        } else if words.first == "STOP", words.count >= 2, isStopLetter(words[1]) {
            words.removeFirst(2)
        } else {
            return name
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// A stop's letter as TfL paints it on the flag (`K`).
    static func isStopLetter(_ word: String) -> Bool {
        word.utf8.count == 1 && word.utf8.first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } == true
    }
}
