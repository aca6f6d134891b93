import Console
import EventLogSQLite
import Foundation

/// The stream feed alone, no UI: how long `StreamFeed` takes to read and decode the state topics
/// from the beginning until it says it caught up. The floor under the console's first full frame.
enum FeedOnly {
    static func measure(directory: String) async throws -> [String: Double] {
        let start = ContinuousClock.now
        let log = try SQLiteEventLog(directory: directory)
        let inbox = Inbox()
        let feed = StreamFeed(log: log, inbox: inbox)
        feed.start(tailStart: .end)
        var items = 0
        var caughtUp = false
        while !caughtUp, Timing.milliseconds(since: start) < 300_000 {
            let delivery = inbox.take()
            items += delivery.state.reduce(0) { $0 + $1.items.count }
            if delivery.connection == .connected(caughtUp: true) { caughtUp = true }
            if !caughtUp { try await Task.sleep(for: .milliseconds(5)) }
        }
        let elapsed = Timing.milliseconds(since: start)
        let memory = ProcessProbe.memory()
        await feed.stop()
        await log.close()
        Report.note("feed alone: \(items) state records read and decoded in \(Report.format(elapsed)) ms")
        return ["feed_caught_up_ms": elapsed, "feed_items": Double(items), "feed_rss_mib": memory.rss, "feed_hwm_mib": memory.peak]
    }
}
