import BenchmarkSupport
import Foundation

/// Progress on stderr, results as Markdown tables on stdout (medians of the runs, with the
/// min–max range), ready for BENCHMARKS.md.
enum Report {
    struct Row {
        var label: String
        var key: String
        var goal = ""
    }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if abs(value) >= 1_000 {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.maximumFractionDigits = 0
            return formatter.string(from: NSNumber(value: value.rounded())) ?? String(Int(value.rounded()))
        }
        if abs(value) >= 100 { return String(Int(value.rounded())) }
        if abs(value) >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }

    static func table(_ title: String, rows: [Row], runs: [[String: Double]]) {
        print("")
        print("\(title) (\(runs.count) runs)")
        print("")
        print("| measure | goal | median | min – max |")
        print("| --- | ---: | ---: | ---: |")
        for row in rows {
            let values = runs.compactMap { $0[row.key] }.filter(\.isFinite)
            guard !values.isEmpty else { continue }
            let range = "\(format(values.min() ?? .nan)) – \(format(values.max() ?? .nan))"
            print("| \(row.label) | \(row.goal) | \(format(Statistics.median(values))) | \(range) |")
        }
    }

    static let headlessRows: [Row] = [
        Row(label: "start → first frame of any kind (ms)", key: "first_frame_ms"),
        Row(label: "start → first frame with rows (ms)", key: "first_rows_ms"),
        Row(label: "start → every service listed (ms)", key: "all_rows_ms"),
        Row(label: "start → every service listed and *live*: first full frame (ms)", key: "live_ms", goal: "≤ 1,000"),
        Row(label: "frames drawn while loading", key: "startup_frames"),
        Row(label: "slowest frame while loading (ms)", key: "startup_draw_max_ms"),
        Row(label: "filter key, handled and drawn, p50 (ms)", key: "filter_p50_ms"),
        Row(label: "filter key, handled and drawn, p99 (ms)", key: "filter_p99_ms", goal: "≤ 16"),
        Row(label: "filter key, max (ms)", key: "filter_max_ms"),
        Row(label: "typing a letter, p99 (the first one scans every row) (ms)", key: "filter_typing_p99_ms"),
        Row(label: "backspace (widens: every row again), p99 (ms)", key: "filter_deleting_p99_ms"),
        Row(label: "j / PgDn / PgUp / G / g, p99 (ms)", key: "move_p99_ms"),
        Row(label: "sort by another column (s / S), median (ms)", key: "sort_median_ms"),
        Row(label: "sort by another column, slowest (ms)", key: "sort_max_ms"),
        Row(label: "load appended (events/s)", key: "load_rate"),
        Row(label: "key latency under load, p50 (ms)", key: "load_key_p50_ms"),
        Row(label: "key latency under load, p99 (ms)", key: "load_key_p99_ms", goal: "≤ 50"),
        Row(label: "key latency under load, max (ms)", key: "load_key_max_ms"),
        Row(label: "frame under load, p50 (ms)", key: "load_draw_p50_ms"),
        Row(label: "frame under load, p99 (ms)", key: "load_draw_p99_ms"),
        Row(label: "folding one delivery under load, p99 (ms)", key: "load_apply_p99_ms"),
        Row(label: "frames per second under load", key: "load_frames_per_s"),
        Row(label: "RSS once loaded (MiB)", key: "rss_loaded_mib", goal: "≤ 300"),
        Row(label: "peak RSS while loading (MiB)", key: "hwm_loaded_mib"),
        Row(label: "RSS after the load phase (MiB)", key: "rss_end_mib"),
        Row(label: "peak RSS of the whole run (MiB)", key: "hwm_end_mib"),
    ]

    static let tmuxRows: [Row] = [
        Row(label: "launch → first frame of any kind (ms)", key: "tmux_first_frame_ms"),
        Row(label: "launch → every service listed (ms)", key: "tmux_all_rows_ms"),
        Row(label: "launch → every service listed and *live* (ms)", key: "tmux_live_ms", goal: "≤ 1,000"),
        Row(label: "one look at the screen while starting (ms)", key: "tmux_startup_look_ms"),
        Row(label: "RSS once loaded (MiB)", key: "tmux_rss_loaded_mib", goal: "≤ 300"),
        Row(label: "peak RSS while loading (MiB)", key: "tmux_hwm_loaded_mib"),
        Row(label: "idle CPU over 10 s (% of one core)", key: "tmux_idle_cpu_percent", goal: "≈ 0"),
        Row(label: "filter key round trip, idle, p50 (ms)", key: "tmux_key_p50_ms"),
        Row(label: "filter key round trip, idle, p99 (ms)", key: "tmux_key_p99_ms"),
        Row(label: "one look at the screen (polling granularity, ms)", key: "tmux_key_look_ms"),
        Row(label: "load appended by the benchmark (events/s)", key: "tmux_load_rate"),
        Row(label: "filter key round trip under load, p50 (ms)", key: "tmux_load_key_p50_ms"),
        Row(label: "filter key round trip under load, p99 (ms)", key: "tmux_load_key_p99_ms", goal: "≤ 50"),
        Row(label: "filter key round trip under load, max (ms)", key: "tmux_load_key_max_ms"),
        Row(label: "one look at the screen under load (ms)", key: "tmux_load_look_ms"),
        Row(label: "RSS after the load phase (MiB)", key: "tmux_rss_end_mib"),
        Row(label: "peak RSS of the whole run (MiB)", key: "tmux_hwm_end_mib"),
        Row(label: "Ctrl-C → process gone (ms)", key: "tmux_quit_ms"),
    ]
}
