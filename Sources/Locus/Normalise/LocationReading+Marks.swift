/// The reading's marking passes, in `read()`'s order: postcodes, noise words, qualifiers, then the canonical
/// form of every word (split out of Normaliser.swift, issue 17).
extension LocationReading {
    // MARK: Postcodes, noise, qualifiers

    mutating func markPostcodes() {
        // The same reading as `Postcode.find`, over the tokens, so that the canonical form reads the same again.
        // Only a word starting with a letter, holding a digit or followed by a number, can start a postcode, so
        // the scanner sees just such a word and the one after it.
        var buffer: [UInt8] = []
        var i = 0
        while i < tokens.count {
            let joinedNext = i + 1 < tokens.count && tokens[i + 1].breakBefore == .none && !tokens[i + 1].isAmpersand
                && !tokens[i].isAmpersand
            guard !tokens[i].isNumber, tokens[i].startsWithLetter, (2...7).contains(tokens[i].text.utf8.count),
                tokens[i].hasDigit || (joinedNext && tokens[i + 1].startsWithDigit)
            else {
                i += 1
                continue
            }
            buffer.removeAll(keepingCapacity: true)
            var word = tokens[i].text
            word.withUTF8 { buffer.append(contentsOf: $0) }
            let firstLength = buffer.count
            if joinedNext {
                var next = tokens[i + 1].text
                next.withUTF8 { buffer.append(contentsOf: $0) }
            }
            guard let hit = PostcodeScanner.read(buffer[...], firstLength: firstLength) else {
                i += 1
                continue
            }
            let first = i, last = i + hit.words - 1
            i = last + 1
            if hit.postcode?.level == .district, !districtStandsAsPostcode(first) { continue }
            let written = hit.postcode?.canonical ?? (first...last).map { tokens[$0].text }.joined(separator: " ")
            for k in first...last {
                tokens[k].role = .postcode
                tokens[k].canon = ""
            }
            tokens[first].canon = written
            if result.postcode == nil {
                result.postcode = PostcodeMention(
                    postcode: hit.postcode, text: written,
                    span: tokens[first].span.lowerBound..<tokens[last].span.upperBound)
            }
        }
    }

    /// A district alone (`SE1`) is a postcode when it is a London one, no flat or unit word names it and no
    /// street or road word stands beside it (`M4 MOTORWAY`, `A406 NORTH CIRCULAR ROAD`).
    func districtStandsAsPostcode(_ i: Int) -> Bool {
        let area = String(tokens[i].text.prefix { $0.isLetter })
        guard PostcodeAreas.london.contains(area) else { return false }
        if i > 0, tokens[i - 1].part == tokens[i].part {
            let before = tokens[i - 1].text
            if AddressWords.subBuildingKinds[before] != nil || AddressWords.roadWords.contains(before) { return false }
        }
        if i + 1 < tokens.count, tokens[i + 1].part == tokens[i].part {
            if isTypeWord(i + 1) || AddressWords.roadWords.contains(tokens[i + 1].text) { return false }
        }
        return true
    }

    mutating func markNoise() {
        var i = 0
        while i < tokens.count {
            guard let lexicon = tokens[i].lexicon, lexicon.startsNoise || lexicon.marksNumber else {
                i += 1
                continue
            }
            if tokens[i].role == nil, lexicon.startsNoise, let length = matchPhrase(AddressWords.noisePhrases, at: i) {
                for k in i..<i + length { tokens[k].role = .noise; tokens[k].canon = "" }
                i += length
                continue
            }
            if tokens[i].role == nil, lexicon.marksNumber, i + 1 < tokens.count,
                tokens[i + 1].isNumber, tokens[i + 1].part == tokens[i].part
            {
                // `NO 12`, and `NO NO 12` too, so that dropping one never puts another before the number.
                var k = i
                while k >= 0, tokens[k].part == tokens[i].part, tokens[k].role == nil,
                    tokens[k].lexicon?.marksNumber == true
                {
                    tokens[k].role = .noise
                    tokens[k].canon = ""
                    k -= 1
                }
            }
            i += 1
        }
    }

