import Foundation
import Testing

/// The library is a library: what it says to a user names no command-line option and sets no exit status;
/// the `locus` target words options and maps outcomes to statuses (`ErrorMessage`, `ExitStatus`).
@Suite struct LibraryBoundaryTests {
    /// Every Swift file of the `Locus` library, with its lines.
    static func librarySources() throws -> [(path: String, lines: [Substring])] {
        let root = TestGazetteer.repository.appendingPathComponent("Sources/Locus")
        var files: [(String, [Substring])] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = walker?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            files.append((String(file.path.dropFirst(root.path.count + 1)),
                          text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files
    }

    /// The string literals on a line of code (comments left out): enough for one-line literals and
    /// interpolations without nested quotes.
    static func literals(_ line: Substring) -> [String] {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//") else { return [] }
        let regex = /"(?:[^"\\]|\\.)*"/
        return code.matches(of: regex).map { String($0.output) }
    }

    @Test func libraryTextsNameNoCommandLineOption() throws {
        let option = /--[a-z][a-z-]+/
        var found: [String] = []
        for (path, lines) in try Self.librarySources() {
            for (i, line) in lines.enumerated() {
                // PROJ's own tool's options (`projsync --file`) are PROJ's, not the command line's.
                for literal in Self.literals(line)
                    where literal.replacing(/projsync --[a-z]+/, with: "").contains(option) {
                    found.append("\(path):\(i + 1): \(literal)")
                }
            }
        }
        #expect(found.isEmpty, "option names in library texts:\n\(found.joined(separator: "\n"))")
    }

    @Test func libraryNeitherExitsNorHandlesSignals() throws {
        // A free function, not a method such as a semaphore's `done.signal()`.
        let forbidden = /(^|[^.\w])(ExitCode|exit|sigaction|signal)\(/
        var found: [String] = []
        for (path, lines) in try Self.librarySources() {
            for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                && line.contains(forbidden) {
                found.append("\(path):\(i + 1): \(line)")
            }
        }
        #expect(found.isEmpty, "exit or signal handling in the library:\n\(found.joined(separator: "\n"))")
    }

    /// The check finds what it looks for (so a pass means something).
    @Test func theChecksFindAnOptionInALiteral() {
        #expect(Self.literals(#"    return "pass --proj-data FOLDER" + x"#[...]).contains { $0.contains(/--[a-z][a-z-]+/) })
        #expect(Self.literals(#"    /// see `--proj-data`"#[...]).isEmpty)
        #expect("    signal(SIGPIPE, SIG_IGN)".contains(/(^|[^.\w])(ExitCode|exit|sigaction|signal)\(/))
        #expect(!"    done.signal()".contains(/(^|[^.\w])(ExitCode|exit|sigaction|signal)\(/))
    }
}
