/// What can go wrong reading `sagas.sqlite` besides SQLite's own errors.
public enum SagaDatabaseError: Error, Sendable, Equatable {
    /// A row the coordinator wrote cannot be read back (a damaged or foreign file).
    case unreadableRow(table: String)
}
