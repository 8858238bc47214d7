/// A gazetteer street that a written street may mean, with the faults of reading it so.
struct StreetReading: Sendable {
    var street: GazetteerStreet
    /// Spelling, type and word faults of the name comparison.
    var faults: [Fault]
    /// Which written street it reads (0 = the parse's street, 1 = the cross street, then others).
    var source: Int
    /// False when the house number was written against another name (`6 BABER BRIDGE PARADE, HOUNSLOW ROAD`:
    /// 6 is the parade's, not Hounslow Road's).
    var numbered = true
}

/// Finds the streets a written name may mean, never by scanning: the exact canonical name first, then the
/// postings of the rarest name word (or its typo and joined-word forms), compared word by word.
struct StreetFinder {
    let lookups: MatchLookups
    /// A posting list longer than this is not read (the word says too little to block on).
    static let maxPostings = 800

    /// Streets for the written street `text` (canonical words, type included where written); when none, for
    /// the text respelled (a misspelt or joined street type, a joined SAINT), with a spelling fault. Remembered
    /// by text: records name the same streets over and over.
    func find(text: String, source: Int) -> [StreetReading] {
        guard !text.isEmpty else { return [] }
        let found = lookups.streetReadings(text) {
            let written = search(text)
            guard written.isEmpty, let respelled = respelling(text) else { return written }
            return search(respelled).map {
                var reading = $0
                reading.faults.append(Fault(Scoring.streetSpelling, penalty: 3))
                return reading
            }
        }
        guard source != 0 else { return found }
        return found.map { var reading = $0; reading.source = source; return reading }
    }

