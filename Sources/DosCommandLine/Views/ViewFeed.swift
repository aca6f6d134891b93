import EventLog

/// Reads one topic from the beginning to its current end, in batches, handing each record on.
///
/// The views are rebuilt from the stream on every run (the console never asks a service),
/// so this is the one loop every read-side command shares.
public struct ViewFeed: Sendable {
    public var log: any EventLog
    public var topic: String
    public var batchSize: Int

    public init(log: any EventLog, topic: String, batchSize: Int = 1_000) {
        self.log = log
        self.topic = topic
        self.batchSize = max(1, batchSize)
    }

    /// Calls `body` with every record now in the topic, in log order; returns how many there were.
    @discardableResult
    public func forEachRecord(_ body: (LogRecord) throws -> Void) async throws -> Int {
        let reader = try await log.reader(topics: [topic], from: .beginning)
        var count = 0
        do {
            while true {
                // A zero timeout: an empty batch means the reader has caught up with the log.
                let batch = try await reader.poll(maxRecords: batchSize, timeout: .zero)
                if batch.isEmpty { break }
                for record in batch { try body(record) }
                count += batch.count
            }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
        return count
    }
}
