import BenchmarkSupport
import Console
import ConsoleKit
import EventLog
import EventLogSQLite
import Foundation
import TestSupport
import Synchronization

/// One headless run, in a process of its own: open the log and start the feed as `dos console`
/// does, then on a UI thread of its own (as the session has):
/// 1. run the session's loop until the listing shows every service and the status bar says
///    *live* (everything in the log folded in);
/// 2. type filters and delete them, key by key, each handled and drawn at once (the loop's
///    input path), timing each;
/// 3. move, page and sort the 100,000-row listing, timing each key;
/// 4. append `loadRate` events/s in the background while a typist presses filter keys every
///    40–120 ms; each key's latency runs from its press to the frame that shows it drawn.
struct HeadlessRun {
    let directory: String
    let dataSet: DataSet
    let loadRate: Int
    let loadSeconds: Double
    let filterCycles: Int
    /// Start from the checkpoint beside the log (and keep it as the console does).
    let checkpoint: Bool
    /// Stop once the first full frame is drawn.
    let startupOnly: Bool

    /// Eight letters each, no spaces: every key changes what the filter box shows, which is how
    /// the tmux run sees that a key arrived.
    static let filters = ["counsell", "hammersm", "bereavem", "islingto", "southwar", "language"]

    /// One filter typed and deleted: `/`, the letters, as many backspaces, Enter.
    static func filterKeys(_ text: String) -> [Key] {
        [.character("/")] + text.map { Key.character($0) } + Array(repeating: Key.backspace, count: text.count) + [.enter]
    }

    func run() async throws -> [String: Double] {
        let start = ContinuousClock.now
        let log = try SQLiteEventLog(directory: directory)
        let wakeup = Wakeup()
        let inbox = Inbox(onPost: { wakeup.post() })
        let keys = KeyQueue(wakeup: wakeup)
        let store = checkpoint ? CheckpointStore(dataDirectory: directory) : nil
        let feed = StreamFeed(log: log, inbox: inbox, checkpoint: store)
        let checkpointer = store.map { Checkpointer(store: $0, inbox: inbox) }
        feed.start(tailStart: .end)
        let backend = "data dir \(directory)"
        let run = self
        let metrics: [String: Double] = await withCheckedContinuation { continuation in
            let thread = Thread {
                let console = HeadlessConsole(feed: feed, inbox: inbox, wakeup: wakeup, keys: keys, backend: backend)
                continuation.resume(returning: run.measure(console, log: log, checkpointer: checkpointer, started: start))
            }
            thread.name = "bench-console"
            thread.stackSize = 8 << 20
            thread.start()
        }
        await feed.stop()
        await checkpointer?.finish(saving: nil)
        await log.close()
        return metrics
    }

    /// Everything on the UI thread, phase by phase.
    private func measure(
        _ console: HeadlessConsole, log: any EventLog, checkpointer: Checkpointer?, started: ContinuousClock.Instant
    ) -> [String: Double] {
        var metrics: [String: Double] = [:]
        startup(console, checkpointer: checkpointer, started: started, into: &metrics)
        if startupOnly { return metrics }
        var memory = ProcessProbe.memory()
        metrics["rss_loaded_mib"] = memory.rss
        metrics["hwm_loaded_mib"] = memory.peak
        filtering(console, into: &metrics)
        moving(console, into: &metrics)
        memory = ProcessProbe.memory()
        metrics["rss_keys_mib"] = memory.rss
        underLoad(console, log: log, checkpointer: checkpointer, into: &metrics)
        memory = ProcessProbe.memory()
        metrics["rss_end_mib"] = memory.rss
        metrics["hwm_end_mib"] = memory.peak
        return metrics
    }

    // MARK: Phases

    private func startup(
        _ console: HeadlessConsole, checkpointer: Checkpointer?, started: ContinuousClock.Instant, into metrics: inout [String: Double]
    ) {
        var firstFrame: Double?, firstRows: Double?, allRows: Double?, live: Double?
        var draws: [Double] = [], applies: [Double] = []
        let deadline = ContinuousClock.now + .seconds(300)
        console.run(finished: { live != nil || ContinuousClock.now > deadline }, checkpointer: checkpointer) { frame in
            let elapsed = Timing.milliseconds(since: started)
            draws.append(frame.drawMilliseconds)
            applies.append(frame.applyMilliseconds)
            if firstFrame == nil { firstFrame = elapsed }
            let count = Screen.listingCount(frame.screen) ?? 0
            if count > 0, firstRows == nil { firstRows = elapsed }
            guard count == dataSet.services else { return }
            if allRows == nil { allRows = elapsed }
            if Screen.isLive(frame.screen) { live = elapsed }
        }
        metrics["first_frame_ms"] = firstFrame ?? .nan
        metrics["first_rows_ms"] = firstRows ?? .nan
        metrics["all_rows_ms"] = allRows ?? .nan
        metrics["live_ms"] = live ?? .nan
        metrics["startup_frames"] = Double(draws.count)
        metrics["startup_draw_p50_ms"] = Statistics.median(draws)
        metrics["startup_draw_max_ms"] = draws.max() ?? .nan
        metrics["startup_apply_max_ms"] = applies.max() ?? .nan
        Report.note("headless: first frame \(Report.format(firstFrame ?? .nan)) ms, all rows \(Report.format(allRows ?? .nan)) ms, live \(Report.format(live ?? .nan)) ms, \(draws.count) frames")
    }

