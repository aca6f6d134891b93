import Foundation

/// What /proc says about a process: resident memory and CPU time.
enum ProcessProbe {
    /// `VmRSS` and `VmHWM` (peak) in MiB; `pid` nil for this process.
    static func memory(pid: Int32? = nil) -> (rss: Double, peak: Double) {
        let path = "/proc/\(pid.map(String.init) ?? "self")/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (.nan, .nan) }
        func kibibytes(_ field: String) -> Double {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return .nan }
            let digits = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
            return digits.flatMap { Double($0) } ?? .nan
        }
        return (kibibytes("VmRSS") / 1_024, kibibytes("VmHWM") / 1_024)
    }

    /// User plus system CPU time of `pid` (every thread), in seconds.
    static func cpuSeconds(pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")")
        else { return .nan }
        // Fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / ticks
    }
}
