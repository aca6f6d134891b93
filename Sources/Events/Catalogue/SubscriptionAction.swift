/// What a subscription command does: subscriptions are data, created and deleted by commands
/// that only the notifications service reads.
public enum SubscriptionAction: String, Sendable, Hashable, Codable, CaseIterable {
    case create, delete
}
