/// The steps of a saga's life on the sagas topic.
public enum SagaStage: String, Sendable, Hashable, Codable, CaseIterable {
    case started
    case stepStarted = "step-started"
    case stepCompleted = "step-completed"
    case stepFailed = "step-failed"
    case compensating
    case compensated
    case completed
    case failed
    case timedOut = "timed-out"

    /// Whether the saga is over once it reaches this stage.
    public var isFinal: Bool {
        switch self {
        case .compensated, .completed, .failed, .timedOut: true
        case .started, .stepStarted, .stepCompleted, .stepFailed, .compensating: false
        }
    }
}