    /// The text with a street type a keyboard slip or a lost space hid (`SPENCER ROD`, `WHITE HART LNE`,
    /// `FRIARS STILERD`) and a SAINT run into its name (`STMARGARETS ROAD`) written out; nil when nothing
    /// changes. Only words no street name contains are read so.
    func respelling(_ text: String) -> String? {
        var words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        var changed = false
        func unknown(_ word: String) -> Bool {
            StreetTypes.canonicalType(word) == nil && lookups.streetFrequency(word) == 0
        }
        for i in words.indices where words[i].hasPrefix("ST") && words[i].utf8.count >= 5 && unknown(words[i]) {
            let rest = String(words[i].dropFirst(2))
            if lookups.streetFrequency(rest) > 0 {
                words[i] = "SAINT " + rest
                changed = true
            }
        }
        if let last = words.last, unknown(last) {
            if words.count >= 2, let type = Self.misspeltType(last) {
                words[words.count - 1] = type
                changed = true
            } else if let (name, type) = Self.joinedType(last), lookups.streetFrequency(name) > 0 {
                words[words.count - 1] = name + " " + type
                changed = true
            }
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// The street type a word is a slip of: its letters in order with some left out (`LNE`, `ROD`), or one
    /// edit away when it is 4+ letters (`RAOD`, `STRET`); nil when none or more than one type fits.
    static func misspeltType(_ word: String) -> String? {
        guard word.utf8.count >= 3 else { return nil }
        let fits = StreetTypes.all.filter { type in
            guard type.first == word.first, type.utf8.count > 2 else { return false }
            if isSubsequence(word, of: type) { return true }
            return word.utf8.count >= 4 && TypoKeys.distance(word, type) <= 1
        }
        return fits.count == 1 ? fits.first : nil
    }

    /// A word ending in a street type's written form after a name of 3+ letters (`STILERD` → STILE, ROAD).
    static func joinedType(_ word: String) -> (name: String, type: String)? {
        for length in stride(from: min(word.utf8.count - 3, 10), through: 2, by: -1) {
            let form = String(word.suffix(length))
            if let type = StreetTypes.canonicalType(form), StreetTypes.ambiguousBeforeName[form] == nil || length > 2 {
                return (String(word.dropLast(length)), type)
            }
        }
        return nil
    }

    private static func isSubsequence(_ short: String, of long: String) -> Bool {
        var rest = long.utf8[...]
        for byte in short.utf8 {
            guard let at = rest.firstIndex(of: byte) else { return false }
            rest = rest[rest.index(after: at)...]
        }
        return true
    }

    /// The search behind `find`, with `source` 0.
    private func search(_ text: String) -> [StreetReading] {
        let source = 0
        var readings: [StreetReading] = []
        var seen: Set<Int64> = []
        for street in lookups.streets(named: text) where seen.insert(street.id).inserted {
            readings.append(StreetReading(street: street, faults: [], source: source))
        }
        if !readings.isEmpty { return readings }
        let words = text.split(separator: " ").map(String.init)
        // Each written word's possible gazetteer forms, with the edits they cost.
        let forms: [[(token: String, distance: Int)]] = words.map {
            StreetTypes.all.contains($0) ? [(token: $0, distance: 0)] : tokenForms($0)
        }
        // Block on the name word whose forms have the fewest postings.
        var best: (total: Int, ids: [Int64])?
        for (i, options) in forms.enumerated() where !options.isEmpty {
            if StreetTypes.all.contains(words[i]) && words.count > 1 { continue }
            let chosen = options.prefix(4)
            let total = chosen.reduce(0) { $0 + lookups.streetFrequency($1.token) }
            if total == 0 || total > Self.maxPostings { continue }
            if let current = best, current.total <= total { continue }
            best = (total, chosen.flatMap { lookups.streetPostings($0.token) })
        }
        guard let block = best else { return [] }
        for id in Set(block.ids).sorted() {
            guard let street = lookups.street(id: id) else { continue }
            if let faults = Self.compare(words: words, forms: forms, with: lookups.words(of: street)) {
                readings.append(StreetReading(street: street, faults: faults, source: source))
            }
        }
        return readings
    }

    /// A written word's gazetteer forms: itself when indexed, else its typo neighbours.
    private func tokenForms(_ word: String) -> [(token: String, distance: Int)] {
        if lookups.streetFrequency(word) > 0 { return [(word, 0)] }
        return lookups.typoCandidates(word).filter { $0.distance > 0 }
    }

    /// The faults of reading the written words as the gazetteer name's words, or nil when they do not match.
    static func compare(words: [String], forms: [[(token: String, distance: Int)]], with candidate: [String])
        -> [Fault]?
    {
        func isType(_ w: String) -> Bool { StreetTypes.all.contains(w) }
        /// Word-by-word faults of equally long lists, nil on a word that does not match.
        func aligned(_ count: Int) -> [Fault]? {
            var faults: [Fault] = []
            for i in 0..<count where words[i] != candidate[i] {
                if isType(words[i]) && isType(candidate[i]) {
                    faults.append(Fault(Scoring.streetTypeMismatch, penalty: 5))
                } else if let edit = forms[i].first(where: { $0.token == candidate[i] })?.distance {
                    faults.append(spellingFault(edits: edit, length: words[i].utf8.count))
                } else {
                    return nil
                }
            }
            return faults
        }
        if candidate.count == words.count { return aligned(words.count) }
        if candidate.count == words.count + 1, let last = candidate.last, isType(last), words.count >= 1 {
            return aligned(words.count).map { $0 + [Fault(Scoring.streetTypeMissing, penalty: 3)] }
        }
        if words.count == candidate.count + 1, let last = words.last, isType(last), candidate.count >= 1,
           !candidate.allSatisfy(isType) {
            return aligned(candidate.count).map { $0 + [Fault(Scoring.streetTypeMismatch, penalty: 5)] }
        }
        if candidate.joined() == words.joined() {
            return [Fault(Scoring.streetSpelling, penalty: 3)]  // joined or split words
        }
        return nil
    }

    /// A misspelt word costs more per edit when it is short (fewer letters confirm it).
    static func spellingFault(edits: Int, length: Int) -> Fault {
        let perEdit = length >= 9 ? 4.0 : (length >= 6 ? 6.0 : 8.0)
        return Fault(Scoring.streetSpelling, penalty: perEdit * Double(edits))
    }
}
