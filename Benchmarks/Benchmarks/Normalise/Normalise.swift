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

    // One scaled iteration is one normalisation (cycling through the dev queries), so the throughput row reads
    // directly as normalisations a second (in thousands: scaling factor kilo).
    Benchmark(
        "Normalise dev queries (\(queries.count), cycled)",
        configuration: .init(scalingFactor: .kilo)
    ) { benchmark in
        var words = 0
        for i in benchmark.scaledIterations {
            words &+= normaliser.parse(queries[i % queries.count]).words.count
        }
        blackHole(words)
    }
}
