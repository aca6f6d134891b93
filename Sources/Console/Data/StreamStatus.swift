import Foundation

/// How the console's connection to the stream is doing, for the status bar.
public struct StreamStatus: Sendable, Equatable {
    public enum Connection: Sendable, Equatable {
        case connecting
        /// Reading; `caughtUp` once the initial replay reached the end of the log.
        case connected(caughtUp: Bool)
        case reconnecting(reason: String, attempt: Int)
        /// The backend says it cannot reach the log (every Kafka broker down); it keeps trying.
        case unreachable(reason: String)
    }

    /// "data dir /var/lib/dos" or "brokers k1:9092".
    public var backend: String
    public var connection: Connection = .connecting
    /// Records in the log the console has not read yet (end offsets minus read position).
    public var lag: Int64 = 0
    public var eventsPerSecond: Double = 0
    public var lastError: String?

    public init(backend: String) {
        self.backend = backend
    }
}

/// Events per second over a sliding window of one-second buckets.
struct RateMeter: Sendable {
    private var buckets: [(second: Int, count: Int)] = []
    private let window = 5

    mutating func record(_ count: Int, at now: Date) {
        let second = Int(now.timeIntervalSince1970)
        if let last = buckets.last, last.second == second {
            buckets[buckets.count - 1].count += count
        } else {
            buckets.append((second, count))
        }
        buckets.removeAll { $0.second <= second - window }
    }

    func rate(at now: Date) -> Double {
        let second = Int(now.timeIntervalSince1970)
        let recent = buckets.filter { $0.second > second - window && $0.second < second }
        guard !recent.isEmpty else { return 0 }
        return Double(recent.reduce(0) { $0 + $1.count }) / Double(window - 1)
    }
}
