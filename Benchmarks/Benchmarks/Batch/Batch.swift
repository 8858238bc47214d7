import Benchmark
import Foundation
import Locus

/// A stand-in for the matcher that costs almost nothing: the last two numbers of the text are BNG easting and
/// northing. With it the benchmark measures the batch machinery alone: CSV in, chunks across threads,
/// PROJ, encoding, CSV out in order.
struct GridReferenceGeocoder: Geocoding {
    func geocode(_ query: LocationQuery) -> GeocodeResult {
        // The last two runs of at least five digits, scanned without allocating.
        var previous = -1.0, last = -1.0, run = 0.0, digits = 0
        for byte in query.text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run = run * 10 + Double(byte - 0x30)
                digits += 1
            } else {
                if digits >= 5 { (previous, last) = (last, run) }
                run = 0
                digits = 0
            }
        }
        if digits >= 5 { (previous, last) = (last, run) }
        guard previous >= 0 else { return .unmatched([Fault("bench.no_grid_reference")]) }
        return GeocodeResult(
            easting: previous, northing: last, level: .street, score: 90, precisionMeters: 50, matched: "STREET",
            postcode: query.postcode, borough: "Croydon", ward: "Fairfield", lsoa: "E01001001", faults: [])
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 3)

    /// A police-style CSV of `rows` rows (one in seven without a grid reference), made once in the temporary folder.
    func input(rows: Int) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("locus-bench-batch-\(rows).csv").path
        guard !FileManager.default.fileExists(atPath: path) else { return path }
        var text = "id,location,postcode,borough\n"
        text.reserveCapacity(rows * 60)
        for i in 0..<rows {
            let easting = 520_000 + (i * 37) % 20_000, northing = 160_000 + (i * 91) % 30_000
            text += i % 7 == 6
                ? "\(i),\"O/S \(i % 300) HIGH ST, CROYDON\",CR0 1AB,Croydon\n"
                : "\(i),\"O/S \(i % 300) HIGH ST \(easting) \(northing)\",CR0 1AB,Croydon\n"
        }
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    // Rows/s of the whole pipeline (the wall clock per row with the scaling factor), and peak memory, which
    // must be the same for 10,000 and 1,000,000 rows.
    for (rows, threads, scale) in [(1_000_000, 1, BenchmarkScalingFactor.mega), (1_000_000, 2, .mega), (10_000, 2, .kilo)] {
        let path = input(rows: rows)
        let name = "Batch geocode \(rows / scale.rawValue)\(scale == .mega ? "M" : "k") rows, \(threads) thread\(threads == 1 ? "" : "s")"
        Benchmark(name, configuration: .init(scalingFactor: scale)) { benchmark in
            var options = BatchOptions()
            options.threads = threads
            options.prefix = "locus_"
            options.postcodeColumn = ColumnSelector("postcode")
            options.boroughColumn = ColumnSelector("borough")
            let projection = try CoordinateProjection.proj(targetCRS: nil)
            let summary = try BatchGeocoder(options: options, projection: projection).run(
                input: ByteSource(path: path), output: ByteSink(path: "/dev/null"), geocoder: GridReferenceGeocoder())
            precondition(summary.rows == rows)
            blackHole(summary)
        }
    }
}
