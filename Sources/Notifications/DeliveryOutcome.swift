/// How one notification ended: recorded per (subscription, view event), so a redelivered
/// change reports the same outcome instead of notifying again.
public enum DeliveryOutcome: Sendable, Equatable {
    case sent
    case failed(reason: String)

    var state: String {
        switch self {
        case .sent: "sent"
        case .failed: "failed"
        }
    }

    var reason: String? {
        if case .failed(let reason) = self { return reason }
        return nil
    }
}
