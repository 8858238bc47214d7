// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Locus",
    // Linux only (Debian 12 with libproj-dev is what CI runs): the library calls Glibc directly (`sigaction`'s
    // `__sigaction_handler`, `setpriority`'s `__priority_which_t`) and has never been built or tested on macOS.
    products: [
        .library(name: "Locus", targets: ["Locus"]),
        .executable(name: "locus", targets: ["locus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 for the gazetteer's digests and source fingerprints (no hand-written cryptography).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // PROJ, the coordinate transformation library (Debian: libproj-dev, proj-data).
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        // The library: one folder per concern (IO, Geometry, Normalise, Gazetteer, Match, Projection, Batch, Dictionaries).
        .target(
            name: "Locus",
            dependencies: [
                "CPROJ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The `locus` command: argument parsing only, no logic.
        .executableTarget(
            name: "locus",
            dependencies: [
                "Locus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `locus-fuzz`: the fuzz harness (Sources/Locus/Reliability) at length, run on demand.
        .executableTarget(name: "locus-fuzz", dependencies: ["Locus"]),
        .testTarget(name: "LocusTests", dependencies: ["Locus"]),
        // Runs the built `locus` binary on Fixtures/.
        .testTarget(name: "EndToEndTests", dependencies: ["Locus", "locus"]),
    ]
)