    /// The length of the first phrase written at `i` (all within one part).
    func matchPhrase(_ phrases: [[String]], at i: Int) -> Int? {
        for phrase in phrases where matches(phrase, at: i) { return phrase.count }
        return nil
    }

    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i + phrase.count <= tokens.count else { return false }
        for (k, word) in phrase.enumerated() {
            let t = i + k
            if tokens[t].text != word || tokens[t].role != nil || (k > 0 && tokens[t].part != tokens[i].part) { return false }
            if k > 0, tokens[t].breakBefore != .none { return false }
        }
        return true
    }

    /// True when token `i` opens a part (after a break, the start, or other qualifiers and noise).
    func opensPart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k].part == tokens[i].part {
            if tokens[k].role != .qualifier && tokens[k].role != .noise { return false }
            k -= 1
        }
        return true
    }

    mutating func markQualifiers() {
        var i = 0
        while i < tokens.count {
            guard tokens[i].role == nil, let lexicon = tokens[i].lexicon, !lexicon.qualifierPhrases.isEmpty else {
                i += 1
                continue
            }
            let atStart = opensPart(i)
            var matched = false
            for index in lexicon.qualifierPhrases {
                let phrase = AddressWords.qualifierPhrases[index]
                guard atStart || phrase.anywhere else { continue }
                guard matches(phrase.words, at: i) else { continue }
                let end = i + phrase.words.count
                // A qualifier must qualify something written after it, and not be a street's name
                // (`JUNCTION ROAD`).
                if phrase.words.count == 1, !phrase.anywhere, end < tokens.count, tokens[end].part == tokens[i].part, isTypeWord(end),
                    StreetTypes.ambiguousBeforeName[tokens[end].text] == nil
                {
                    continue
                }
                var last = end
                // `OPP TO`: a word that the canonical text would take into a longer phrase goes with it, so
                // that `OPPOSITE TO` reads as `OPPOSITE` again.
                if last < tokens.count, tokens[last].part == tokens[i].part, tokens[last].breakBefore == .none,
                    tokens[last].role == nil,
                    AddressWords.writtenQualifierTexts.contains(phrase.kind.canonicalText + " " + tokens[last].text)
                {
                    last += 1
                }
                let first = wordsJoiningQualifier(at: i, kind: phrase.kind)
                for k in first..<last { tokens[k].role = .qualifier; tokens[k].canon = "" }
                tokens[first].canon = phrase.kind.canonicalText
                result.qualifiers.append(
                    Qualifier(kind: phrase.kind, span: tokens[first].span.lowerBound..<tokens[last - 1].span.upperBound))
                i = last
                matched = true
                break
            }
            if !matched { i += 1 }
        }
    }

    /// `AT JCT`: the first of the words before qualifier `i` that its canonical text would take into a longer
    /// phrase read there (`AT JUNCTION OF`), so that the canonical form reads the same again; `i` when none.
    func wordsJoiningQualifier(at i: Int, kind: AddressWords.QualifierKind) -> Int {
        for count in stride(from: 3, through: 1, by: -1) where i - count >= 0 {
            let start = i - count
            guard (start..<i).allSatisfy({ tokens[$0].role == nil && tokens[$0].part == tokens[i].part }),
                (start + 1...i).allSatisfy({ tokens[$0].breakBefore == .none })
            else { continue }
            let text = (start..<i).map { tokens[$0].text }.joined(separator: " ") + " " + kind.canonicalText
            guard let phrase = AddressWords.writtenQualifierPhrases.first(where: {
                $0.kind == kind && $0.words.joined(separator: " ") == text
            }), phrase.anywhere || opensPart(start) else { continue }
            return start
        }
        return i
    }

    // MARK: Canonical words

    /// True when token `i` is a street-type form (`RD`, `ROAD`, `ST`).
    func isTypeWord(_ i: Int) -> Bool {
        tokens[i].lexicon?.streetType != nil
    }

    /// An alphabetic word that could be part of a name.
    func isNameWord(_ i: Int) -> Bool {
        !tokens[i].isNumber && tokens[i].role == nil && !tokens[i].isAmpersand && tokens[i].startsWithLetter
    }

    /// `ST`, `STE` and `DR` before a name (and not after one) are SAINT, SAINTE and DOCTOR.
    func isSaintPosition(_ i: Int) -> Bool {
        guard i + 1 < tokens.count, tokens[i + 1].part == tokens[i].part, tokens[i + 1].breakBefore == .none,
            isNameWord(i + 1), !isTypeWord(i + 1)
        else { return false }
        guard i > 0, tokens[i - 1].part == tokens[i].part else { return true }
        if tokens[i - 1].isNumber || tokens[i - 1].role == .qualifier || tokens[i - 1].role == .noise { return true }
        // After `UPPER`, `EAST`…, SAINT unless a place name follows (`UPPER ST MARTINS LANE`, `GREAT ST
        // HELENS`, but `EAST ST BARKING`).
        guard AddressWords.beforeSaint.contains(tokens[i - 1].text) else { return false }
        var end = i + 1
        while end < tokens.count, tokens[end].part == tokens[i].part, tokens[end].breakBefore == .none { end += 1 }
        return knownPlace(at: i + 1, limit: end) == nil
    }

    mutating func setDefaultCanonical() {
        for i in tokens.indices where tokens[i].canon == nil {
            if tokens[i].text.utf8.count == 1, i > 0, tokens[i - 1].part == tokens[i].part, tokens[i - 1].lexicon?.streetType != nil,
                endsPart(i), let direction = AddressWords.streetSuffixes[tokens[i].text]
            {
                // `HIGH STREET N`: a compass letter closing a street is its direction.
                tokens[i].canon = direction
            } else if let lexicon = tokens[i].lexicon {
                if let before = lexicon.beforeName {
                    tokens[i].canon = isSaintPosition(i) ? before : lexicon.streetType
                } else if lexicon.expansion == nil, lexicon.streetType != nil, endsTypePosition(i) {
                    // `HATTON GARDEN`: a type form that is also a word is the type where it ends a name.
                    tokens[i].canon = lexicon.streetType
                } else {
                    tokens[i].canon = lexicon.expansion ?? tokens[i].text
                }
            } else if tokens[i].joinedToPreviousNumber, let previous = tokens[i - 1].canon, !previous.isEmpty {
                // `12/14`, `12 - 14` are written `12-14`; `3/12` (not a range) keeps its slash, as a house number
                // would.
                let range = tokens[i].value >= tokens[i - 1].value
                tokens[i - 1].canon = previous + (range ? "-" : "/") + tokens[i].text
                tokens[i].canon = ""
            } else {
                tokens[i].canon = tokens[i].text
            }
        }
    }

    /// True when nothing of the same part follows token `i` (or only a postcode or number).
    func endsPart(_ i: Int) -> Bool {
        i + 1 == tokens.count || tokens[i + 1].breakBefore != .none || tokens[i + 1].role != nil || tokens[i + 1].isNumber
    }

    /// True when token `i` ends a part right after a name word (`HATTON GARDEN`).
    func endsTypePosition(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].part == tokens[i].part, tokens[i - 1].role == nil, !tokens[i - 1].isNumber,
            tokens[i - 1].lexicon?.qualifierPhrases.isEmpty ?? true
        else { return false }
        return endsPart(i)
    }

    /// The canonical words of tokens `range`, dropped ones left out.
    func text(_ range: Range<Int>) -> String {
        // Most components are one word: return it as it is.
        var only: String?
        for i in range {
            let c = tokens[i].canon ?? tokens[i].text
            guard !c.isEmpty else { continue }
            if only != nil {
                only = nil
                break
            }
            only = c
        }
        if let only { return only }
        var out = ""
        for i in range {
            let c = tokens[i].canon ?? tokens[i].text
            guard !c.isEmpty else { continue }
            if !out.isEmpty { out += " " }
            out += c
        }
        return out
    }

    /// The last canonical word of token `i` (`HOUSE` for `PH`, written PUBLIC HOUSE).
    func lastWord(_ i: Int) -> String {
        let c = tokens[i].canon ?? tokens[i].text
        guard let space = c.utf8.lastIndex(of: UInt8(ascii: " ")) else { return c }
        return String(c[c.index(after: space)...])
    }

    /// True when the canonical form of token `i` is its written or usual form (so its lexicon entry speaks for it).
    private func canonicalIsUsual(_ i: Int) -> Bool {
        guard let c = tokens[i].canon else { return true }
        return c == tokens[i].text || c == tokens[i].lexicon?.expansion
    }

    /// Token `i` ends in a business or landmark word (`STATION`, `SCHOOL`).
    func isPremisesWord(_ i: Int) -> Bool {
        canonicalIsUsual(i) ? tokens[i].lexicon?.isPremises ?? false : AddressWords.premisesWords.contains(lastWord(i))
    }

    /// Token `i` ends in a building word (`HOUSE`, `LODGE`).
    func isBuildingWord(_ i: Int) -> Bool {
        canonicalIsUsual(i) ? tokens[i].lexicon?.isBuilding ?? false : AddressWords.buildingWords.contains(lastWord(i))
    }

    func span(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].span.lowerBound..<tokens[range.upperBound - 1].span.upperBound
    }
}
