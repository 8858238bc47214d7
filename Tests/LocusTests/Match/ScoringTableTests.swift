import Foundation
import Testing
@testable import Locus

/// README "Faults" names exactly the fault codes the matcher's `Scoring` table holds, and each of them is
/// emitted somewhere in the matcher (its constant is used outside `Scoring`).
@Suite struct ScoringTableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The codes in the first column of README's "### Faults" table (`nothing_to_geocode.*` read as its prefix).
    static func readmeCodes() throws -> [String] {
        let text = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### Faults\n").dropFirst().first)
            .components(separatedBy: "\n### ").first ?? ""
        var codes: [String] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let first = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            for part in first.split(separator: "`") where !part.trimmingCharacters(in: .whitespaces).isEmpty
                && !part.contains(",") {
                codes.append(part.hasSuffix(".*") ? String(part.dropLast(2)) : String(part))
            }
        }
        return codes
    }

    @Test func readmeFaultTableNamesExactlyTheMatchersCodes() throws {
        let readme = try Self.readmeCodes()
        #expect(readme.count == Set(readme).count, "a code listed twice in README")
        #expect(Set(readme) == Set(Scoring.faultCodes),
                "README only: \(Set(readme).subtracting(Scoring.faultCodes)); code only: \(Set(Scoring.faultCodes).subtracting(readme))")
        #expect(readme == Scoring.faultCodes, "README order differs from Scoring.faultCodes")
    }

    @Test func everyCodeIsEmitted() throws {
        // Each constant of the table is used by the matcher outside its declaration.
        let folder = Self.repository.appendingPathComponent("Sources/Locus/Match")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let source = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        let declarations = source.split(separator: "\n").filter { $0.contains("static let") && $0.contains(" = \"") }
        for line in declarations {
            let name = line.split(separator: "let ")[1].split(separator: " ")[0]
            let code = line.split(separator: "\"")[1]
            guard Scoring.faultCodes.contains(String(code)) else { continue }
            #expect(source.components(separatedBy: "Scoring.\(name)").count > 1, "\(code) is never emitted")
        }
    }
}
