import Benchmark
import CPROJ
import Foundation
import Locus

/// BNG → WGS 84 for 1,000,000 points: Locus's Projector (per-point operation choice and report, area checks)
/// against raw PROJ (`proj_create_crs_to_crs` + `proj_trans_generic` in one call). With the scaling factor of
/// one million the times are per point: points per second = 1e9 / ns (the benchmark tool rounds throughput to
/// whole millions, so it is not shown). On a shared machine compare CPU times: wall clock includes waiting.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal], timeUnits: .nanoseconds, scalingFactor: .mega,
        maxDuration: .seconds(10), maxIterations: 20)

    let count = 1_000_000
    // Deterministic points over Greater London and its edge (BNG metres).
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
    var eastings = [Double](), northings = [Double]()
    eastings.reserveCapacity(count)
    northings.reserveCapacity(count)
    for _ in 0..<count {
        eastings.append(503_000 + next() * 59_000)
        northings.append(155_000 + next() * 46_000)
    }
    let sourceX = eastings, sourceY = northings

    Benchmark("Projection Locus Projector BNG→WGS84 1M points (batches of 4096)") { benchmark in
        let projector = try ProjectionSpec.bngToWGS84.makeProjector()
        var x = sourceX, y = sourceY
        var status = [PointStatus](repeating: .ok, count: count)
        benchmark.startMeasurement()
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                status.withUnsafeMutableBufferPointer { ss in
                    var start = 0
                    while start < count {
                        let end = min(start + 4096, count)
                        projector.transform(x: .init(rebasing: xs[start..<end]), y: .init(rebasing: ys[start..<end]),
                                            status: .init(rebasing: ss[start..<end]))
                        start = end
                    }
                }
            }
        }
        benchmark.stopMeasurement()
        precondition(projector.report.okPoints == count, "every point should transform")
        blackHole(x[count / 2])
        if ProcessInfo.processInfo.environment["LOCUS_BENCH_VERBOSE"] != nil {
            print(projector.report.operationLines.joined(separator: "\n"))
        }
    }

    Benchmark("Projection raw PROJ proj_trans_generic BNG→WGS84 1M points") { benchmark in
        guard let ctx = proj_context_create() else { fatalError("no PROJ context") }
        proj_context_set_enable_network(ctx, 0)
        let raw = proj_create_crs_to_crs(ctx, "EPSG:27700", "EPSG:4326", nil)
        let pj = proj_normalize_for_visualization(ctx, raw)
        proj_destroy(raw)
        var x = sourceX, y = sourceY
        let stride = MemoryLayout<Double>.stride
        benchmark.startMeasurement()
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                _ = proj_trans_generic(pj, PJ_FWD, xs.baseAddress, stride, count, ys.baseAddress, stride, count,
                                       nil, 0, 0, nil, 0, 0)
            }
        }
        benchmark.stopMeasurement()
        blackHole(x[count / 2])
        proj_destroy(pj)
        proj_context_destroy(ctx)
    }
}
