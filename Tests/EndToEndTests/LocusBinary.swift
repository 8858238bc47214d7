import Foundation
import Testing

/// Runs the built `locus` executable and captures what it prints.
struct LocusBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable next to the test bundle in the build products folder.
    static var url: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("locus")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        // `swift test` puts test bundles and executables in the same products folder.
        return URL(fileURLWithPath: ".build/debug/locus")
    }

    /// The repository's root folder (holding Package.swift), found from this source file.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `locus` with `arguments` in `directory` (the repository root unless given), feeding `stdin` when given.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil,
                    directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        if let environment { process.environment = environment }
        // Output goes to temporary files, so a large output can never block the child.
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("locus-e2e-\(UUID().uuidString).out")
        let errURL = dir.appendingPathComponent("locus-e2e-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try LocusBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        let help = try LocusBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: locus"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try LocusBinary.run(["--no-such-option"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option"))
    }
}
