import Events
import Foundation

/// One saga as the coordinator records it: its kind, state, times, and every step so far.
public struct Saga: Sendable, Equatable {
    public var id: String
    /// "create-provider", "delete-service", "register-provider"…
    public var kind: String
    public var state: SagaState
    /// Why it failed, timed out or was compensated (the original failure, for compensation).
    public var reason: String?
    public var startedAt: Date
    public var endedAt: Date?
    /// How many steps the saga is expected to take, compensation included once it starts.
    public var stepCount: Int
    /// Composite sagas: the create commands not issued yet, the next one first.
    public var plan: [EntityCommand]
    /// Cascade deletes: the deletions still to do, the next one last (a stack, so that an
    /// entry's own dependents go before it); the entry the saga was asked to delete is at the
    /// bottom, with the version the author asked for.
    public var cascade: [EntityReference]
    public var steps: [SagaStep]

    public init(
        id: String, kind: String, state: SagaState = .running, reason: String? = nil, startedAt: Date,
        endedAt: Date? = nil, stepCount: Int, plan: [EntityCommand] = [], cascade: [EntityReference] = [],
        steps: [SagaStep] = []
    ) {
        self.id = id
        self.kind = kind
        self.state = state
        self.reason = reason
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.stepCount = stepCount
        self.plan = plan
        self.cascade = cascade
        self.steps = steps
    }

    /// Whether this saga orchestrates several commands (and so compensates) rather than
    /// following one.
    public var isComposite: Bool { kind == Self.registerProviderKind }

    static let registerProviderKind = "register-provider"

    /// Whether this saga deletes an entry after deleting what depends on it ("cascade-delete-provider").
    public var isCascade: Bool { kind.hasPrefix(Self.cascadeKindPrefix) }

    static let cascadeKindPrefix = "cascade-delete-"

    /// At most this many deletions in one cascade (retries of a blocked entry included), so that
    /// a directory that keeps gaining dependents cannot keep a saga going for ever.
    static let cascadeLimit = 200

    /// The position of the running step waiting on `commandID`, if any.
    func runningStep(waitingOn commandID: String) -> Int? {
        steps.lastIndex { $0.commandID == commandID && $0.state == .running }
    }
}
