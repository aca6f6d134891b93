/// The five families of messages; each has its own topic.
public enum MessageCategory: String, Sendable, Hashable, CaseIterable {
    case command, event, view, saga
    case deadLetter = "deadletter"
}
