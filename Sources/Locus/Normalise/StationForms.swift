/// Station names written the way people write them: `Blackfriars LU`, `Canary Wharf EL`, `Edgware Road (Bak)`,
/// `KINGS X STN`, `ST PAULS TUBE`, `Heathrow T5` — read into one comparable key (`BLACKFRIARS`, `CANARY WHARF`,
/// `EDGWARE ROAD`, `KINGS CROSS`, `SAINT PAULS`, `HEATHROW TERMINAL 5`) with the mode or line written.
///
/// The same key is made from the gazetteer's station names (`Edgware Road (Bakerloo) Underground Station`),
/// so the two meet whatever the spelling: apostrophes dropped, `&` → `AND`, `ST` before a name → `SAINT`, a
/// street type's abbreviation → the full word, `X` → `CROSS`, `JN`/`JCT` → `JUNCTION`.
public enum StationForms {
    /// A transport mode, written (`LU`, `DLR`, `EL`…) or read from a station's name.
    public enum Mode: String, Sendable, Equatable, Codable {
        case underground, dlr, rail, tram, river
    }

    /// One reading of a text as a station name.
    public struct Reading: Sendable, Equatable {
        /// The station key (`CANARY WHARF`).
        public var key: String
        /// The mode written, if any (`EL` → rail).
        public var mode: Mode?
        /// The line written (`(Bak)` → `BAKERLOO`).
        public var line: String?
        /// True when a mode, a line or a station word was written: the text says it is a station.
        public var marked: Bool
        /// True when the text holds nothing but the station and its markers (no qualifier, no other part
        /// besides places and postcodes): a bare name can be read as a station only then.
        public var whole: Bool
        /// The comma-separated part it was read from.
        public var part: Int
    }

    // MARK: Keys

    /// The station key of canonical words (markers already removed).
    public static func key(_ words: [String]) -> String {
        var out: [String] = []
        for (i, word) in words.enumerated() {
            let last = i == words.count - 1
            switch word {
            case "ST" where !last, "ST" where words.count == 1: out.append("SAINT")
            case "X": out.append(i == 0 ? "X" : "CROSS")
            case "JN", "JCT", "JNC", "JUNC", "JUNCT": out.append("JUNCTION")
            case "LHR": out.append("HEATHROW")
            default:
                if word.count >= 2, word.count <= 3, word.first == "T", let n = Int(word.dropFirst()), n < 10 {
                    out.append("TERMINAL")
                    out.append(String(n))
                } else if word == "AIRPORT", i + 1 < words.count, words[i + 1].hasPrefix("TERMINAL") {
                    continue
                } else if i > 0, let type = StreetTypes.canonicalType(word) {
                    out.append(type)
                } else {
                    out.append(word)
                }
            }
        }
        return out.joined(separator: " ")
    }

    /// The mode a station's name or written marker says (`Rail Station` → rail).
    static let modeWords: [(words: [String], mode: Mode?)] = [
        (["ELIZABETH", "LINE"], .rail), (["NATIONAL", "RAIL"], .rail), (["TRAM", "STOP"], .tram),
        (["UNDERGROUND"], .underground), (["TUBE"], .underground), (["LU"], .underground), (["LUL"], .underground),
        (["DLR"], .dlr), (["NR"], .rail), (["BR"], .rail), (["EL"], .rail), (["LO"], .rail),
        (["OVERGROUND"], .rail), (["RAIL"], .rail), (["RAILWAY"], .rail),
        (["TRAM"], .tram), (["TRAMLINK"], .tram), (["TRAMSTOP"], .tram), (["TFL"], nil),
        (["STATION"], nil), (["STN"], nil), (["STA"], nil), (["STATN"], nil),
    ]

    /// Underground lines by every usual short form, canonical words → line.
    static let lines: [String: String] = [
        "BAK": "BAKERLOO", "BAKERLOO": "BAKERLOO", "CEN": "CENTRAL", "CENTRAL": "CENTRAL", "CIRC": "CIRCLE",
        "CIRCLE": "CIRCLE", "DIST": "DISTRICT", "DISTRICT": "DISTRICT", "H AND C": "HAMMERSMITH AND CITY",
        "HAMMERSMITH AND CITY": "HAMMERSMITH AND CITY", "JUB": "JUBILEE", "JUBILEE": "JUBILEE",
        "MET": "METROPOLITAN", "METROPOLITAN": "METROPOLITAN", "NOR": "NORTHERN", "NORTHERN": "NORTHERN",
        "PICC": "PICCADILLY", "PICCADILLY": "PICCADILLY", "VIC": "VICTORIA", "W AND C": "WATERLOO AND CITY",
        "DIST AND PICC": "DISTRICT", "CIRCLE AND H AND C": "HAMMERSMITH AND CITY",
    ]

    /// The line a bracket's words name (`BAK`, `H AND C LINE`), if any.
    static func line(_ words: [String]) -> String? {
        var words = words
        if words.last == "LINE" || words.last == "LINES" { words.removeLast() }
        return lines[words.joined(separator: " ")]
    }

