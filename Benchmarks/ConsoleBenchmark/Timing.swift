import Foundation

/// Monotonic time in the units the report uses.
enum Timing {
    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        milliseconds(ContinuousClock.now - start)
    }

    /// Seconds taken by `body`.
    static func seconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return milliseconds(since: start) / 1_000
    }

    /// Sleeps the calling thread (the UI and typist threads are not on the cooperative pool).
    static func sleep(milliseconds: Double) {
        guard milliseconds > 0 else { return }
        usleep(UInt32(min(milliseconds * 1_000, 10_000_000)))
    }
}
