extension LocationReading {
    // MARK: Junctions

    /// Finds the two streets of a junction or `between`, splitting a segment at its `AND` when needed.
    mutating func findJunction(_ segs: inout [Range<Int>]) -> (Range<Int>, Range<Int>)? {
        // An explicit J/O, JUNCTION OF, BETWEEN…: the streets are written after it.
        if let q = tokens.indices.first(where: { tokens[$0].role == .qualifier && isJunctionQualifier($0) }),
            let k = segs.firstIndex(where: { $0.lowerBound > q })
        {
            // `HIGH ST J/W CHURCH RD`: the streets stand either side of it.
            // (`BUS STOP J/O MARE ST & WELL ST`: premises before it are where, not a street.)
            if k > 0, segs[k - 1].upperBound <= q, tokens[segs[k - 1].lowerBound].part == tokens[q].part,
                !shape(segs[k - 1]).isPlace, !shape(segs[k - 1]).isPremises
            {
                return (segs[k - 1], segs[k])
            }
            if let a = splitPoint(segs[k], needsTypes: false) { return split(at: a, in: &segs, index: k) }
            // `JCT BRIXTON RD/STOCKWELL RD`: the first street ends at its type.
            let run = streetRun(segs[k].lowerBound, segs[k].upperBound)
            if run.typeIndex != nil, run.range.upperBound < segs[k].upperBound,
                (run.range.upperBound + 1..<segs[k].upperBound).contains(where: { standsAsType($0) })
            {
                let left = segs[k].lowerBound..<run.range.upperBound, right = run.range.upperBound..<segs[k].upperBound
                segs.replaceSubrange(k...k, with: [left, right])
                return (left, right)
            }
            if k + 1 < segs.count, !shape(segs[k + 1]).isPlace { return (segs[k], segs[k + 1]) }
            return nil
        }
        // `X ST & Y RD`, `X ST AT Y RD`: both sides name a street type.
        for k in segs.indices {
            if let a = splitPoint(segs[k], needsTypes: true) {
                result.qualifiers.append(Qualifier(kind: .junction, span: tokens[a].span))
                return split(at: a, in: &segs, index: k)
            }
        }
        // `Kensington Church St / Holland St`: a spaced slash between two streets.
        for k in segs.indices.dropFirst() where tokens[segs[k].lowerBound].breakBefore == .slash {
            let a = shape(segs[k - 1]), b = shape(segs[k])
            guard segs[k - 1].upperBound == segs[k].lowerBound, a.number == nil, !a.isPlace, !b.isPlace,
                !a.isPremises, !b.isPremises, a.score > 0, b.score > 0
            else { continue }
            let gap = tokens[segs[k - 1].upperBound - 1].span.upperBound..<tokens[segs[k].lowerBound].span.lowerBound
            result.qualifiers.append(Qualifier(kind: .junction, span: gap))
            return (segs[k - 1], segs[k])
        }
        return nil
    }

    func isJunctionQualifier(_ i: Int) -> Bool {
        guard let kind = result.qualifiers.first(where: { $0.span.contains(tokens[i].span.lowerBound) })?.kind
        else { return false }
        return kind == .junction || kind == .between
    }

    /// The `AND` (or `AT`) splitting `s` into two streets: preferably one after a street type, else a written
    /// `&`, else the first. With `needsTypes`, only one after a type with a type later on.
    func splitPoint(_ s: Range<Int>, needsTypes: Bool) -> Int? {
        guard s.count >= 3 else { return nil }
        var ampersand: Int?
        var firstAnd: Int?
        for a in (s.lowerBound + 1)..<(s.upperBound - 1) {
            let word = tokens[a].text
            guard word == "AND" || (needsTypes && word == "AT") else { continue }
            // Not between numbers (`BTWN 12 AND 14`) nor inside a place name (`ELEPHANT AND CASTLE`).
            if tokens[a - 1].isNumber && tokens[a + 1].isNumber { continue }
            if (max(s.lowerBound, a - 3)..<a).contains(where: { k in
                knownPlace(at: k, limit: s.upperBound).map { k + $0.length > a } ?? false
            }) {
                continue
            }
            let afterType = standsAsType(a - 1)
            if needsTypes {
                if afterType, ((a + 1)..<s.upperBound).contains(where: { standsAsType($0) && $0 > a + 1 }) { return a }
                continue
            }
            if afterType { return a }
            if tokens[a].isAmpersand, ampersand == nil { ampersand = a }
            if firstAnd == nil, word == "AND" { firstAnd = a }
        }
        return ampersand ?? firstAnd
    }

