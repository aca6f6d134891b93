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

    public var description: String {
        switch self {
        case .beginning: "beginning"
        case .end: "end"
        case .offset(let offset): "offset \(offset)"
        case .time(let date): "time \(date.timeIntervalSince1970)"
        }
    }
}
