import Foundation
import Events
import Model

/// The JSON a decision is recorded as in the processed-commands table, so that a redelivered
/// command gets back exactly the decision it got the first time.
extension StoreDecision: Codable {
    private enum Outcome: String, Codable {
        case stored, unchanged, deleted, rejected
    }

    private enum CodingKeys: String, CodingKey {
        case outcome, action, entity, kind, id, version, rejection
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Outcome.self, forKey: .outcome) {
        case .stored:
            self = .stored(try container.decode(Entity.self, forKey: .entity), try container.decode(CommandAction.self, forKey: .action))
        case .unchanged:
            self = .unchanged(try container.decode(Entity.self, forKey: .entity), try container.decode(CommandAction.self, forKey: .action))
        case .deleted:
            self = .deleted(
                try container.decode(EntityKind.self, forKey: .kind), try container.decode(UUID.self, forKey: .id),
                version: try container.decode(Int.self, forKey: .version))
        case .rejected:
            self = .rejected(try container.decode(StoreRejected.self, forKey: .rejection))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .stored(let entity, let action), .unchanged(let entity, let action):
            try container.encode(isUnchanged ? Outcome.unchanged : .stored, forKey: .outcome)
            try container.encode(entity, forKey: .entity)
            try container.encode(action, forKey: .action)
        case .deleted(let kind, let id, let version):
            try container.encode(Outcome.deleted, forKey: .outcome)
            try container.encode(kind, forKey: .kind)
            try container.encode(id, forKey: .id)
            try container.encode(version, forKey: .version)
        case .rejected(let rejection):
            try container.encode(Outcome.rejected, forKey: .outcome)
            try container.encode(rejection, forKey: .rejection)
        }
    }

    private var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}
