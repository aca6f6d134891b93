import Console
import EventLogSQLite
import Foundation

/// The console's checkpoint for the data set, made once beside the generated log as a console
/// that had run on it before would have left it: the feed folds the whole log, then it is saved.
enum CheckpointPrep {
    /// Makes it unless it is there; returns a line about it (size, and the time to make it).
    static func prepare(directory: String) async throws -> String {
        let store = CheckpointStore(dataDirectory: directory)
        if !FileManager.default.fileExists(atPath: store.path) {
            Report.note("checkpoint: folding \(directory) to make one")
            let log = try SQLiteEventLog(directory: directory)
            let inbox = Inbox()
            let feed = StreamFeed(log: log, inbox: inbox)
            var state = ConsoleState(backend: "bench", tailCapacity: 100)
            feed.start(tailStart: .end)
            let deadline = ContinuousClock.now + .seconds(600)
            while state.status.connection != .connected(caughtUp: true) {
                guard ContinuousClock.now < deadline else { throw BenchmarkError("the feed did not catch up within 10 minutes") }
                let delivery = inbox.take()
                for batch in delivery.state { state.ingest(items: batch.items, reader: batch.reader, mark: batch.mark, now: Date(), live: false) }
                if let connection = delivery.connection { state.status.connection = connection }
                try await Task.sleep(for: .milliseconds(5))
            }
            await feed.stop()
            await log.close()
            let source = state.takeCheckpointSource()
            let saved = try await Timing.seconds { try store.save(source.checkpoint()) } * 1_000
            Report.note("checkpoint: saved in \(Report.format(saved)) ms")
        }
        let size = (try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
        let loadStart = ContinuousClock.now
        let loaded = try await store.load()
        let loadMilliseconds = Timing.milliseconds(since: loadStart)
        return "\(store.path), \(String(format: "%.1f", Double(size) / 1_048_576)) MiB, \(loaded?.entries.count ?? 0) entries and \(loaded?.sagas.count ?? 0) sagas, loaded in \(Report.format(loadMilliseconds)) ms"
    }
}
