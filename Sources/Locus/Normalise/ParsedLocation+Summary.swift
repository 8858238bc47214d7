extension ParsedLocation {
    /// The whole parse on one line, component by component (`q:outside; #12A; st:HIGH|STREET; boro:CROYDON;
    /// pc:CR0 1AB`). Streets show name|type; `loc?` is a locality guessed from position; a postcode ends in `!`
    /// when repaired and is written `pc?` when invalid.
    public var summary: String {
        if let nothing = nothingToGeocode { return "nothing:\(nothing.reason.rawValue)" }
        var items: [String] = []
        if !qualifiers.isEmpty { items.append("q:" + qualifiers.map(\.kind.rawValue).joined(separator: ",")) }
        if !subBuildings.isEmpty { items.append("sub:" + subBuildings.map(\.text).joined(separator: "|")) }
        if let buildingName { items.append("bldg:" + buildingName.text) }
        if let premisesName { items.append("prem:" + premisesName.text) }
        if let houseNumber { items.append("#\(houseNumber)") }
        func nameAndType(_ s: Street) -> String { s.name + "|" + (s.type ?? "") }
        if let street = self.street { items.append("st:" + nameAndType(street)) }
        if let crossStreet { items.append("x:" + nameAndType(crossStreet)) }
        for other in otherStreets { items.append("other:" + nameAndType(other)) }
        for place in places {
            let tag: String
            switch place.kind {
            case .borough: tag = "boro"
            case .noise: tag = "noise"
            case .locality: tag = place.known ? "loc" : "loc?"
            }
            items.append(tag + ":" + place.text)
        }
        if let postcode {
            if let code = postcode.postcode {
                items.append("pc:" + code.canonical + (code.repaired ? "!" : ""))
            } else {
                items.append("pc?:" + postcode.text)
            }
        }
        return items.joined(separator: "; ")
    }

    /// The parse over several lines, each component with the input text it came from.
    public func description(of input: String) -> String {
        let bytes = Array(input.utf8)
        func written(_ span: Range<Int>) -> String {
            let clamped = span.clamped(to: 0..<bytes.count)
            return "\"" + String(decoding: bytes[clamped], as: UTF8.self) + "\""
        }
        var lines: [String] = []
        if let nothing = nothingToGeocode {
            return "nothing to geocode: \(nothing.reason.rawValue)"
        }
        for q in qualifiers { lines.append("qualifier     \(q.kind.rawValue)  \(written(q.span))") }
        for s in subBuildings { lines.append("sub-building  \(s.text)  \(written(s.span))") }
        if let b = buildingName { lines.append("building      \(b.text)  \(written(b.span))") }
        if let p = premisesName { lines.append("premises      \(p.text)  \(written(p.span))") }
        if let n = houseNumber { lines.append("house number  \(n)  \(written(n.span))") }
        func streetLine(_ label: String, _ s: Street) {
            lines.append("\(label)\(s.text)  (name \(s.name), type \(s.type ?? "none"))  \(written(s.span))")
        }
        if let s = street { streetLine("street        ", s) }
        if let s = crossStreet { streetLine("cross street  ", s) }
        for s in otherStreets { streetLine("other street  ", s) }
        for p in places {
            lines.append("place         \(p.text)  (\(p.kind.rawValue)\(p.known ? "" : ", guessed"))  \(written(p.span))")
        }
        if let borough { lines.append("borough       \(borough)") }
        if let pc = postcode {
            let state = pc.postcode == nil ? "invalid" : (pc.postcode!.repaired ? "repaired" : pc.postcode!.level.rawValue)
            lines.append("postcode      \(pc.text)  (\(state))  \(written(pc.span))")
        }
        lines.append("words         " + words.map { "\($0.text)/\($0.role.rawValue)" }.joined(separator: " "))
        lines.append("canonical     \(canonical)")
        if let cut = unread?.cutAt { lines.append("unread        from byte \(cut) (text too long)") }
        for span in unread?.longWords ?? [] { lines.append("unread        word of \(span.count) bytes at \(span.lowerBound)") }
        return lines.joined(separator: "\n")
    }
}
