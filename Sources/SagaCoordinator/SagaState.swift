/// Where a saga is in its life; the last four are final.
public enum SagaState: String, Sendable, Hashable, CaseIterable {
    case running
    /// A step failed; the coordinator is undoing the steps already done.
    case compensating
    case completed
    case failed
    /// Every completed step was undone after a failure.
    case compensated
    case timedOut = "timed-out"

    public var isFinal: Bool {
        switch self {
        case .running, .compensating: false
        case .completed, .failed, .compensated, .timedOut: true
        }
    }
}
