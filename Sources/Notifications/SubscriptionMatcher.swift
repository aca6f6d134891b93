import Events

/// Which changes a subscription's target covers.
public enum SubscriptionMatcher {
    public static func matches(_ target: SubscriptionTarget, _ change: EntityChange) -> Bool {
        switch target {
        case .entry(let kind, let id): change.kind == kind && change.id == id
        case .provider(let id): change.providerID == id
        case .taxonomy(let id): change.taxonomyIDs.contains(id)
        case .everything: true
        }
    }
}
