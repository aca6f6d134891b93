import Foundation

/// Where a reader starts.
public enum StartPoint: Sendable, Hashable, CustomStringConvertible {
    /// The oldest record kept.
    case beginning
    /// Only records appended after the reader was made.
    case end
    /// The first record at or after this offset (in every partition, as `kcat -o` does).
    case offset(Int64)
    /// The first record the log stored at or after this time.
    case time(Date)
    /// Each named partition from its own offset; partitions not named from the beginning. How a
    /// reader resumes where it was when offsets are per partition (Kafka).
    case positions([TopicPartition: Int64])

    public var description: String {
        switch self {
        case .beginning: "beginning"
        case .end: "end"
        case .offset(let offset): "offset \(offset)"
        case .time(let date): "time \(date.timeIntervalSince1970)"
        case .positions(let positions): "positions " + positions.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }.joined(separator: ",")
        }
    }
}