    mutating func split(at a: Int, in segs: inout [Range<Int>], index k: Int) -> (Range<Int>, Range<Int>) {
        tokens[a].role = .qualifier
        let left = segs[k].lowerBound..<a, right = (a + 1)..<segs[k].upperBound
        segs.replaceSubrange(k...k, with: [left, right])
        return (left, right)
    }

    mutating func readJunction(left: Range<Int>, right: Range<Int>, segments segs: [Range<Int>]) {
        for s in segs where s.upperBound <= left.lowerBound { assignBefore(s, next: left) }
        readStreetPart(left, slot: .primary)
        readStreetPart(right, slot: .cross)
        for s in segs where s.lowerBound >= right.upperBound { assignAfter(s) }
    }

    // MARK: Plain locations

    mutating func readPlain(_ segs: [Range<Int>]) {
        var shapes: [SegmentShape] = []
        for s in segs { shapes.append(shape(s, afterNumber: shapes.last?.isBareNumber ?? false)) }
        // `316, HIGH STREET`: a street right after a bare number counts as numbered.
        for k in shapes.indices.dropFirst() where shapes[k - 1].isBareNumber && shapes[k].number == nil
            && shapes[k].score > 0
        {
            shapes[k].score += 3
        }
        var best: Int?
        for k in shapes.indices where shapes[k].score > (best.map { shapes[$0].score } ?? 0) { best = k }
        // `OUTSIDE NANDOS`: a lone name without number or street type, said to be outside, inside, opposite…
        // it, is more likely premises than a street.
        if let b = best, shapes[b].score == 1, shapes.filter({ !$0.isPlace }).count == 1,
            result.qualifiers.contains(where: { $0.kind.pointsAtPremises })
        {
            best = nil
        }
        guard let primary = best else {
            for k in segs.indices {
                if shapes[k].isPlace {
                    assignAfter(segs[k], shape: shapes[k])
                } else {
                    assignBefore(segs[k], next: nil, shape: shapes[k])
                }
            }
            return
        }
        for k in 0..<primary {
            // `316, HIGH STREET`: a bare number before a street without one is its house number.
            if k == primary - 1, shapes[k].isBareNumber, shapes[primary].number == nil {
                setHouseNumber(segs[k])
                continue
            }
            assignBefore(segs[k], next: segs[k + 1], shape: shapes[k])
        }
        readStreetPart(segs[primary], slot: .primary, shape: shapes[primary])
        for k in (primary + 1)..<segs.count { assignAfter(segs[k], shape: shapes[k]) }
    }

    /// A part before the street: a flat number, building or premises name, or another numbered street.
    mutating func assignBefore(_ s: Range<Int>, next: Range<Int>?, shape given: SegmentShape? = nil) {
        let shape = given ?? shape(s)
        if shape.isBareNumber {
            // `4A, 4 MANOR ROAD`: a number before another number is the flat.
            for k in s { tokens[k].role = .subBuilding }
            let value = text(s)
            result.subBuildings.append(SubBuilding(kind: "", value: value, text: value, span: span(s)))
            return
        }
        if shape.number != nil, shape.run.typeIndex != nil {
            readStreetPart(s, slot: .other)
            return
        }
        if shape.isPlace {
            readRest(s)
            return
        }
        nameRange(s)
    }

    /// Names a building or premises by its last word.
    mutating func nameRange(_ s: Range<Int>) {
        guard !s.isEmpty else { return }
        let isBuilding = isBuildingWord(s.upperBound - 1) && !isPremisesWord(s.upperBound - 1)
        // `BUS STOP NR ELEPHANT & CASTLE STN`: the name after a qualifier is the place it points at.
        if !isBuilding, let earlier = premisesRange, buildingRange == nil,
            (earlier.upperBound..<s.lowerBound).contains(where: { tokens[$0].role == .qualifier })
        {
            buildingRange = earlier
            for k in earlier { tokens[k].role = .buildingName }
            premisesRange = s
            for k in s where tokens[k].role == nil { tokens[k].role = .premisesName }
            return
        }
        if isBuilding && buildingRange == nil || premisesRange != nil && buildingRange == nil {
            buildingRange = s
            for k in s where tokens[k].role == nil { tokens[k].role = .buildingName }
        } else {
            if premisesRange == nil { premisesRange = s }
            for k in s where tokens[k].role == nil { tokens[k].role = .premisesName }
        }
    }

