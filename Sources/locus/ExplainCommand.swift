import ArgumentParser
import Foundation
import Locus

/// `locus explain TEXT`: how one location geocodes, and why.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one location geocodes: the parse, the top candidates with scores and faults, the result.",
        discussion: """
            EXAMPLES:
              locus explain "O/S 12 HIGH ST CROYDON"
              locus explain --borough "Richmond upon Thames" --json "175 ASHBURNHAM RD, HAM"
            """)

    @Argument(help: "The location text.")
    var text: String

    @Option(help: "A postcode given apart from the text (as a postcode column would).")
    var postcode: String?

    @Option(help: "A borough given apart from the text (as a borough column would).")
    var borough: String?

    @Option(help: "How many candidates to show.")
    var top = 5

    @Flag(help: "Print the explanation as JSON.")
    var json = false

    @Option(help: "The gazetteer (default: $LOCUS_GAZETTEER, else <data folder>/<edition>.sqlite, as geocode).")
    var gazetteer: String?

    @Option(help: "Coordinates only for results at least this precise (metres).")
    var maxPrecisionM = Matcher.defaultAcceptanceRadius

    func run() throws {
        let path = gazetteer.map { URL(fileURLWithPath: $0) } ?? DefaultGazetteer.path()
        let store: GazetteerStore
        do {
            store = try GazetteerStore(path: path, maximumReaders: 1)
        } catch {
            FileHandle.standardError.write(Data("locus explain: error: \(error)\n".utf8))
            throw ExitStatus.unavailable.exitCode
        }
        let matcher = Matcher(store: store, acceptanceRadius: maxPrecisionM, preload: false)
        var explanation = matcher.explain(LocationQuery(text: text, postcode: postcode, borough: borough))
        let point = try Self.latitudeLongitude(explanation.result)
        if json {
            explanation.candidates = Array(explanation.candidates.prefix(top))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let output = ExplainJSON(explanation: explanation, latitude: point?.latitude, longitude: point?.longitude)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(explanation.text(limit: top, latitudeLongitude: point), terminator: "")
        }
    }

    /// The result's WGS84 point as `locus geocode` writes it (the same PROJ operation, 6 decimals), or nil.
    static func latitudeLongitude(_ result: GeocodeResult) throws -> (latitude: Double, longitude: Double)? {
        guard let e = result.easting, let n = result.northing else { return nil }
        var batch = CoordinateBatch()
        batch.append(easting: e, northing: n)
        do {
            try CoordinateProjection.proj(targetCRS: nil).makeConverter().convert(&batch)
        } catch {
            FileHandle.standardError.write(Data("locus explain: error: \(error)\n".utf8))
            throw ExitStatus.unavailable.exitCode
        }
        let round = { (value: Double) in (value * 1_000_000).rounded() / 1_000_000 }
        guard batch.latitude[0].isFinite, batch.longitude[0].isFinite else { return nil }
        return (round(batch.latitude[0]), round(batch.longitude[0]))
    }
}

/// `locus explain --json`: the explanation, with the result's `latitude` and `longitude` (WGS84, as `locus
/// geocode` writes them; `null` without coordinates) added to `result`.
struct ExplainJSON: Encodable {
    var explanation: MatchExplanation
    var latitude: Double?
    var longitude: Double?

    private enum Keys: String, CodingKey { case query, parse, candidates, chosen, runnerUp, result }
    private enum PointKeys: String, CodingKey { case latitude, longitude }

    /// The result's own keys, then latitude and longitude, in one object.
    private struct ResultWithPoint: Encodable {
        var result: GeocodeResult
        var latitude: Double?
        var longitude: Double?

        func encode(to encoder: any Encoder) throws {
            try result.encode(to: encoder)
            var c = encoder.container(keyedBy: PointKeys.self)
            try c.encode(latitude, forKey: .latitude)
            try c.encode(longitude, forKey: .longitude)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(explanation.query, forKey: .query)
        try c.encode(explanation.parse, forKey: .parse)
        try c.encode(explanation.candidates, forKey: .candidates)
        try c.encode(explanation.chosen, forKey: .chosen)
        try c.encode(explanation.runnerUp, forKey: .runnerUp)
        try c.encode(ResultWithPoint(result: explanation.result, latitude: latitude, longitude: longitude), forKey: .result)
    }
}
