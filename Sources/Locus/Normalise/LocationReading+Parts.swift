/// The tokens of one street: `range` covers name, type and suffix; `typeIndex` is the type word, if any.
struct StreetRun {
    var range: Range<Int>
    var typeIndex: Int?
    /// A suffix after the type (`SOUTH` in `RODING LANE SOUTH`).
    var suffixIndex: Int?
}

/// What one part (segment) of the text looks like, before roles are given.
struct SegmentShape {
    var range: Range<Int>
    /// The house number's tokens when a number is followed by words.
    var number: Range<Int>?
    var run: StreetRun
    /// Known places only (`WOOD GREEN`, `LONDON`).
    var isPlace = false
    /// Only a number (`316` in `316, HIGH STREET`).
    var isBareNumber = false
    /// Ends with a business or landmark word and names no street type.
    var isPremises = false
    /// Premises named before the street in the same part (`GORDON PRIMARY SCHOOL` in `GORDON PRIMARY SCHOOL
    /// CRAIGTON ROAD`).
    var premisesBefore: Range<Int>?
    /// How likely this part holds the street: number + type highest.
    var score = 0
}

extension LocationReading {
    // MARK: Segments

    /// Maximal runs of undecided tokens that cross no break.
    func segments() -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)
        var start: Int?
        for i in tokens.indices {
            if tokens[i].role != nil || tokens[i].breakBefore != .none {
                if let s = start { out.append(s..<i) }
                start = tokens[i].role == nil ? i : nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append(s..<tokens.count) }
        return out
    }

    mutating func readSegments() {
        var segs = segments()
        for k in segs.indices { segs[k] = readSubBuildings(segs[k]) }
        segs.removeAll { $0.isEmpty }
        readRoadNumbers(&segs)
        guard !segs.isEmpty else { return }
        if let (left, right) = findJunction(&segs) {
            readJunction(left: left, right: right, segments: segs)
        } else {
            readPlain(segs)
        }
    }

    // MARK: Sub-buildings

    /// Reads sub-buildings at the start of `s`; returns what is left.
    mutating func readSubBuildings(_ s: Range<Int>) -> Range<Int> {
        var i = s.lowerBound
        while i < s.upperBound, let end = readSubBuilding(at: i, end: s.upperBound) { i = end }
        return i..<s.upperBound
    }

    func isValue(_ i: Int) -> Bool {
        if tokens[i].isNumber { return true }
        let count = tokens[i].text.utf8.count
        return count == 1 || (count <= 4 && tokens[i].hasDigit)
    }

    mutating func readSubBuilding(at i: Int, end: Int) -> Int? {
        guard let kind = tokens[i].lexicon?.subBuildingKind else { return nil }
        if AddressWords.takesValue.contains(kind) {
            guard i + 1 < end, isValue(i + 1) else { return nil }
            var valueEnd = i + 2
            // `UNITS 1-3`, `ARCHES 198 TO 199`, `UNITS 9 & 10`.
            while valueEnd < end {
                if tokens[valueEnd].joinedToPreviousNumber {
                    valueEnd += 1
                } else if valueEnd + 1 < end, tokens[valueEnd].text == "TO" || tokens[valueEnd].text == "AND",
                    isValue(valueEnd + 1)
                {
                    valueEnd += 2
                } else {
                    break
                }
            }
            for k in i..<valueEnd { tokens[k].role = .subBuilding }
            tokens[i].canon = kind
            let value = text((i + 1)..<valueEnd)
            result.subBuildings.append(
                SubBuilding(kind: kind, value: value, text: kind + " " + value, span: span(i..<valueEnd)))
            return valueEnd
        }
        // A run of floor words that names a floor or the basement (`GND FLR`, `BASEMENT AND GROUND FLOOR`).
        var j = i
        var sawFloor = false
        var words: [String] = []
        while j < end {
            if let k = tokens[j].lexicon?.subBuildingKind, AddressWords.floorWords.contains(k) {
                if k == "FLOOR" || k == "BASEMENT" { sawFloor = true }
                words.append(k)
            } else if tokens[j].text == "AND", j + 1 < end,
                let next = tokens[j + 1].lexicon?.subBuildingKind, AddressWords.floorWords.contains(next)
            {
                words.append("AND")
            } else {
                break
            }
            j += 1
        }
        // `(REAR)`: a part that is only REAR or FRONT names the back or front of the building.
        let sidesOnly = j == end && !words.isEmpty && words.allSatisfy { $0 == "REAR" || $0 == "FRONT" }
        guard sawFloor || sidesOnly else { return nil }
        if j < end, tokens[j].lexicon?.subBuildingKind == "FLAT", !(j + 1 < end && isValue(j + 1)) {
            words.append("FLAT")
            j += 1
        }
        for k in i..<j { tokens[k].role = .subBuilding; tokens[k].canon = "" }
        let text = words.joined(separator: " ")
        tokens[i].canon = text
        result.subBuildings.append(SubBuilding(kind: text, value: nil, text: text, span: span(i..<j)))
        return j
    }

    // MARK: Shapes

    /// The end of the number written at `p` (a range `12-14`, `12 TO 14` included).
    func numberEnd(at p: Int, end: Int) -> Int {
        if p + 1 < end, tokens[p + 1].joinedToPreviousNumber { return p + 2 }
        if p + 2 < end, tokens[p + 1].text == "TO" || tokens[p + 1].text == "AND", tokens[p + 2].isNumber,
            tokens[p + 2].value > tokens[p].value
        {
            return p + 3
        }
        return p + 1
    }

    /// The shape of part `s`. `afterNumber`: the part before was a bare number, so a place name ending in a
    /// street type or naming a locality (`238, STAMFORD HILL`) is read as a street.
    func shape(_ s: Range<Int>, afterNumber: Bool = false) -> SegmentShape {
        var shape = SegmentShape(range: s, run: StreetRun(range: s))
        // After a bare number, a locality name may be the street (`16, ELEPHANT AND CASTLE`).
        if coveredByPlaces(s), !(afterNumber && (standsAsType(s.upperBound - 1)
            || knownPlace(at: s.lowerBound, limit: s.upperBound)?.kind == .locality))
        {
            shape.isPlace = true
            return shape
        }
        if tokens[s.lowerBound].isNumber, numberEnd(at: s.lowerBound, end: s.upperBound) == s.upperBound {
            shape.isBareNumber = true
            return shape
        }
        var streetStart = s.lowerBound
        var p = s.lowerBound
        while p < s.upperBound {
            if tokens[p].isNumber {
                let q = numberEnd(at: p, end: s.upperBound)
                // A written AND after the number starts no street name, as a `&` there does not (`1&2&A`,
                // whose canonical form `1 AND 2 AND A` must read the same again).
                if q < s.upperBound, isNameWord(q), tokens[q].text != "AND" {
                    shape.number = p..<q
                    streetStart = q
                }
                break
            }
            p += 1
        }
        if isPremisesWord(s.upperBound - 1) {
            shape.isPremises = true
            shape.run = StreetRun(range: streetStart..<s.upperBound)
            return shape
        }
        shape.run = streetRun(streetStart, s.upperBound)
        // `GORDON PRIMARY SCHOOL CRAIGTON ROAD`, `TESCO HIGH ST`: premises named before the street's name.
        if let t = shape.run.typeIndex, t - streetStart >= 2,
            let p = (streetStart..<t - 1).last(where: {
                $0 > streetStart ? isPremisesWord($0) : AddressWords.chainNames.contains(tokens[$0].text)
            }), t - streetStart >= 3 || p == streetStart
        {
            shape.premisesBefore = streetStart..<p + 1
            shape.run = streetRun(p + 1, s.upperBound)
        }
        if shape.number == nil, shape.run.typeIndex == nil, isBuildingWord(s.upperBound - 1) {
            return shape
        }
        let strong = shape.run.typeIndex.map { isStrongType($0) }
        switch (shape.number != nil, strong) {
        case (true, true?): shape.score = 6
        case (true, false?): shape.score = 5
        case (true, nil): shape.score = 4
        case (false, true?): shape.score = 3
        case (false, false?): shape.score = 2
        case (false, nil): shape.score = 1
        }
        return shape
    }

    func isStrongType(_ i: Int) -> Bool {
        tokens[i].lexicon?.isStrongType ?? false
    }

    /// True when token `j` stands as a street type here (not `ST` as SAINT).
    func standsAsType(_ j: Int) -> Bool {
        let text = tokens[j].text
        guard let lexicon = tokens[j].lexicon, lexicon.streetType != nil, tokens[j].role == nil || tokens[j].role == .streetType
        else { return false }
        if lexicon.beforeName != nil { return !isSaintPosition(j) }
        if AddressWords.typeOnlyInPlace.contains(text) {
            // `GARDEN` is GARDENS only where it ends a name (`HATTON GARDEN`, not `GARDEN CENTRE`).
            return endsTypePosition(j)
        }
        return true
    }

    /// The street written from `s`: name words up to the type (the first strong type, else the first weak one),
    /// plus a direction suffix; without a type, up to a known place name at the end.
    func streetRun(_ s: Int, _ e: Int) -> StreetRun {
        var first = s
        while first < e - 1, tokens[first].text == "THE" { first += 1 }
        var strong: Int?
        var weak: Int?
        var j = first + 1
        while j < e {
            if tokens[j].isNumber { break }
            if standsAsType(j) {
                if isStrongType(j) { strong = j; break }
                if weak == nil { weak = j }
            }
            j += 1
        }
        if var t = strong ?? weak {
            // `NOTTING HILL GATE`, `CANNON STREET ROAD`: a type right after the type is the real one.
            while t + 1 < e, standsAsType(t + 1), knownPlace(at: t + 1, limit: e) == nil { t += 1 }
            var end = t + 1
            var suffix: Int?
            if end < e, AddressWords.streetSuffixes[tokens[end].text] != nil {
                let single = tokens[end].text.utf8.count == 1
                if end + 1 == e || (!single && knownPlace(at: end, limit: e) == nil) {
                    suffix = end
                    end += 1
                }
            }
            return StreetRun(range: s..<end, typeIndex: t, suffixIndex: suffix)
        }
        var end = e
        for k in (first + 1)..<max(first + 1, e) where coveredByPlaces(k..<e) {
            end = k
            break
        }
        return StreetRun(range: s..<end)
    }

    // MARK: Places

    /// The longest known place name at `i` (up to `limit`): its length and kind.
    func knownPlace(at i: Int, limit: Int) -> (length: Int, kind: LondonPlaces.Kind)? {
        guard tokens[i].role == nil else { return nil }
        let group = placeGroupsSet ? tokens[i].placeGroup : Lexicon.placeGroupIndex[tokens[i].canon ?? tokens[i].text] ?? -1
        guard group >= 0 else { return nil }
        candidate: for (words, kind) in Lexicon.placeGroups[Int(group)] where words.count <= limit - i {
            for k in 1..<words.count where tokens[i + k].role != nil || (tokens[i + k].canon ?? tokens[i + k].text) != words[k] {
                continue candidate
            }
            return (words.count, kind)
        }
        return nil
    }

    func coveredByPlaces(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        var i = r.lowerBound
        while i < r.upperBound {
            guard let place = knownPlace(at: i, limit: r.upperBound) else { return false }
            i += place.length
        }
        return true
    }
}
