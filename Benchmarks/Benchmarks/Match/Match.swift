import Benchmark
import Foundation
import Locus

/// Matching the dev evaluation queries (with their borough hints) on one thread against the full London
/// gazetteer: the target is ≥ 50,000 matches a second. Uses $LOCUS_GAZETTEER, else the repository's
/// gazetteer/london.sqlite (build it with `locus gazetteer build`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10))

    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let environment = ProcessInfo.processInfo.environment
    let shared = environment["LOCUS_SHARED_DIR"].map { URL(fileURLWithPath: $0) }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared")
    let gazetteer = environment["LOCUS_GAZETTEER"].map { URL(fileURLWithPath: $0) }
        ?? repository.appendingPathComponent("gazetteer/london.sqlite")
    let cases = shared.appendingPathComponent("eval/dev/london-dev.csv").path
    guard let source = try? ByteSource(path: cases), let store = try? GazetteerStore(path: gazetteer, maximumReaders: 1)
    else {
        print("Match benchmark skipped: needs \(cases) and \(gazetteer.path)")
        return
    }
    let reader = CSVReader(source: source)
    var queries: [LocationQuery] = []
    var columns: (query: Int, hint: Int)?
    while let record = try? reader.next() {
        guard let (q, h) = columns else {
            if let q = record.fields.firstIndex(of: "query"), let h = record.fields.firstIndex(of: "hint_area") {
                columns = (q, h)
            }
            continue
        }
        queries.append(LocationQuery(text: record.fields[q], borough: record.fields[h]))
    }
    // Every iteration matches afresh; only the gazetteer lookups stay remembered between iterations.
    let matcher = {
        var matcher = Matcher(store: store)
        matcher.remembersResults = false
        return matcher
    }()

    matcher.waitUntilPreloaded()

    // One iteration matches every dev query `passes` times (long enough for the 10 ms resolution of CPU time);
    // the name gives the matches per iteration.
    let passes = 4
    Benchmark("Match \(queries.count * passes) dev queries, one thread", configuration: .init(scalingFactor: .one)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            var matched = 0
            for _ in 0..<passes {
                for query in queries where matcher.geocode(query).isMatched { matched &+= 1 }
            }
            blackHole(matched)
        }
    }

    // First sight: every iteration starts with nothing remembered (the memory index of the gazetteer's hot
    // tables stays, as in a long run), so every street is searched and every lookup read anew.
    Benchmark("Match \(queries.count) dev queries first sight, one thread", configuration: .init(scalingFactor: .one)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            let fresh = matcher.forgettingLookups()
            var matched = 0
            for query in queries where fresh.geocode(query).isMatched { matched &+= 1 }
            blackHole(matched)
        }
    }

    // First sight without the memory index: every lookup is an SQLite read.
    let sqliteOnly = {
        var matcher = Matcher(store: store, preload: false)
        matcher.remembersResults = false
        return matcher
    }()
    Benchmark("Match \(queries.count) dev queries first sight SQLite only, one thread",
              configuration: .init(scalingFactor: .one)) { benchmark in
        for _ in benchmark.scaledIterations {
            let fresh = sqliteOnly.forgettingLookups()
            var matched = 0
            for query in queries where fresh.geocode(query).isMatched { matched &+= 1 }
            blackHole(matched)
        }
    }
}