    /// The mode of marker words (`DLR`), and whether they are markers at all.
    static func marker(_ words: [String]) -> (isMarker: Bool, mode: Mode?) {
        var words = words
        var mode: Mode?
        var any = false
        while !words.isEmpty {
            guard let hit = modeWords.first(where: { words.count >= $0.words.count
                && Array(words.suffix($0.words.count)) == $0.words }) else { return (false, nil) }
            words.removeLast(hit.words.count)
            mode = mode ?? hit.mode
            any = true
        }
        return (any, mode)
    }

    // MARK: Reading a text

    /// Qualifier words a station name may follow (`O/S`, `NR`, `BUS STOP OPP`).
    static let leading: [[String]] = [
        ["BUS", "STOP"], ["BUS", "STN"], ["O", "S"], ["OUTSIDE"], ["OPP"], ["OPPOSITE"], ["NR"], ["NEAR"], ["AT"],
        ["IN"], ["INSIDE"], ["R", "O"], ["REAR", "OF"], ["ENTRANCE", "TO"], ["ENTRANCE", "OF"], ["ENTRANCE"],
        ["FORECOURT", "OF"], ["OUTSIDE", "OF"], ["ADJ"], ["ADJACENT", "TO"], ["BY"], ["STOP"],
    ]

    /// The readings of `text` as a station, best first: each comma-separated part that could be a station's
    /// name, with every shorter form left by dropping markers written after it.
    public static func readings(_ text: String) -> [Reading] {
        let parts = split(text)
        var out: [Reading] = []
        for (index, part) in parts.enumerated() {
            var words = part.words
            var qualified = false
            var stripped = true
            while stripped {
                stripped = false
                for phrase in leading where words.count > phrase.count && Array(words.prefix(phrase.count)) == phrase {
                    words.removeFirst(phrase.count)
                    qualified = true
                    stripped = true
                }
            }
            dropStandNumber(&words)
            var mode: Mode?
            var line: String?
            var marked = false
            var keep: [String] = []
            for bracket in part.brackets {
                if let l = self.line(bracket) {
                    line = l
                    mode = mode ?? .underground
                    marked = true
                } else if case let m = marker(bracket), m.isMarker {
                    mode = mode ?? m.mode
                    marked = true
                } else if bracket.allSatisfy({ LondonPlaces.kinds[$0] == .noise }) {
                    continue
                } else {
                    keep += bracket
                }
            }
            let others = parts.indices.filter { $0 != index }
            let othersArePlaces = others.allSatisfy { parts[$0].isPlaceOrPostcode }
            var forms: [(words: [String], marked: Bool, mode: Mode?)] = [(words, marked, mode)]
            // Markers written after the name: every shorter form, so a name that ends in a marker word itself
            // (`ACTON MAIN LINE`) is still tried whole first.
            var rest = words
            var restMode = mode
            var restMarked = marked
            while rest.count > 1 {
                if let l = lineWords(rest) {
                    rest.removeLast(l.count)
                    line = line ?? l.line
                    restMode = restMode ?? .underground
                    restMarked = true
                    forms.append((rest, restMarked, restMode))
                    continue
                }
                guard let hit = modeWords.first(where: { rest.count > $0.words.count
                    && Array(rest.suffix($0.words.count)) == $0.words }) else { break }
                rest.removeLast(hit.words.count)
                restMode = restMode ?? hit.mode
                restMarked = true
                forms.append((rest, restMarked, restMode))
            }
            // Leading markers (`LU BLACKFRIARS`, `STATION: BANK`).
            if let first = forms.last, first.words.count > 1, case let m = marker([first.words[0]]), m.isMarker {
                forms.append((Array(first.words.dropFirst()), true, first.mode ?? m.mode))
            }
            for form in forms.reversed() where !form.words.isEmpty {
                let reading = Reading(key: key(form.words + keep), mode: form.mode, line: line, marked: form.marked,
                                      whole: !qualified && othersArePlaces, part: index)
                if !out.contains(reading) { out.append(reading) }
                if !keep.isEmpty {
                    let bare = Reading(key: key(form.words), mode: form.mode, line: line, marked: form.marked,
                                       whole: !qualified && othersArePlaces, part: index)
                    if !out.contains(bare) { out.append(bare) }
                }
            }
        }
        // Longest forms first: the fuller name is the surer reading.
        return out.sorted { $0.key.count > $1.key.count }
    }

    /// Drops a stand's or dock's number written after a station word (`SOUTHWARK STATION 1`, `BANK STN 2`: the
    /// first or second cycle dock, taxi rank or entrance named after the station), which is no part of its name.
    /// Only after a station word: `HEATHROW TERMINAL 4` and `TERMINAL 5` keep theirs.
    static func dropStandNumber(_ words: inout [String]) {
        guard words.count >= 3, let last = words.last, last.utf8.count <= 2,
              last.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              ["STATION", "STN", "STA", "STATN"].contains(words[words.count - 2]) else { return }
        words.removeLast()
    }

