import EventLog

/// A reader outside any group: it keeps its own cursors and commits nothing.
actor SQLiteLogReader: LogReader {
    private let log: SQLiteEventLog
    private var cursors: [String: Int64]
    private var closed = false

    init(log: SQLiteEventLog, cursors: [String: Int64]) {
        self.log = log
        self.cursors = cursors
    }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        let deadline = PollDeadline(timeout)
        while true {
            guard !closed else { throw EventLogError.closed }
            let generation = log.notifier.generation
            let (records, advanced) = try await log.fetch(cursors: cursors, limit: maxRecords)
            cursors = advanced
            if !records.isEmpty { return records }
            if deadline.hasPassed || Task.isCancelled { return [] }
            await log.notifier.wait(afterGeneration: generation, deadline: deadline.nanoseconds)
        }
    }

    func close() async {
        closed = true
    }
}

/// A point in monotonic time a poll must return by.
struct PollDeadline {
    let nanoseconds: UInt64

    init(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        let total = max(0, Double(seconds) * 1e9 + Double(attoseconds) / 1e9)
        nanoseconds = ChangeNotifier.now() &+ UInt64(min(total, 1e17))
    }

    init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    var hasPassed: Bool { ChangeNotifier.now() >= nanoseconds }

    func earlier(than other: UInt64) -> PollDeadline { PollDeadline(nanoseconds: min(nanoseconds, other)) }
}
