/// Geocodes London free-text locations against a gazetteer: parse → evidence → candidates per level →
/// score (award − faults) → choose with the ambiguity guard → result.
///
/// ```swift
/// let matcher = Matcher(store: try GazetteerStore(path: url))
/// let result = matcher.geocode(LocationQuery(text: "O/S 12 HIGH ST CROYDON"))
/// ```
/// Safe to share between threads: besides the read-only store and constants it holds only bounded caches and
/// the memory index, each behind a lock or written once; a copy shares them.
public struct Matcher: Geocoding {
    /// The gazetteer it reads.
    public let store: GazetteerStore
    private var lookups: MatchLookups
    /// Results by query: police extracts repeat the same locations many times.
    private var results = LookupCache<LocationQuery, GeocodeResult>(capacity: Matcher.rememberedResults)
    private static let rememberedResults = 10_000
    /// When false every `geocode` call matches afresh (the gazetteer lookups stay remembered).
    public var remembersResults = true
    /// Coordinates are written only when `precision_m` is at most this; coarser results keep their level,
    /// `matched`, postcode and borough but no coordinates (fault `coarse`). Chosen on the dev set.
    public var acceptanceRadius: Double
    /// Readings farther apart than this, and within `ambiguityMargin` points, are ambiguous.
    var ambiguityDistance = 1000.0
    var ambiguityMargin = 6.0
    /// A far reading whose evidence faults cost this many points more than the best's is not its rival; this
    /// many fewer, it is one within the margin plus the difference.
    static let decisiveEvidence = 5.0

    /// Coordinates are written only for results scoring at least this (fault `low_score` otherwise).
    var minimumScore: Double = Matcher.defaultMinimumScore

    /// Metres: `acceptanceRadius` unless told (`--max-precision-m`).
    public static let defaultAcceptanceRadius = 400.0
    static let defaultMinimumScore = 70.0

    private let normaliser = Normaliser()

    /// - Parameter preload: read the gazetteer's hottest tables into memory in the background once a run is
    ///   more than about a hundred queries (about 30 MB and 0.5 s for London), which makes the first sight of a
    ///   street two to three times faster; until they are read, and with `preload: false`, lookups read SQLite.
    ///   Results are the same either way.
    public init(store: GazetteerStore, acceptanceRadius: Double = Matcher.defaultAcceptanceRadius, preload: Bool = true) {
        self.store = store
        lookups = MatchLookups(store: store, preload: preload)
        self.acceptanceRadius = acceptanceRadius
    }

    /// The same matcher with nothing remembered (lookups or results), sharing this one's memory index: what a
    /// matcher does on the first sight of every query.
    public func forgettingLookups() -> Matcher {
        var fresh = self
        fresh.lookups = MatchLookups(sharingIndexOf: lookups)
        fresh.results = LookupCache(capacity: Self.rememberedResults)
        return fresh
    }

    /// Reads the memory index of `preload` now, unless it is read already, and waits for it (at once with
    /// `preload: false`).
    public func waitUntilPreloaded() { lookups.memory.loadNow() }

    /// Whether the memory index is in use.
    public var isPreloaded: Bool { lookups.memory.index != nil }

    /// The result for one query: the best candidate, with coordinates when it is precise and sure enough.
    public func geocode(_ query: LocationQuery) -> GeocodeResult {
        // A text cut short is no location repeated over and over: not remembered, so the cache holds no blobs.
        guard remembersResults, !Self.exceedsBounds(query) else { return explain(query).result }
        return results.value(query) { explain(query).result }
    }

    /// True when some text of the query is longer than the matcher reads (`Normaliser.maximumTextBytes`).
    static func exceedsBounds(_ query: LocationQuery) -> Bool {
        let limit = Normaliser.maximumTextBytes
        return query.text.utf8.count > limit || (query.postcode?.utf8.count ?? 0) > limit
            || (query.borough?.utf8.count ?? 0) > limit
    }

