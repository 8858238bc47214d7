import Benchmark
import Foundation
import Locus

/// The gazetteer: full London build time and file size, store open time, and the per-query lookups the
/// matcher makes (it targets 50,000 matches/s on one thread, and the batch command must emit its first row
/// within 100 ms including the open).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                           maxDuration: .seconds(10))
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/london")
    let environment = ProcessInfo.processInfo.environment
    let london = environment["LOCUS_SHARED_DIR"].map { URL(fileURLWithPath: $0).appendingPathComponent("data/london") }
        ?? shared
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("locus-bench-london.sqlite")

    Benchmark("Gazetteer build London", configuration: .init(metrics: [.wallClock, .peakMemoryResident],
                                                              maxDuration: .seconds(1), maxIterations: 1)) { _ in
        let summary = try GazetteerBuilder(sources: .sharedLondon(london)).build(to: output)
        print(String(format: "london.sqlite: %.1f MB, %.1f s", Double(summary.bytes) / 1_048_576, summary.seconds))
    }

    if !FileManager.default.fileExists(atPath: output.path) {
        _ = try? GazetteerBuilder(sources: .sharedLondon(london)).build(to: output)
    }

    Benchmark("Gazetteer open") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try GazetteerStore(path: output)) }
    }

    let postcodes = ["SW1A 1AA", "CR0 1AB", "E1 6AN", "N1 9GU", "SE1 7PB", "W2 2ES", "BR1 1AA", "SW1A 0AB"]
    let words = ["HIGH", "ADDINGTON", "KENSINGTON", "BROADWAY", "STATION", "CHURCH", "ELEPHANT", "MARKET"]
    let store = try? GazetteerStore(path: output, maximumReaders: 2)

    Benchmark("Gazetteer postcode lookup", configuration: .init(scalingFactor: .kilo)) { benchmark in
        guard let store else { return }
        for i in benchmark.scaledIterations { blackHole(try store.postcode(postcodes[i % postcodes.count])) }
    }

    Benchmark("Gazetteer token lookup", configuration: .init(scalingFactor: .kilo)) { benchmark in
        guard let store else { return }
        for i in benchmark.scaledIterations {
            blackHole(try store.entities(token: words[i % words.count], kind: .street))
        }
    }

    Benchmark("Gazetteer 8 lookups in one session", configuration: .init(scalingFactor: .kilo)) { benchmark in
        guard let store else { return }
        for i in benchmark.scaledIterations {
            try store.session {
                for j in 0..<4 {
                    blackHole(try store.postcode(postcodes[(i + j) % postcodes.count]))
                    blackHole(try store.documentFrequency(token: words[(i + j) % words.count], kind: .street))
                }
            }
        }
    }

    Benchmark("Gazetteer typo candidates", configuration: .init(scalingFactor: .kilo)) { benchmark in
        guard let store else { return }
        let typos = ["ADDINGTN", "KENSIGNTON", "BRODWAY", "CHRUCH"]
        for i in benchmark.scaledIterations { blackHole(try store.typoCandidates(typos[i % typos.count])) }
    }

    Benchmark("Gazetteer nearest postcode", configuration: .init(scalingFactor: .kilo)) { benchmark in
        guard let store else { return }
        for i in benchmark.scaledIterations {
            blackHole(try store.nearestPostcode(x: 529000 + Double(i % 997), y: 179000 + Double(i % 613)))
        }
    }
}
