import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// `dos deadletters --discard ID [--reason TEXT]`: marks a dead letter as dealt with by
/// appending a `dos.deadletter.resolved.v1` (resolution "discarded") to the dead-letter topic,
/// which is append-only and shared. The letter itself stays; the list hides it from then on.
public struct DeadLetterDiscard: Sendable {
    public var id: String
    public var reason: String?
    public var actor: String
    public var topics: Topics

    public init(id: String, reason: String? = nil, actor: String = SagaSubmitter.defaultActor, topics: Topics = Topics()) {
        self.id = id
        self.reason = reason
        self.actor = actor
        self.topics = topics
    }

    public func run(log: any EventLog, now: Date = Date()) async throws -> QueryOutput {
        var output = QueryOutput()
        let entry: DeadLetterBox.Entry
        switch try await DeadLetterBox.find(id, in: log, topics: topics) {
        case .success(let found): entry = found
        case .failure(let problem):
            output.failure = problem.message
            return output
        }
        if entry.state == .discarded, let last = entry.resolutions.last {
            output.failure = "dead letter \(TerminalText.escape(entry.id)) is already \(last.resolved.summary)"
            return output
        }
        let resolved = DeadLetterResolved(deadLetterID: entry.id, resolution: .discarded, by: actor, at: now, note: reason)
        let published = try await DeadLetterBox.publish(resolved, to: log, topics: topics)
        output.lines = [
            "discarded dead letter \(TerminalText.escape(entry.id)) (recorded as \(published.id) at "
                + "\(topics.deadLetter)@\(published.position.offset))",
        ]
        return output
    }
}