    /// A part after the street: places, or further streets and premises.
    mutating func assignAfter(_ s: Range<Int>, shape given: SegmentShape? = nil) {
        let shape = given ?? shape(s)
        if shape.isBareNumber {
            for k in s { tokens[k].role = .number }
            return
        }
        if shape.isPremises, premisesRange == nil {
            nameRange(s)
            return
        }
        readRest(s)
    }

    mutating func setHouseNumber(_ r: Range<Int>) {
        let first = tokens[r.lowerBound]
        var number = HouseNumber(
            number: first.value, suffix: first.letter == 0 ? nil : String(UnicodeScalar(first.letter)),
            span: span(r))
        for k in r { tokens[k].role = .number; tokens[k].canon = "" }
        if r.count > 1 {
            let last = tokens[r.upperBound - 1]
            if last.value >= first.value {
                if last.value > first.value { number.rangeEnd = last.value }
                tokens[r.lowerBound].canon = first.text + "-" + last.text
                if result.houseNumber == nil { result.houseNumber = number }
                return
            } else {
                // `3/12`: flat 3 at number 12.
                let flat = first.text
                result.subBuildings.append(
                    SubBuilding(kind: "", value: flat, text: flat, span: first.span))
                number = HouseNumber(
                    number: last.value, suffix: last.letter == 0 ? nil : String(UnicodeScalar(last.letter)),
                    span: span(r))
                tokens[r.lowerBound].canon = flat + "/" + last.text
                if result.houseNumber == nil { result.houseNumber = number }
                return
            }
        }
        tokens[r.lowerBound].canon = first.text
        if result.houseNumber == nil { result.houseNumber = number }
    }

    /// A part holding a street: premises before the number, the number, the street, then places.
    mutating func readStreetPart(_ s: Range<Int>, slot: StreetSlot, shape given: SegmentShape? = nil) {
        let shape = given ?? shape(s)
        var i = s.lowerBound
        if let number = shape.number {
            if number.lowerBound > i { nameRange(i..<number.lowerBound) }
            if slot == .other || result.houseNumber != nil {
                for k in number { tokens[k].role = .number }
            } else {
                setHouseNumber(number)
            }
            i = number.upperBound
        }
        if let before = shape.premisesBefore {
            nameRange(before)
            i = before.upperBound
        }
        if shape.isPremises {
            nameRange(i..<s.upperBound)
            return
        }
        let run = shape.run
        setStreet(run, slot: slot)
        if run.range.upperBound < s.upperBound { readRest(run.range.upperBound..<s.upperBound) }
    }

    mutating func setStreet(_ run: StreetRun, slot: StreetSlot) {
        for k in run.range where tokens[k].role == nil { tokens[k].role = .street }
        if let t = run.typeIndex { tokens[t].role = .streetType }
        // The street's tokens have their final canonical words by now.
        var name = text(run.range.lowerBound..<(run.typeIndex ?? run.range.upperBound))
        if let t = run.typeIndex, t + 1 < run.range.upperBound {
            name += " " + text((t + 1)..<run.range.upperBound)
        }
        let street = Street(
            text: text(run.range), name: name, type: run.typeIndex.flatMap { tokens[$0].lexicon?.streetType },
            span: span(run.range))
        switch slot {
        case .primary where result.street == nil: result.street = street
        case .cross where result.crossStreet == nil: result.crossStreet = street
        default: result.otherStreets.append(street)
        }
    }

