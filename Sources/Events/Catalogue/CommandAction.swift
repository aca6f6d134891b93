import Model

/// What a command asks the data store to do with an entity.
public enum CommandAction: String, Sendable, Hashable, Codable, CaseIterable {
    case create, update, delete, publish, unpublish, flag, unflag
    /// The composite "register a provider with its contact, venue and services".
    case register

    /// Whether the catalogue has this command for `kind`: publishing only for publishable
    /// kinds, registering only for providers.
    public func applies(to kind: EntityKind) -> Bool {
        switch self {
        case .create, .update, .delete, .flag, .unflag: true
        case .publish, .unpublish: kind.isPublishable
        case .register: kind == .provider
        }
    }
}
