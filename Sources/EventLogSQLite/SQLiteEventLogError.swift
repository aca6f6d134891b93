/// Failures particular to the SQLite backend.
enum SQLiteEventLogError: Error, CustomStringConvertible {
    case system(String)
    case sqlite(code: Int32, message: String)

    var description: String {
        switch self {
        case .system(let message): message
        case .sqlite(let code, let message): "SQLite error \(code): \(message)"
        }
    }
}
