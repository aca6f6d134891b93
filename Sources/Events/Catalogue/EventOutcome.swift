/// The facts on the events topic.
public enum EventOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case validated
    case validationFailed = "validation-failed"
    case stored
    case storeRejected = "store-rejected"
    case notificationSent = "notification-sent"
    case notificationFailed = "notification-failed"
}