    /// A line written after the name (`BAKERLOO LINE`, `JUBILEE`), with its words.
    static func lineWords(_ words: [String]) -> (count: Int, line: String)? {
        for count in [4, 3, 2] where words.count > count {
            let tail = Array(words.suffix(count))
            if tail.last == "LINE", let l = line(tail) { return (count, l) }
        }
        return nil
    }

    /// One comma-separated part: its words outside brackets, and each bracket's words.
    struct Part {
        var words: [String] = []
        var brackets: [[String]] = []

        var isPlaceOrPostcode: Bool {
            let all = words + brackets.flatMap { $0 }
            if all.isEmpty { return true }
            if LondonPlaces.kinds[all.joined(separator: " ")] != nil { return true }
            let text = all.joined(separator: " ")
            return Postcode(text) != nil
        }
    }

    /// The parts of a text, split at commas and semicolons; brackets kept apart.
    static func split(_ text: String) -> [Part] {
        var parts: [Part] = []
        var current = Part()
        var buffer = ""
        var depth = 0
        func flushWords() {
            let words = CanonicalText.words(buffer)
            buffer = ""
            if depth > 0 {
                if !words.isEmpty { current.brackets.append(words) }
            } else {
                current.words += words
            }
        }
        for ch in text {
            switch ch {
            case "(", "[":
                flushWords()
                depth += 1
            case ")", "]":
                flushWords()
                depth = max(0, depth - 1)
            case "," where depth == 0, ";" where depth == 0:
                flushWords()
                if !current.words.isEmpty || !current.brackets.isEmpty { parts.append(current) }
                current = Part()
            default:
                buffer.append(ch)
            }
        }
        flushWords()
        if !current.words.isEmpty || !current.brackets.isEmpty { parts.append(current) }
        return parts
    }

    // MARK: Gazetteer names

    /// The keys, mode and line of a gazetteer station name (`Edgware Road (Bakerloo) Underground Station` →
    /// `EDGWARE ROAD`, underground, BAKERLOO); nil for a record that is no station of its own (`Rail-Air`
    /// coach links, a stop named `Station - Street`).
    public static func gazetteerForms(_ name: String) -> (keys: [String], mode: Mode?, line: String?)? {
        if name.contains(" - ") || name.contains("Rail-Air") || name.contains("Bus Stn")
            || name.contains("Megabus") || name.contains("Waterbus") { return nil }
        let parts = split(name)
        guard parts.count == 1 else { return nil }
        var words = parts[0].words
        var mode: Mode?
        var line: String?
        var keep: [String] = []
        while let hit = modeWords.first(where: {
            words.count > $0.words.count && Array(words.suffix($0.words.count)) == $0.words }) {
            words.removeLast(hit.words.count)
            mode = mode ?? hit.mode
        }
        for bracket in parts[0].brackets {
            if let l = self.line(bracket) {
                line = l
            } else if bracket.first == "FOR" || bracket.allSatisfy({ LondonPlaces.kinds[$0] == .noise }) {
                continue
            } else if LondonPlaces.kinds[bracket.joined(separator: " ")] != nil, words.count > 1 {
                // `Queenstown Road (Battersea)`: a place that only says where; kept after a one-word name,
                // which alone may be a district's (`Kensington (Olympia)`).
                continue
            } else {
                keep += bracket
            }
        }
        if words.last == "PIER" { mode = .river }
        if line != nil { mode = mode ?? .underground }
        var keys = [key(words + keep)]
        if words.first == "LONDON", words.count > 1 {
            let rest = Array(words.dropFirst())
            if rest.count > 1 || StreetTypes.canonicalType(rest[0]) == nil { keys.append(key(rest + keep)) }
        }
        if words.last == "INTERNATIONAL" || words.last == "LL" {
            for k in keys where k.hasSuffix(" INTERNATIONAL") || k.hasSuffix(" LL") {
                var w = k.split(separator: " ").map(String.init)
                while w.last == "LL" || w.last == "INTERNATIONAL" { w.removeLast() }
                keys.append(w.joined(separator: " "))
            }
        }
        // Airport terminals: `Heathrow Terminals 2 & 3` is each terminal, with or without the airport.
        for k in keys {
            let w = k.split(separator: " ").map(String.init)
            guard let t = w.firstIndex(where: { $0 == "TERMINAL" || $0 == "TERMINALS" }) else { continue }
            let numbers = w[(t + 1)...].filter { Int($0) != nil }
            for n in numbers {
                keys.append((w[..<t] + ["TERMINAL", n]).joined(separator: " "))
                keys.append("TERMINAL \(n)")
            }
        }
        var unique: [String] = []
        for k in keys where !k.isEmpty && !unique.contains(k) { unique.append(k) }
        return (unique, mode, line)
    }
}
