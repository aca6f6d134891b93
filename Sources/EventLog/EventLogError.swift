/// Errors every backend reports in the same terms.
public enum EventLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidTopicName(String)
    case invalidGroupName(String)
    case payloadTooLarge(size: Int, limit: Int)
    case emptyID
    /// The group gave this member's share to another member (it stayed silent too long, or closed).
    case notGroupMember(group: String)
    case closed
    case backend(String)

    public var description: String {
        switch self {
        case .invalidTopicName(let name):
            "invalid topic name \(name.debugDescription): use 1-249 characters of A-Z a-z 0-9 . _ -"
        case .invalidGroupName(let name):
            "invalid consumer group name \(name.debugDescription): use 1-249 printable characters"
        case .payloadTooLarge(let size, let limit):
            "record of \(size) bytes is larger than the limit of \(limit) bytes"
        case .emptyID:
            "record id is empty"
        case .notGroupMember(let group):
            "this consumer is no longer a member of group \(group.debugDescription) (session timed out or the group was taken over)"
        case .closed:
            "the event log is closed"
        case .backend(let message):
            message
        }
    }
}
