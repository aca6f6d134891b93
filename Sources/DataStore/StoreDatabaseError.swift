/// What can go wrong reading the store's own database, beside SQLite's errors.
public enum StoreDatabaseError: Error, Equatable, CustomStringConvertible {
    /// A row that this code did not write the way it reads it (an edited or damaged file).
    case unreadableRow(table: String, detail: String)

    public var description: String {
        switch self {
        case .unreadableRow(let table, let detail): "unreadable row in the store's \(table) table: \(detail)"
        }
    }
}
