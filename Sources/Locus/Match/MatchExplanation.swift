import Foundation

/// Why a query geocoded as it did: the parse, every candidate ranked best first, the one chosen (nil when
/// none was), the runner-up and the result written. `locus explain` prints it.
public struct MatchExplanation: Sendable, Codable {
    public var query: LocationQuery
    public var parse: ParsedLocation
    /// Best first.
    public var candidates: [MatchCandidate]
    public var chosen: MatchCandidate?
    public var runnerUp: MatchCandidate?
    public var result: GeocodeResult

    /// The explanation as text: the parse, the top `limit` candidates with scores and faults, the result.
    public func text(limit: Int = 5) -> String {
        var out = "query: \(query.text)\n"
        if let postcode = query.postcode { out += "postcode column: \(postcode)\n" }
        if let borough = query.borough { out += "borough column: \(borough)\n" }
        out += "parse:\n"
        for line in parse.description(of: query.text).split(separator: "\n") { out += "  \(line)\n" }
        out += "candidates (\(candidates.count), top \(min(limit, candidates.count))):\n"
        for (i, c) in candidates.prefix(limit).enumerated() {
            out += "  \(i + 1). \(Self.line(c))\n"
        }
        if let runnerUp { out += "runner-up: \(Self.line(runnerUp))\n" }
        let r = result
        out += "result: \(r.level.rawValue) score \(Self.number(r.score)) "
        if let e = r.easting, let n = r.northing {
            out += "at \(Self.number(e)), \(Self.number(n)) "
        } else {
            out += "without coordinates "
        }
        out += "precision \(r.precisionMeters.map(Self.number) ?? "-") m"
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
            + "±\(number(c.precisionMeters)) m\(faults)"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

