import Benchmark
import Foundation
import Locus

/// Normalising the dev evaluation queries, single thread: the target is ≥ 300,000 normalisations a second, so
/// that reading the text never limits batch throughput.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))

    // `../shared/eval/dev/london-dev.csv` beside the checkout, or under $LOCUS_SHARED_DIR.
    let shared = ProcessInfo.processInfo.environment["LOCUS_SHARED_DIR"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared")
    let path = shared.appendingPathComponent("eval/dev/london-dev.csv").path
    guard FileManager.default.fileExists(atPath: path), let source = try? ByteSource(path: path) else {
        print("Normalise benchmark skipped: \(path) not found (set LOCUS_SHARED_DIR to the shared folder)")
        return
    }
    let reader = CSVReader(source: source)
    var queries: [String] = []
    var column: Int?
    while let record = try? reader.next() {
        guard let index = column else {
            column = record.fields.firstIndex(of: "query")
            continue
        }
        if index < record.fields.count { queries.append(record.fields[index]) }
    }
    guard !queries.isEmpty else {
        print("Normalise benchmark skipped: no query column in \(path)")
        return
    }
    let normaliser = Normaliser()

    // One iteration normalises every dev query once; throughput × queries.count = normalisations a second.
    Benchmark("Normalise \(queries.count) dev queries", configuration: .init(scalingFactor: .one)) { benchmark in
        for _ in benchmark.scaledIterations {
            var words = 0
            for query in queries { words &+= normaliser.parse(query).words.count }
            blackHole(words)
        }
    }
}
