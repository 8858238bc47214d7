import Foundation

/// Why a query geocoded as it did: the parse, every candidate ranked best first, the one chosen (nil when
/// none was), the runner-up and the result written. `locus explain` prints it.
package struct MatchExplanation: Sendable, Codable {
    /// The query explained.
    package var query: LocationQuery
    /// How the normaliser read the text.
    package var parse: ParsedLocation
    /// Best first.
    package var candidates: [MatchCandidate]
    /// The candidate the result comes from, nil when none was good enough.
    package var chosen: MatchCandidate?
    /// The best candidate at another place, if any.
    package var runnerUp: MatchCandidate?
    /// The result `locus geocode` writes for the query.
    package var result: GeocodeResult

    /// The explanation as text: the parse, the top `limit` candidates with scores and faults, the result (with
    /// its WGS84 `latitudeLongitude` when given). Numbers are rounded as the batch writes them (half away from
    /// zero; scores to 0.1, radii to whole metres), so a candidate reads as the result it becomes.
    package func text(limit: Int = 5, latitudeLongitude: (latitude: Double, longitude: Double)? = nil) -> String {
        var out = "query: \(query.text)\n"
        if let postcode = query.postcode { out += "postcode column: \(postcode)\n" }
        if let borough = query.borough { out += "borough column: \(borough)\n" }
        out += "parse:\n"
        for line in parse.description(of: query.text).split(separator: "\n") { out += "  \(line)\n" }
        out += "candidates (\(candidates.count), top \(min(limit, candidates.count))):\n"
        let shown = candidates.prefix(limit)
        for (i, c) in shown.enumerated() {
            out += "  \(i + 1). \(Self.line(c))\n"
        }
        if let runnerUp {
            // The best reading itself when it was not chosen (ambiguous): named by its rank, not repeated.
            if let rank = shown.firstIndex(of: runnerUp) {
                out += "runner-up: candidate \(rank + 1)\(chosen == nil || chosen != candidates.first ? " (not chosen)" : "")\n"
            } else {
                out += "runner-up: \(Self.line(runnerUp))\n"
            }
        }
        let r = result
        out += "result: \(r.level.rawValue) score \(Self.number(r.score)) "
        if let e = r.easting, let n = r.northing {
            out += "at \(Self.number(e)), \(Self.number(n)) "
            if let point = latitudeLongitude {
                out += String(format: "(latitude %.6f, longitude %.6f) ", point.latitude, point.longitude)
            }
        } else {
            out += "without coordinates "
        }
        out += "precision_m \(r.precisionMeters.map { Self.number($0.rounded()) } ?? "none")"
        if !r.matched.isEmpty { out += " matched \"\(r.matched)\"" }
        if let postcode = r.postcode { out += " postcode \(postcode)" }
        if let borough = r.borough { out += " borough \(borough)" }
        if !r.faults.isEmpty { out += " faults \(r.faults.map(\.code).joined(separator: ";"))" }
        return out + "\n"
    }

    static func line(_ c: MatchCandidate) -> String {
        let faults = c.faults.isEmpty ? "" : "  faults: " + c.faults.map {
            $0.penalty == 0 ? $0.code : "\($0.code) -\(number($0.penalty))"
        }.joined(separator: ", ")
        return "\(number(c.score)) \(c.level.rawValue) \"\(c.matched)\" at \(number(c.x)), \(number(c.y)) "
            + "±\(number(c.precisionMeters.rounded())) m\(faults)"
    }

    /// One decimal at most, rounded half away from zero as the result's score and the batch's columns are.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }
}

