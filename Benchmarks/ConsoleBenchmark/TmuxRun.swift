import BenchmarkSupport
import ConsoleKit
import EventLogSQLite
import Foundation

/// One run of the real binary in tmux (200×50): `dos console --data-dir DIR` started in a fresh
/// detached session, watched with `tmux capture-pane` until the listing shows every service and
/// the status bar says *live*; then its RSS, its CPU over 10 s of idle, and the round trip of
/// filter keys sent with `tmux send-keys` until the screen shows them — idle, then while this
/// process appends `loadRate` events/s to the same log.
///
/// Times include spawning a tmux client per key and per look at the screen; the mean time of
/// one look (the polling granularity) is reported beside them.
struct TmuxRun {
    let dos: String
    let tmux: String
    let directory: String
    let work: String
    let dataSet: DataSet
    let loadRate: Int
    let loadSeconds: Double
    let filterCycles: Int
    /// Stop once the first full frame is on screen.
    let startupOnly: Bool

    func run() async throws -> [String: Double] {
        let driver = Tmux(executable: tmux, socket: "dos-console-bench-\(getpid())")
        defer { driver.stop() }
        let state = (work as NSString).appendingPathComponent("xdg-state")
        let config = (work as NSString).appendingPathComponent("xdg-config")
        for path in [state, config] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        let command = "exec env XDG_STATE_HOME='\(state)' XDG_CONFIG_HOME='\(config)' '\(dos)' console --data-dir '\(directory)'"
        var metrics: [String: Double] = [:]

        let started = ContinuousClock.now
        try driver.start(command, width: 200, height: 50)
        var firstFrame: Double?, allRows: Double?, live: Double?
        var looks = 0
        while live == nil {
            let lines = try driver.capture()
            looks += 1
            let elapsed = Timing.milliseconds(since: started)
            if firstFrame == nil, lines.first?.contains(" dos ") == true { firstFrame = elapsed }
            let title = lines.count > 1 ? lines[1] : ""
            if allRows == nil, Screen.listingCount(title: title) == dataSet.services { allRows = elapsed }
            if allRows != nil, let status = lines.last(where: { !$0.isEmpty }), Screen.isLive(statusBar: status) { live = elapsed }
            if elapsed > 300_000 { throw BenchmarkError("the console did not show every service within 5 minutes") }
        }
        metrics["tmux_first_frame_ms"] = firstFrame ?? .nan
        metrics["tmux_all_rows_ms"] = allRows ?? .nan
        metrics["tmux_live_ms"] = live ?? .nan
        metrics["tmux_startup_look_ms"] = (live ?? .nan) / Double(looks)
        let pid = try driver.panePID()
        var memory = ProcessProbe.memory(pid: pid)
        metrics["tmux_rss_loaded_mib"] = memory.rss
        metrics["tmux_hwm_loaded_mib"] = memory.peak
        Report.note("tmux: first frame \(Report.format(firstFrame ?? .nan)) ms, all rows \(Report.format(allRows ?? .nan)) ms, live \(Report.format(live ?? .nan)) ms; RSS \(Report.format(memory.rss)) MiB")
        if startupOnly { return metrics }

        // Idle: past the 6 s the loop keeps ticking after the last change, nobody typing.
        try await Task.sleep(for: .seconds(7))
        let before = ProcessProbe.cpuSeconds(pid: pid)
        try await Task.sleep(for: .seconds(10))
        let idle = (ProcessProbe.cpuSeconds(pid: pid) - before) / 10 * 100
        metrics["tmux_idle_cpu_percent"] = idle
        Report.note("tmux: idle CPU \(String(format: "%.2f", idle)) % of one core")

        let quiet = try roundTrips(driver, cycles: filterCycles, until: nil)
        metrics["tmux_key_p50_ms"] = Statistics.median(quiet.latencies)
        metrics["tmux_key_p99_ms"] = Statistics.percentile(quiet.latencies, 99)
        metrics["tmux_key_look_ms"] = quiet.lookMilliseconds
        Report.note("tmux: key round trip p50 \(Report.format(metrics["tmux_key_p50_ms"] ?? .nan)) ms, p99 \(Report.format(metrics["tmux_key_p99_ms"] ?? .nan)) ms (one look \(Report.format(quiet.lookMilliseconds)) ms)")

        let log = try SQLiteEventLog(directory: directory)
        let appender = LoadAppender(log: log, sample: dataSet.sample, rate: loadRate)
        appender.start()
        try await Task.sleep(for: .seconds(2))
        let loaded: (latencies: [Double], lookMilliseconds: Double)
        do {
            loaded = try roundTrips(driver, cycles: .max, until: .now + .milliseconds(Int(loadSeconds * 1_000)))
        } catch {
            _ = await appender.stop()
            await log.close()
            throw error
        }
        let outcome = await appender.stop()
        await log.close()
        memory = ProcessProbe.memory(pid: pid)
        metrics["tmux_load_key_p50_ms"] = Statistics.median(loaded.latencies)
        metrics["tmux_load_key_p99_ms"] = Statistics.percentile(loaded.latencies, 99)
        metrics["tmux_load_key_max_ms"] = loaded.latencies.max() ?? .nan
        metrics["tmux_load_keys"] = Double(loaded.latencies.count)
        metrics["tmux_load_look_ms"] = loaded.lookMilliseconds
        metrics["tmux_load_rate"] = outcome.rate
        metrics["tmux_rss_end_mib"] = memory.rss
        metrics["tmux_hwm_end_mib"] = memory.peak
        Report.note("tmux: under \(Int(outcome.rate)) ev/s, key round trip p50 \(Report.format(metrics["tmux_load_key_p50_ms"] ?? .nan)) ms, p99 \(Report.format(metrics["tmux_load_key_p99_ms"] ?? .nan)) ms; RSS \(Report.format(memory.rss)) MiB, peak \(Report.format(memory.peak)) MiB")
        // Ctrl-C quits; how long that takes is worth knowing too.
        let quitting = ContinuousClock.now
        try? driver.send(.control("c"))
        while kill(pid, 0) == 0, Timing.milliseconds(since: quitting) < 10_000 { Timing.sleep(milliseconds: 5) }
        metrics["tmux_quit_ms"] = Timing.milliseconds(since: quitting)
        return metrics
    }

