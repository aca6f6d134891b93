import Foundation

/// One step in a saga's life; which step (started, step failed, compensated…) is the
/// message type's `SagaStage`.
public struct SagaProgress: Codable, Sendable, Equatable {
    public var sagaID: String
    /// Which process: "create-provider", "register-provider", "delete-service"…
    public var sagaKind: String
    /// The step concerned, e.g. "validate", "store contact"; nil for whole-saga stages.
    public var step: String?
    /// Zero-based position of `step` among `stepCount` steps.
    public var stepIndex: Int?
    public var stepCount: Int?
    /// Why it failed, was compensated or timed out.
    public var reason: String?
    /// When the coordinator recorded it.
    public var at: Date

    public init(
        sagaID: String, sagaKind: String, step: String? = nil, stepIndex: Int? = nil, stepCount: Int? = nil,
        reason: String? = nil, at: Date
    ) {
        self.sagaID = sagaID
        self.sagaKind = sagaKind
        self.step = step
        self.stepIndex = stepIndex
        self.stepCount = stepCount
        self.reason = reason
        self.at = at
    }

    private enum CodingKeys: String, CodingKey {
        case sagaID = "saga_id", sagaKind = "saga_kind", step, stepIndex = "step_index", stepCount = "step_count"
        case reason, at
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sagaID = try container.decode(String.self, forKey: .sagaID)
        sagaKind = try container.decode(String.self, forKey: .sagaKind)
        step = try container.decodeIfPresent(String.self, forKey: .step)
        stepIndex = try container.decodeIfPresent(Int.self, forKey: .stepIndex)
        stepCount = try container.decodeIfPresent(Int.self, forKey: .stepCount)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        at = try container.decodeDate(forKey: .at)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sagaID, forKey: .sagaID)
        try container.encode(sagaKind, forKey: .sagaKind)
        try container.encodeIfPresent(step, forKey: .step)
        try container.encodeIfPresent(stepIndex, forKey: .stepIndex)
        try container.encodeIfPresent(stepCount, forKey: .stepCount)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeDate(at, forKey: .at)
    }
}
