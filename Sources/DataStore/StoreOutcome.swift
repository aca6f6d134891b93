/// What applying one command did: the decision, and whether it was only read back because the
/// command had been applied before (a redelivery).
public struct StoreOutcome: Equatable, Sendable {
    public var decision: StoreDecision
    /// True when the command id was already processed: nothing changed this time, and the
    /// caller should publish the same events again (they may have been lost with the crash).
    public var isReplay: Bool

    public init(decision: StoreDecision, isReplay: Bool) {
        self.decision = decision
        self.isReplay = isReplay
    }
}
