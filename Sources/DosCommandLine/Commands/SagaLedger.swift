import EventLog
import Events
import Foundation

/// Every saga seen on the sagas topic, folded into `SagaTrace`s in order of first appearance.
public struct SagaLedger: Sendable {
    public private(set) var traces: [String: SagaTrace] = [:]
    /// Saga ids in the order the log first mentioned them.
    public private(set) var order: [String] = []
    /// Records that were not saga progress this build can read (skipped, as every reader must).
    public private(set) var skipped = 0

    public init() {}

    /// A ledger holding `traces` in this order (as `all` gives them), e.g. from a checkpoint.
    public init(traces: [SagaTrace], skipped: Int) {
        for trace in traces where self.traces[trace.id] == nil {
            self.traces[trace.id] = trace
            order.append(trace.id)
        }
        self.skipped = skipped
    }

    /// Reads the whole sagas topic of `log`.
    public static func load(from log: any EventLog, topics: Topics = Topics()) async throws -> SagaLedger {
        var ledger = SagaLedger()
        try await ViewFeed(log: log, topic: topics.sagas).forEachRecord { ledger.apply($0) }
        return ledger
    }

    /// Folds in one record; returns the saga id it was about, nil for an unreadable record.
    @discardableResult
    public mutating func apply(_ record: LogRecord) -> String? {
        guard case .success(let event) = CloudEventCodec.decode(record.payload),
              case .success(.known(.saga(let type, let progress), _)) = MessageDecoder.decode(event),
              case .saga(let stage) = type.name
        else {
            skipped += 1
            return nil
        }
        apply(stage, progress)
        return progress.sagaID
    }

    public mutating func apply(_ stage: SagaStage, _ progress: SagaProgress) {
        if traces[progress.sagaID] == nil {
            traces[progress.sagaID] = SagaTrace(id: progress.sagaID, kind: progress.sagaKind)
            order.append(progress.sagaID)
        }
        traces[progress.sagaID]?.apply(stage, progress)
    }

    public subscript(id: String) -> SagaTrace? { traces[id] }

    /// Forgets the oldest finished sagas until at most `limit` are kept (running ones always
    /// stay), so a reader that runs for months holds a bounded number. Returns the ids forgotten.
    @discardableResult
    public mutating func forgetOldestFinished(keeping limit: Int) -> [String] {
        var excess = order.count - limit
        guard excess > 0 else { return [] }
        var forgotten: [String] = []
        var kept: [String] = []
        kept.reserveCapacity(limit)
        for id in order {
            if excess > 0, traces[id]?.isFinished ?? true {
                traces[id] = nil
                forgotten.append(id)
                excess -= 1
            } else {
                kept.append(id)
            }
        }
        order = kept
        return forgotten
    }

    /// Every saga, in order of first appearance.
    public var all: [SagaTrace] { order.compactMap { traces[$0] } }
}
