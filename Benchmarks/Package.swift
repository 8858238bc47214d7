// swift-tools-version:6.1
// Locus benchmarks, kept in their own package so that `swift test` at the top never builds the benchmark tools.
// Run from this folder: `swift package benchmark` (all) or `swift package benchmark --filter NAME`.
import Foundation
import PackageDescription

// The parent package's identity is the name of the checkout folder, which differs between machines.
let locusPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

func benchmarkTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "Locus", package: locusPackage),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "LocusBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // The MallocInterposer trait alone keeps the build to packages available offline.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("CSV"),
        benchmarkTarget("Batch"),
        benchmarkTarget("Gazetteer"),
        benchmarkTarget("Match"),
        benchmarkTarget("Normalise"),
        benchmarkTarget("Projection"),
    ]
)
