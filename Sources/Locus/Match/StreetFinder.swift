/// A gazetteer street that a written street may mean, with the faults of reading it so.
struct StreetReading: Sendable {
    var street: GazetteerStreet
    /// Spelling, type and word faults of the name comparison.
    var faults: [Fault]
    /// Which written street it reads (0 = the parse's street, 1 = the cross street, then others).
    var source: Int
}

/// Finds the streets a written name may mean, never by scanning: the exact canonical name first, then the
/// postings of the rarest name word (or its typo and joined-word forms), compared word by word.
struct StreetFinder {
    let store: GazetteerStore
    /// A posting list longer than this is not read (the word says too little to block on).
    static let maxPostings = 3000

    /// Streets for `name` (name words without type) and canonical `type`.
    func find(name: String, type: String?, source: Int) -> [StreetReading] {
        let full = type.map { name.isEmpty ? $0 : name + " " + $0 } ?? name
        guard !full.isEmpty else { return [] }
        var readings: [StreetReading] = []
        var seen: Set<Int64> = []
        for street in (try? store.streets(named: full)) ?? [] where seen.insert(street.id).inserted {
            readings.append(StreetReading(street: street, faults: [], source: source))
        }
        if !readings.isEmpty { return readings }
        let words = name.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        // Each written word's possible gazetteer forms, with the edits they cost.
        var forms: [[(token: String, distance: Int)]] = []
        for word in words {
            forms.append(tokenForms(word))
        }
        // Block on the word whose forms have the fewest postings.
        var best: (index: Int, ids: [Int64])?
        for (i, options) in forms.enumerated() where !options.isEmpty {
            if StreetTypes.all.contains(words[i]) && words.count > 1 { continue }
            var ids: [Int64] = []
            var total = 0
            for option in options.prefix(4) {
                let df = (try? store.documentFrequency(token: option.token, kind: .street)) ?? 0
                total += df
            }
            if total == 0 || total > Self.maxPostings { continue }
            if let current = best, current.ids.count <= total { continue }
            for option in options.prefix(4) {
                ids += (try? store.entities(token: option.token, kind: .street)) ?? []
            }
            best = (i, ids)
        }
        guard let block = best else { return [] }
        for id in Set(block.ids).sorted() {
            guard let street = try? store.street(id: id) else { continue }
            if let faults = Self.compare(words: words, type: type, forms: forms, with: street.name) {
                readings.append(StreetReading(street: street, faults: faults, source: source))
            }
        }
        return readings
    }

    /// A written word's gazetteer forms: itself when indexed, else its typo neighbours.
    private func tokenForms(_ word: String) -> [(token: String, distance: Int)] {
        if ((try? store.documentFrequency(token: word, kind: .street)) ?? 0) > 0 { return [(word, 0)] }
        return (try? store.typoCandidates(word))?.filter { $0.distance > 0 } ?? []
    }

    /// The faults of reading the written words as the gazetteer name, or nil when they do not match.
    static func compare(words: [String], type: String?, forms: [[(token: String, distance: Int)]],
                        with gazetteerName: String) -> [Fault]? {
        var candidateWords = gazetteerName.split(separator: " ").map(String.init)
        var candidateType: String?
        if candidateWords.count > 1, let last = candidateWords.last, StreetTypes.all.contains(last) {
            candidateType = last
            candidateWords.removeLast()
        } else if candidateWords.count == 1, type == nil, StreetTypes.all.contains(candidateWords[0]) {
            return nil
        }
        var faults: [Fault] = []
        if candidateWords.count == words.count {
            for (i, word) in words.enumerated() where word != candidateWords[i] {
                guard let edit = forms[i].first(where: { $0.token == candidateWords[i] })?.distance else { return nil }
                faults.append(spellingFault(edits: edit, length: word.utf8.count))
            }
        } else if candidateWords.joined() == words.joined() {
            faults.append(Fault(Scoring.streetSpelling, penalty: 3))  // joined or split words
        } else {
            return nil
        }
        switch (type, candidateType) {
        case let (written?, found?) where written != found:
            faults.append(Fault(Scoring.streetTypeMismatch, penalty: 5))
        case (nil, _?):
            faults.append(Fault(Scoring.streetTypeMissing, penalty: 3))
        case (_?, nil):
            faults.append(Fault(Scoring.streetTypeMismatch, penalty: 5))
        default:
            break
        }
        return faults
    }

    /// A misspelt word costs more per edit when it is short (fewer letters confirm it).
    static func spellingFault(edits: Int, length: Int) -> Fault {
        let perEdit = length >= 9 ? 4.0 : (length >= 6 ? 6.0 : 8.0)
        return Fault(Scoring.streetSpelling, penalty: perEdit * Double(edits))
    }
}
