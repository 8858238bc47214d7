import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The builder's bulk paths through SQLite, below GRDB's per-row checks and copies: inserting rows with values
/// bound straight to a prepared statement, and reading a table back as the lines the content digest hashes.
/// Both give exactly the bytes GRDB's own paths gave, so files and digests are unchanged.
enum FastSQLite {
    /// Feeds every row of `sql` (a `SELECT * … ORDER BY …`) to `body` as the line the digest hashes: each value
    /// as GRDB's `DatabaseValue.description` writes it (`NULL`, integers in decimal, reals as Swift prints a
    /// `Double`, text as a quoted Swift string literal), each followed by 0x1F, and a newline. Plain text (printable
    /// ASCII needing no escape) and integers are written straight into the line; anything else goes through
    /// `DatabaseValue.description` itself.
    static func forEachDigestLine(_ db: Database, sql: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        let columns = sqlite3_column_count(handle)
        var line: [UInt8] = []
        line.reserveCapacity(1024)
        while try step(db, handle, sql: sql) {
            line.removeAll(keepingCapacity: true)
            for column in 0..<columns {
                append(handle, column, to: &line)
                line.append(0x1F)
            }
            line.append(10)
            line.withUnsafeBytes(body)
        }
        sqlite3_reset(handle)
    }

    /// Steps `handle` (prepared from `sql`) on: true at a row, false when done; a failure throws.
    @inline(__always)
    static func step(_ db: Database, _ handle: SQLiteStatement, sql: String) throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return false }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
        }
        return true
    }

    @inline(__always)
    private static func append(_ handle: SQLiteStatement, _ column: CInt, to line: inout [UInt8]) {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL:
            line.append(contentsOf: [0x4E, 0x55, 0x4C, 0x4C])  // NULL
        case SQLITE_INTEGER:
            appendDecimal(sqlite3_column_int64(handle, column), to: &line)
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, column))
            if let text = sqlite3_column_text(handle, column) {
                let bytes = UnsafeBufferPointer(start: text, count: count)
                if bytes.allSatisfy(isPlain) {
                    line.append(0x22)
                    line.append(contentsOf: bytes)
                    line.append(0x22)
                    return
                }
            }
            line.append(contentsOf: DatabaseValue(sqliteStatement: handle, index: column).description.utf8)
        default:
            line.append(contentsOf: DatabaseValue(sqliteStatement: handle, index: column).description.utf8)
        }
    }

    /// Printable ASCII that a Swift string literal writes as it is (not `"`, `'` or `\`).
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte <= 0x7E && byte != 0x22 && byte != 0x27 && byte != 0x5C
    }

    @inline(__always)
    private static func appendDecimal(_ value: Int64, to line: inout [UInt8]) {
        if value < 0 {
            line.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = UInt64(value), count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            line.append(contentsOf: buffer[(20 - count)...])
        }
    }
}

extension FastSQLite {
    /// Runs the prepared INSERT `statement` once with `values` bound in order, each as GRDB binds its
    /// `databaseValue` (text copied, an empty string as empty text, nil as NULL).
    static func insert(_ db: Database, _ statement: Statement, _ values: [DatabaseValueConvertible?]) throws {
        let handle = statement.sqliteStatement
        func check(_ code: CInt, _ expected: CInt) throws {
            guard code == expected else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
        }
        guard values.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "\(values.count) values for "
                                + "\(sqlite3_bind_parameter_count(handle)) parameters", sql: statement.sql)
        }
        for (index, value) in values.enumerated() {
            let column = CInt(index + 1)
            switch (value?.databaseValue ?? .null).storage {
            case .null: try check(sqlite3_bind_null(handle, column), SQLITE_OK)
            case .int64(let v): try check(sqlite3_bind_int64(handle, column, v), SQLITE_OK)
            case .double(let v): try check(sqlite3_bind_double(handle, column, v), SQLITE_OK)
            case .string(var v):
                let code = v.withUTF8 { text in
                    // A nil base address would bind NULL: an empty string is bound as "".
                    text.isEmpty ? sqlite3_bind_text(handle, column, "", 0, sqliteTransient)
                        : sqlite3_bind_text(handle, column, text.baseAddress, CInt(text.count), sqliteTransient)
                }
                try check(code, SQLITE_OK)
            case .blob(let data):
                let code = data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, column, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                      CInt(bytes.count), sqliteTransient)
                }
                try check(code, SQLITE_OK)
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        try check(code, SQLITE_DONE)
    }

    /// SQLite's SQLITE_TRANSIENT (copy the value now), which C defines as a cast Swift does not import.
    private static let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
