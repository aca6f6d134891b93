import Foundation
import Model

/// The field changes the store makes itself, beside replacing an entry wholesale.
extension Entity {
    /// A copy with `published` set; nil for kinds that cannot be published.
    func settingPublished(_ published: Bool) -> Entity? {
        switch self {
        case .provider(var provider):
            provider.published = published
            return .provider(provider)
        case .service(var service):
            service.published = published
            return .service(service)
        default:
            return nil
        }
    }

    /// A copy with `flagged` set.
    func settingFlagged(_ flagged: Bool) -> Entity {
        var copy = self
        copy.metadata.flagged = flagged
        return copy
    }

    /// A copy stamped as version `version`, changed at `now`, first created at `createdAt`.
    func stamped(version: Int, createdAt: Date, now: Date) -> Entity {
        var copy = self
        copy.metadata.version = version
        copy.metadata.createdAt = createdAt
        copy.metadata.updatedAt = now
        return copy
    }
}
