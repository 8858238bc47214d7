extension Matcher {
    /// Breaks after which the rest of a text is read as a comment on its first part: `NFA - CALLER UNABLE TO
    /// GIVE LOCATION`, `UNKNOWN, CALLER HUNG UP`.
    static let commentBreaks: Set<Character> = [",", ";", ":", "(", "-"]

    /// `result` with its reason made precise: when nothing was found (`not_found` alone) and the text's first part
    /// (up to the first comma, semicolon, colon, bracket or hyphen) is itself a text with nothing to geocode
    /// (`NFA`, `UNKNOWN`), the row gets that part's `nothing_to_geocode.<why>` instead. Only the reason of a
    /// row without coordinates changes: a text whose rest names a place (`UNKNOWN, 12 HIGH ST CROYDON`) is
    /// matched as before.
    static func leadingNothing(_ result: GeocodeResult, text: String) -> GeocodeResult {
        guard result.faults.count == 1, result.faults[0].code == Scoring.notFound,
              let cut = text.firstIndex(where: commentBreaks.contains)
        else { return result }
        guard let nothing = Normaliser().parse(String(text[..<cut])).nothingToGeocode, [.noFixedAbode, .unknown].contains(nothing.reason)
        else { return result }
        var result = result
        result.faults = [Fault("\(Scoring.nothingToGeocode).\(nothing.reason.rawValue)")]
        return result
    }
}
