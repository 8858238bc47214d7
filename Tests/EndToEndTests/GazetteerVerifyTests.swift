import Foundation
import Testing

/// `locus gazetteer verify` and read errors during a run, on copies of the fixture gazetteer changed with the
/// `sqlite3` command (a row edited, pages of a table overwritten).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs /usr/bin/sqlite3"))
struct GazetteerVerifyTests {
    /// A copy of the fixture gazetteer.
    static func copy() throws -> URL {
        let url = GeocodeBinary.scratchFile("-copy.sqlite")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: try GeocodeBinary.gazetteer()), to: url)
        return url
    }

    /// Runs `sqlite3 file sql` and returns its standard output.
    @discardableResult
    static func sqlite(_ file: URL, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [file.path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    @Test func intactChangedMissingAndUnreadable() throws {
        let good = try Self.copy()
        let intact = try LocusBinary.run(["gazetteer", "verify", good.path])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout.contains("\(good.path): intact (24 tables, content digest "))

        let changed = try Self.copy()
        try Self.sqlite(changed, "UPDATE street SET x = x + 1 WHERE id = (SELECT MIN(id) FROM street)")
        let differs = try LocusBinary.run(["gazetteer", "verify", changed.path])
        #expect(differs.status == 65)
        #expect(differs.stderr.contains("table street differs from the build's"))

        let missing = try LocusBinary.run(["gazetteer", "verify", "/no/such/gazetteer.sqlite"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no gazetteer at /no/such/gazetteer.sqlite"))

        let garbage = GeocodeBinary.scratchFile("-garbage.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: garbage)
        let unreadable = try LocusBinary.run(["gazetteer", "verify", garbage.path])
        #expect(unreadable.status == 74)
        #expect(unreadable.stderr.contains("cannot read the gazetteer \(garbage.path)"))
    }

    @Test func aReadErrorDuringARunStopsItWithExit74() throws {
        let damaged = try Self.copy()
        // Overwrite every page of the token table (street-name postings) with zeros; the tables read at open
        // (meta, boroughs, wards, areas) stay intact.
        let pages = try Self.sqlite(damaged, "SELECT pageno FROM dbstat WHERE name = 'token'")
            .split(separator: "\n").compactMap { Int($0) }
        let pageSize = Int(try Self.sqlite(damaged, "PRAGMA page_size").trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(!pages.isEmpty)
        let handle = try FileHandle(forWritingTo: damaged)
        for page in pages {
            try handle.seek(toOffset: UInt64((page - 1) * pageSize))
            handle.write(Data(repeating: 0, count: pageSize))
        }
        try handle.close()
        let output = GeocodeBinary.scratchFile("-out.csv")
        let run = try LocusBinary.run(["geocode", "--gazetteer", damaged.path, "-o", output.path,
                                       GeocodeBinary.fixtureURL("sample-incidents.csv").path])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("reading the gazetteer \(damaged.path) failed during the run"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let verify = try LocusBinary.run(["gazetteer", "verify", damaged.path])
        #expect(verify.status == 74 || verify.status == 65)
    }
}