    /// Types filters key by key; each key's time runs from sending it to the look at the screen
    /// that shows it (the filter box holding the text typed so far, or closed after Enter).
    private func roundTrips(_ driver: Tmux, cycles: Int, until deadline: ContinuousClock.Instant?) throws -> (latencies: [Double], lookMilliseconds: Double) {
        var latencies: [Double] = []
        var looks = 0, lookTime = 0.0
        var cycle = 0
        while cycle < cycles {
            if let deadline, ContinuousClock.now >= deadline { break }
            let text = HeadlessRun.filters[cycle % HeadlessRun.filters.count]
            var typed = ""
            for key in HeadlessRun.filterKeys(text) {
                var expected: String? = typed
                switch key {
                case .character("/"): expected = ""
                case .character(let character): typed.append(character); expected = typed
                case .backspace: typed.removeLast(); expected = typed
                default: expected = nil
                }
                let sent = ContinuousClock.now
                try driver.send(key)
                while true {
                    let look = ContinuousClock.now
                    let lines = try driver.capture()
                    looks += 1
                    lookTime += Timing.milliseconds(since: look)
                    let title = lines.count > 1 ? lines[1] : ""
                    if Screen.filterBox(title: title) == expected { break }
                    if Timing.milliseconds(since: sent) > 10_000 { throw BenchmarkError("key \(key) did not show within 10 s") }
                }
                latencies.append(Timing.milliseconds(since: sent))
            }
            cycle += 1
        }
        return (latencies, lookTime / Double(max(1, looks)))
    }
}
