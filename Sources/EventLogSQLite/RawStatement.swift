import GRDB
import GRDBSQLite

/// Binding and reading columns through SQLite's C API, for the two hot paths (append and read):
/// GRDB's typed arguments would copy every payload once more.
struct RawStatement {
    let handle: SQLiteStatement
    let connection: SQLiteConnection?

    init(_ statement: Statement, in db: Database) {
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    func bind(_ index: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ index: Int32, _ value: String?) throws {
        guard var text = value else { return try check(sqlite3_bind_null(handle, index)) }
        // SQLITE_TRANSIENT: SQLite copies the text, so the Swift buffer may go away.
        try text.withUTF8 { text in
            try check(sqlite3_bind_text(handle, index, text.baseAddress, Int32(text.count), Self.transient))
        }
    }

    /// Binds the bytes without copying, runs `body` (which must step the statement) while they stay valid.
    func withBoundBlob<T>(_ index: Int32, _ bytes: ArraySlice<UInt8>, _ body: () throws -> T) throws -> T {
        try bytes.withUnsafeBytes { buffer in
            if buffer.isEmpty {
                try check(sqlite3_bind_zeroblob(handle, index, 0))
            } else {
                try check(sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), nil))
            }
            return try body()
        }
    }

    /// Steps once; true if a row is ready, false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(code)
        }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let blob = sqlite3_column_blob(handle, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: blob, count: count))
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func error(_ code: Int32) -> Error {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "unknown error"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