    /// The whole reasoning for one query: the parse, every candidate ranked, the chosen result and runner-up.
    ///
    /// The work is bounded whatever the query: a text longer than `Normaliser.maximumTextBytes` is read only
    /// that far, and a postcode or borough column that long is not read (fault `text.too_long`); words longer
    /// than `Normaliser.maximumWordBytes` are not looked up (fault `text.long_word`).
    package func explain(_ query: LocationQuery) -> MatchExplanation {
        let parse = normaliser.parse(query.text)
        var bounded = query
        var cut = parse.unread?.cutAt != nil
        if (query.postcode?.utf8.count ?? 0) > Normaliser.maximumTextBytes { bounded.postcode = nil; cut = true }
        if (query.borough?.utf8.count ?? 0) > Normaliser.maximumTextBytes { bounded.borough = nil; cut = true }
        var explanation = match(bounded, parse: parse)
        explanation.query = query
        if cut { explanation.result.faults.append(Fault(Scoring.textTooLong)) }
        if !(parse.unread?.longWords.isEmpty ?? true) { explanation.result.faults.append(Fault(Scoring.textLongWord)) }
        return explanation
    }

    private func match(_ query: LocationQuery, parse: ParsedLocation) -> MatchExplanation {
        if let point = coordinateResult(query.text) {
            return MatchExplanation(query: query, parse: parse, candidates: [], chosen: nil, runnerUp: nil, result: point)
        }
        if let nothing = parse.nothingToGeocode, query.postcode?.isEmpty ?? true {
            let result = GeocodeResult.unmatched([Fault("\(Scoring.nothingToGeocode).\(nothing.reason.rawValue)")])
            return MatchExplanation(query: query, parse: parse, candidates: [], chosen: nil, runnerUp: nil,
                                    result: result)
        }
        // Most lookups are remembered, so no connection is held for the whole match: a lookup not yet
        // remembered takes one from the pool.
        let evidence = MatchEvidence(parse: parse, query: query, lookups: lookups)
        var candidates = evidence.outsideLondon
            ? [] : CandidateBuilder(lookups: lookups, parse: parse, evidence: evidence, text: query.text).candidates()
        if evidence.outsideLondon {
            // Reported, never forced onto a London street of the same name.
            return MatchExplanation(query: query, parse: parse, candidates: [], chosen: nil, runnerUp: nil,
                                    result: .unmatched(evidence.postcodeFaults))
        }
        if !parse.qualifiers.isEmpty {
            // O/S, OPP, R/O…: the place is by the feature named, not on it.
            for i in candidates.indices {
                candidates[i].faults.append(Fault(Scoring.qualifier, penalty: 1))
                candidates[i].precisionMeters += 25
            }
        }
        candidates = MatchCandidate.ranked(candidates)
        var (chosen, runnerUp) = choose(candidates, evidence: evidence)
        if chosen == nil, let first = candidates.first { chosen = nil; runnerUp = first }
        let result = Self.leadingNothing(
            makeResult(chosen, runnerUp: runnerUp, evidence: evidence, candidates: candidates), text: query.text)
        return MatchExplanation(query: query, parse: parse, candidates: candidates, chosen: chosen,
                                runnerUp: runnerUp, result: result)
    }

