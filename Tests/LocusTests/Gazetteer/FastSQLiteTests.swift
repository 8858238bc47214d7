import Foundation
import GRDB
import Testing
@testable import Locus

/// The builder's bulk SQLite paths give the bytes GRDB's own paths gave: rows inserted with values bound
/// directly read back as rows inserted through `execute(arguments:)`, and the digest lines are GRDB's
/// `DatabaseValue.description` of every value (so the content digests of gazetteers built before stay valid).
@Suite struct FastSQLiteTests {
    /// Values of every kind, with the texts that need escapes in a Swift string literal.
    static var rows: [[DatabaseValueConvertible?]] { [
        [1, "HIGH STREET", 529090.0, nil, true],
        [-42, "", 0.1, "ST JOHN'S", false],
        [Int64.max, "quote \" and backslash \\", -1e-7, "tab\tnewline\nend", 7],
        [0, "CAFÉ ’ Ω 😀", 1e21, "\u{7F}\u{1}", Int64.min],
        [12, "plain ASCII ~!@#$%^&*()_+{}|:<>?`-=[];,./", 179645.25, "A", 0],
    ] }

    func twoTables() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for table in ["fast", "grdb"] {
                try db.execute(sql: "CREATE TABLE \(table)(i INTEGER, t TEXT, r REAL, o TEXT, b)")
            }
            let fast = try db.makeStatement(sql: "INSERT INTO fast VALUES (?,?,?,?,?)")
            let grdb = try db.makeStatement(sql: "INSERT INTO grdb VALUES (?,?,?,?,?)")
            for row in Self.rows {
                try FastSQLite.insert(db, fast, row)
                try grdb.execute(arguments: StatementArguments(row))
            }
        }
        return queue
    }

    @Test func directlyBoundRowsAreTheRowsGRDBWrites() throws {
        let queue = try twoTables()
        try queue.read { db in
            let sql = "SELECT i, typeof(i), t, typeof(t), r, typeof(r), o, typeof(o), b, typeof(b) FROM"
            let fast = try Row.fetchAll(db, sql: "\(sql) fast ORDER BY rowid")
            let grdb = try Row.fetchAll(db, sql: "\(sql) grdb ORDER BY rowid")
            #expect(fast == grdb)
            #expect(fast.count == Self.rows.count)
            // An empty string stays an empty text, not NULL.
            #expect(try String.fetchOne(db, sql: "SELECT typeof(t) FROM fast WHERE i = -42") == "text")
        }
    }

    @Test func digestLinesAreGRDBsDescriptionsOfEveryValue() throws {
        let queue = try twoTables()
        try queue.read { db in
            var fast: [[UInt8]] = []
            try FastSQLite.forEachDigestLine(db, sql: "SELECT * FROM fast ORDER BY rowid") { fast.append(Array($0)) }
            var reference: [[UInt8]] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM fast ORDER BY rowid") {
                var line: [UInt8] = []
                for value in row.databaseValues {
                    line.append(contentsOf: value.description.utf8)
                    line.append(0x1F)
                }
                line.append(10)
                reference.append(line)
            }
            #expect(fast == reference)
            #expect(String(decoding: fast[0], as: UTF8.self) == "1\u{1F}\"HIGH STREET\"\u{1F}529090.0\u{1F}NULL\u{1F}1\u{1F}\n")
        }
    }

    @Test func aFailedInsertIsAnError() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(k TEXT PRIMARY KEY NOT NULL)")
            let insert = try db.makeStatement(sql: "INSERT INTO t VALUES (?)")
            try FastSQLite.insert(db, insert, ["A"])
            #expect(throws: DatabaseError.self) { try FastSQLite.insert(db, insert, ["A"]) }
            #expect(throws: DatabaseError.self) { try FastSQLite.insert(db, insert, [nil]) }
            #expect(throws: DatabaseError.self) { try FastSQLite.insert(db, insert, ["B", "C"]) }
            // The statement is usable again after a failure.
            try FastSQLite.insert(db, insert, ["B"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }
}
