import DosCommandLine
import EventLog
import Foundation
import Model

/// How the console reaches the stream: publish commands, and ask for what it does not keep in
/// memory. Answers arrive later through the feed's inbox (the UI never waits on the stream).
public protocol StreamClient: Sendable {
    /// Publishes the commands, each with a new saga id (returned in order).
    func publish(_ commands: [PlannedCommand]) -> [String]
    func requestHistory(kind: EntityKind, id: UUID)
    func requestRecord(topic: String, position: LogPosition)
    /// Reads `count` events older than the tail's oldest.
    func requestOlderTail(before offset: Int64?, count: Int)
    /// Restarts the tail from another point (clears it).
    func restartTail(from start: StartPoint)
    func retryDeadLetter(id: String)
    func discardDeadLetter(id: String, reason: String?)
}