    /// The best candidate unless a far-away reading scores nearly as well: then the common parent (the
    /// borough both lie in), or nothing, with fault `ambiguous`.
    private func choose(_ ranked: [MatchCandidate], evidence: MatchEvidence)
        -> (chosen: MatchCandidate?, runnerUp: MatchCandidate?)
    {
        guard let best = ranked.first else { return (nil, nil) }
        // The evidence (a locality or borough farther off, a postcode disagreeing) says more about where than
        // the number's fit: a far reading it speaks against is no rival however close its score, and one it
        // favours over the best is a rival even some points behind.
        let rival = ranked.dropFirst().first {
            guard $0.distance(to: best) > ambiguityDistance, $0.level <= .landmark else { return false }
            let edge = $0.evidencePenalty - best.evidencePenalty
            if edge >= Self.decisiveEvidence { return false }
            if Self.numbersUnknown($0, against: best), edge <= 0, !lookups.continuesAcrossBoundary($0, best) { return true }
            return HonestRadius.placeScore(best, against: $0) - HonestRadius.placeScore($0, against: best)
                < ambiguityMargin + (edge <= -Self.decisiveEvidence ? -edge : 0)
        }
        let runnerUp = rival ?? ranked.dropFirst().first
        guard let rival, best.level <= .landmark else {
            return (best, runnerUp)
        }
        let ambiguity = Fault(Scoring.ambiguous, penalty: 0)
        if let parent = ranked.first(where: {
            $0.level > .landmark && $0.level != .none && $0.distance(to: best) <= $0.precisionMeters
                && $0.distance(to: rival) <= $0.precisionMeters
        }) {
            var parent = parent
            parent.faults.append(ambiguity)
            return (parent, best)
        }
        if let borough = best.boroughID, borough == rival.boroughID, let b = store.borough(id: borough),
           let x = b.x, let y = b.y {
            let parent = MatchCandidate(
                level: .borough, x: x, y: y, precisionMeters: 5000, matched: b.shortName,
                award: Scoring.award(.borough), faults: [ambiguity], boroughID: borough, key: .borough(borough))
            return (parent, best)
        }
        if var borough = ranked.first(where: { $0.level == .borough }) {
            // Far-apart readings in no one borough: the borough the query names is all that is sure.
            borough.faults.append(ambiguity)
            return (borough, best)
        }
        return (nil, best)
    }

    /// True when `other` is the same street name as the numbered `best` elsewhere, on a street whose numbers
    /// the gazetteer does not hold (or, in another borough, not the one sought: `HonestRadius.mayHoldNumber`):
    /// the number may well be there too.
    static func numbersUnknown(_ other: MatchCandidate, against best: MatchCandidate) -> Bool {
        best.level <= .interpolated && other.level == .street && HonestRadius.mayHoldNumber(other, against: best)
            && best.matched.hasSuffix(" " + other.matched)
    }

    private func makeResult(_ chosen: MatchCandidate?, runnerUp: MatchCandidate?, evidence: MatchEvidence,
                            candidates: [MatchCandidate]) -> GeocodeResult {
        guard let chosen else {
            var faults = evidence.postcodeFaults
            if runnerUp != nil { faults.append(Fault(Scoring.ambiguous)) }
            if faults.isEmpty { faults.append(Fault(Scoring.notFound)) }
            return .unmatched(faults)
        }
        var result = GeocodeResult(
            easting: chosen.x, northing: chosen.y, level: chosen.level, score: (chosen.score * 10).rounded() / 10,
            precisionMeters: chosen.precisionMeters.rounded(), matched: chosen.matched, faults: chosen.faults)
        let postcode = chosen.postcode ?? (chosen.level <= .postcode ? evidence.unit?.postcode : nil)
        let unit = postcode == evidence.unit?.postcode ? evidence.unit : postcode.flatMap { lookups.postcode($0) }
        result.postcode = postcode ?? evidence.postcode?.canonical
        if let unit, chosen.level <= .postcode {
            result.ward = unit.wardID.flatMap { store.ward(id: $0)?.name }
            result.lsoa = unit.lsoa
        }
        let boroughID = chosen.boroughID ?? unit?.boroughID
        result.borough = boroughID.flatMap { store.borough(id: $0)?.shortName }
        if chosen.precisionMeters > acceptanceRadius || chosen.score < minimumScore {
            result.easting = nil
            result.northing = nil
            result.faults.append(Fault(chosen.precisionMeters > acceptanceRadius ? Scoring.coarse : Scoring.lowScore))
            // Not located: only the areas the evidence itself established, never a rejected candidate's.
            result.postcode = evidence.unit?.postcode ?? evidence.postcode?.canonical
            result.ward = evidence.unit?.wardID.flatMap { store.ward(id: $0)?.name }
            result.lsoa = evidence.unit?.lsoa
            let established = evidence.unit?.boroughID ?? (evidence.boroughIDs.count == 1 ? evidence.boroughIDs[0] : nil)
            result.borough = established.flatMap { store.borough(id: $0)?.shortName }
        }
        return result
    }
}
