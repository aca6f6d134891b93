import Events
import Foundation
import Model

/// What makes a subscription usable, beyond what its schema says: a channel the service can
/// actually deliver to.
public enum SubscriptionRules {
    /// Every problem, with the field it is in; empty when the subscription is fine.
    public static func validate(_ subscription: Subscription) -> [FieldError] {
        switch subscription.channel {
        case .mailDrop(let folder):
            if folder.isEmpty { return [FieldError(field: "channel.folder", message: "is required")] }
            if !folder.hasPrefix("/") { return [FieldError(field: "channel.folder", message: "must be an absolute path, not \(folder)")] }
            if folder.contains("\0") { return [FieldError(field: "channel.folder", message: "must not contain a NUL character")] }
            return []
        case .webhook(let text):
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
                return [FieldError(field: "channel.url", message: "is not a URL: \(text)")]
            }
            guard scheme == "http" || scheme == "https" else {
                return [FieldError(field: "channel.url", message: "must use http or https, not \(scheme)")]
            }
            guard let host = url.host, !host.isEmpty else {
                return [FieldError(field: "channel.url", message: "has no host: \(text)")]
            }
            return []
        }
    }
}