    private func filtering(_ console: HeadlessConsole, into metrics: inout [String: Double]) {
        var all: [Double] = [], typing: [Double] = [], deleting: [Double] = [], matches: [Double] = []
        for cycle in 0..<filterCycles {
            let text = Self.filters[cycle % Self.filters.count]
            for (index, key) in Self.filterKeys(text).enumerated() {
                let pressed = console.press(key)
                all.append(pressed.milliseconds)
                if case .character = key, index > 0 { typing.append(pressed.milliseconds) }
                if key == .backspace { deleting.append(pressed.milliseconds) }
                if index == text.count, let shown = Screen.filteredCount(pressed.screen) { matches.append(Double(shown)) }
            }
        }
        metrics["filter_p50_ms"] = Statistics.median(all)
        metrics["filter_p99_ms"] = Statistics.percentile(all, 99)
        metrics["filter_max_ms"] = all.max() ?? .nan
        metrics["filter_typing_p50_ms"] = Statistics.median(typing)
        metrics["filter_typing_p99_ms"] = Statistics.percentile(typing, 99)
        metrics["filter_deleting_p50_ms"] = Statistics.median(deleting)
        metrics["filter_deleting_p99_ms"] = Statistics.percentile(deleting, 99)
        metrics["filter_keys"] = Double(all.count)
        metrics["filter_matches_median"] = Statistics.median(matches)
        Report.note("headless: filtering p50 \(Report.format(metrics["filter_p50_ms"] ?? .nan)) ms, p99 \(Report.format(metrics["filter_p99_ms"] ?? .nan)) ms over \(all.count) keys")
    }

    private func moving(_ console: HeadlessConsole, into metrics: inout [String: Double]) {
        var moves: [Double] = [], sorts: [Double] = []
        for _ in 0..<5 {
            for _ in 0..<40 { moves.append(console.press(.character("j")).milliseconds) }
            for _ in 0..<40 { moves.append(console.press(.pageDown).milliseconds) }
            moves.append(console.press(.character("G")).milliseconds)
            for _ in 0..<20 { moves.append(console.press(.pageUp).milliseconds) }
            moves.append(console.press(.character("g")).milliseconds)
        }
        // Every column once (back to NAME), then reversed and back.
        let columns = 7
        for _ in 0..<columns { sorts.append(console.press(.character("s")).milliseconds) }
        for _ in 0..<2 { sorts.append(console.press(.character("S")).milliseconds) }
        metrics["move_p50_ms"] = Statistics.median(moves)
        metrics["move_p99_ms"] = Statistics.percentile(moves, 99)
        metrics["sort_median_ms"] = Statistics.median(sorts)
        metrics["sort_max_ms"] = sorts.max() ?? .nan
        Report.note("headless: moving p50 \(Report.format(metrics["move_p50_ms"] ?? .nan)) ms; sorting median \(Report.format(metrics["sort_median_ms"] ?? .nan)) ms")
    }

    private func underLoad(_ console: HeadlessConsole, log: any EventLog, checkpointer: Checkpointer?, into metrics: inout [String: Double]) {
        let appender = LoadAppender(log: log, sample: dataSet.sample, rate: loadRate)
        appender.start()
        let typist = Typist(keys: console.keys, sequence: Self.filters.flatMap(Self.filterKeys), seconds: loadSeconds)
        var latencies: [Double] = [], draws: [Double] = [], applies: [Double] = []
        // Two seconds of load before the first key, so the stream is flowing when typing starts.
        let typingStarts = ContinuousClock.now + .seconds(2)
        var typing = false
        console.run(finished: { typist.isDone }, checkpointer: checkpointer) { frame in
            if !typing, ContinuousClock.now >= typingStarts {
                typing = true
                typist.start()
            }
            guard typing else { return }
            latencies += frame.keyLatencies
            draws.append(frame.drawMilliseconds)
            applies.append(frame.applyMilliseconds)
        }
        let outcome = appender.stopBlocking()
        metrics["load_key_p50_ms"] = Statistics.median(latencies)
        metrics["load_key_p99_ms"] = Statistics.percentile(latencies, 99)
        metrics["load_key_max_ms"] = latencies.max() ?? .nan
        metrics["load_keys"] = Double(latencies.count)
        metrics["load_draw_p50_ms"] = Statistics.median(draws)
        metrics["load_draw_p99_ms"] = Statistics.percentile(draws, 99)
        metrics["load_apply_p99_ms"] = Statistics.percentile(applies, 99)
        metrics["load_frames_per_s"] = Double(draws.count) / loadSeconds
        metrics["load_rate"] = outcome.rate
        metrics["load_lag_end"] = Double(console.context.state.status.lag)
        Report.note("headless: under \(Int(outcome.rate)) ev/s, key latency p50 \(Report.format(metrics["load_key_p50_ms"] ?? .nan)) ms, p99 \(Report.format(metrics["load_key_p99_ms"] ?? .nan)) ms over \(latencies.count) keys")
    }
}

/// Presses keys from another thread every 40–120 ms (a fast typist) for a while.
final class Typist: Sendable {
    let keys: KeyQueue
    let sequence: [Key]
    let seconds: Double
    private let done = Atomic<Bool>(false)

    init(keys: KeyQueue, sequence: [Key], seconds: Double) {
        self.keys = keys
        self.sequence = sequence
        self.seconds = seconds
    }

    var isDone: Bool { done.load(ordering: .sequentiallyConsistent) }

    func start() {
        let thread = Thread { [self] in
            var random = SeededGenerator(seed: 0x7E57)
            let end = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
            var index = 0
            while ContinuousClock.now < end {
                keys.press(sequence[index % sequence.count])
                index += 1
                Timing.sleep(milliseconds: 40 + Double(random.next() % 81))
            }
            // The last key's frame comes within a frame interval or so.
            Timing.sleep(milliseconds: 200)
            done.store(true, ordering: .sequentiallyConsistent)
        }
        thread.name = "bench-typist"
        thread.start()
    }
}
