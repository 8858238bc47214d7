import Benchmark
import Foundation
import Locus

/// Reading and writing CSV: the floor under every batch command's throughput.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock, .peakMemoryResident], maxDuration: .seconds(5))

    let rows = 100_000
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("locus-bench-csv.csv").path
    var text = "id,location,borough\n"
    for i in 0..<rows { text += "\(i),\"O/S \(i % 300) HIGH ST, CROYDON CR0 1AB\",Croydon\n" }
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))

    Benchmark("CSV read 100k rows") { benchmark in
        for _ in benchmark.scaledIterations {
            let reader = CSVReader(source: try ByteSource(path: path))
            var n = 0
            while let record = try reader.next() { n += record.fields.count }
            blackHole(n)
        }
    }

    Benchmark("CSV encode 100k rows") { benchmark in
        let fields = ["12345", "O/S 12 HIGH ST, CROYDON CR0 1AB", "Croydon", "51.3721", "-0.1017"]
        for _ in benchmark.scaledIterations {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(1 << 20)
            for _ in 0..<rows {
                CSVWriter.encode(fields, into: &bytes)
                if bytes.count > 1 << 20 { bytes.removeAll(keepingCapacity: true) }
            }
            blackHole(bytes.count)
        }
    }
}