    /// Places, further streets or premises in `s`, read left to right.
    mutating func readRest(_ s: Range<Int>) {
        var i = s.lowerBound
        while i < s.upperBound {
            let place = knownPlace(at: i, limit: s.upperBound)
            // `FINCHLEY ROAD`: a place name followed by a street type names a street.
            if let place, i + place.length < s.upperBound,
                ((i + place.length)..<s.upperBound).contains(where: { standsAsType($0) })
            {
                let run = streetRun(i, s.upperBound)
                if run.typeIndex != nil {
                    setStreet(run, slot: .other)
                    i = run.range.upperBound
                    continue
                }
            }
            if let place {
                addPlace(i..<i + place.length, kind: place.kind, known: true)
                i += place.length
                continue
            }
            var k = i + 1
            while k < s.upperBound, knownPlace(at: k, limit: s.upperBound) == nil { k += 1 }
            let chunk = i..<k
            if chunk.count > 1, ((i + 1)..<k).contains(where: { standsAsType($0) }) {
                let run = streetRun(i, k)
                setStreet(run, slot: .other)
                if run.range.upperBound < k { addPlace(run.range.upperBound..<k, kind: .locality, known: false) }
            } else if isPremisesWord(k - 1), premisesRange == nil {
                nameRange(chunk)
            } else {
                addPlace(chunk, kind: .locality, known: false)
            }
            i = k
        }
    }

    mutating func addPlace(_ r: Range<Int>, kind: LondonPlaces.Kind, known: Bool) {
        for k in r where tokens[k].role == nil { tokens[k].role = kind == .noise ? .noise : .locality }
        let name = text(r)
        result.places.append(Place(text: name, kind: kind, known: known, span: span(r)))
        if kind == .borough, result.borough == nil { result.borough = LondonPlaces.boroughs[name] }
    }

    // MARK: Finishing

    mutating func finish() {
        if let r = premisesRange { result.premisesName = Component(text: text(r), span: span(r)) }
        if let r = buildingRange { result.buildingName = Component(text: text(r), span: span(r)) }
        var words: [Word] = []
        words.reserveCapacity(tokens.count + 2)
        // Written straight into the string's storage: at most every canonical word plus a 3-byte separator.
        var capacity = 0
        for i in tokens.indices { capacity += (tokens[i].canon?.utf8.count ?? 0) + 3 }
        result.canonical = String(unsafeUninitializedCapacity: max(capacity, 1)) { out in
            var count = 0
            func put(_ b: UInt8) {
                out[count] = b
                count += 1
            }
            var pending = Token.Break.none
            var lastEmitted: Int?
            var droppedMarker = false
            for i in tokens.indices {
                if tokens[i].breakBefore.rawValue > pending.rawValue { pending = tokens[i].breakBefore }
                guard let c = tokens[i].canon, !c.isEmpty else {
                    if tokens[i].role == .noise, tokens[i].lexicon?.marksNumber == true { droppedMarker = true }
                    continue
                }
                // `12 AND NO 14`: the dropped number marker parted `12 AND` from `14`; a comma keeps them
                // apart, or the canonical form would read as the range `12-14`.
                if droppedMarker, pending == .none, let previous = lastEmitted,
                    tokens[previous].canon == "AND" || tokens[previous].canon == "TO",
                    c.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true
                {
                    pending = .part
                }
                droppedMarker = false
                // A slash between numbers that did not join them (`8’/ 3`) is written as a comma, so that the
                // canonical form does not read as a range.
                if pending == .slash, let previous = lastEmitted,
                    tokens[previous].isNumber || tokens[previous].role == .number
                        || (count > 0 && out[count - 1] >= 0x30 && out[count - 1] <= 0x39),
                    c.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true
                {
                    pending = .part
                }
                lastEmitted = i
                if count > 0 {
                    switch pending {
                    case .none: put(UInt8(ascii: " "))
                    case .part:
                        put(UInt8(ascii: ","))
                        put(UInt8(ascii: " "))
                    case .slash:
                        put(UInt8(ascii: " "))
                        put(UInt8(ascii: "/"))
                        put(UInt8(ascii: " "))
                    }
                }
                pending = .none
                let role = tokens[i].role ?? .noise, part = Int(tokens[i].part), span = tokens[i].span
                var copy = c
                copy.withUTF8 { utf8 in
                    for b in utf8 { put(b) }
                    guard utf8.contains(UInt8(ascii: " ")) else {
                        words.append(Word(text: c, role: role, part: part, span: span))
                        return
                    }
                    for word in utf8.split(separator: UInt8(ascii: " ")) {
                        words.append(
                            Word(text: String(decoding: word, as: UTF8.self), role: role, part: part, span: span))
                    }
                }
            }
            return count
        }
        result.words = words
    }
}
