import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// `dos deadletters --retry ID`: appends a dead letter's original bytes to its origin topic
/// again, under a new record id, so that consumers (fixed since) get another go at it.
///
/// The log dedupes by record id, so the copy needs a new one; the services dedupe by the
/// CloudEvent id inside the bytes, which stays the same, so a message some service did apply
/// before is not applied twice. The retry is then recorded on the dead-letter topic as a
/// `dos.deadletter.resolved.v1` with resolution "retried".
public struct DeadLetterRetry: Sendable {
    public var id: String
    public var actor: String
    public var topics: Topics

    public init(id: String, actor: String = SagaSubmitter.defaultActor, topics: Topics = Topics()) {
        self.id = id
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
        let letter = entry.letter
        let topic = letter.originTopic
        guard topics.all.contains(topic), topic != topics.deadLetter else {
            output.failure = "dead letter \(TerminalText.escape(entry.id)) came from \"\(TerminalText.escape(topic))\", not a topic dos consumes; not retried"
            return output
        }
        let recordID = "retry-" + EventID.make()
        let result = try await log.append(OutgoingRecord(topic: topic, key: letter.originKey, id: recordID, payload: letter.originalBytes))
        let whereTo = "\(topic)@\(result.position.offset) as record \(recordID)"
        output.lines = [
            "retried dead letter \(TerminalText.escape(entry.id)): \(letter.originalBytes.count) bytes appended to "
                + "\(whereTo) (first at \(letter.origin))",
        ]
        let resolved = DeadLetterResolved(deadLetterID: entry.id, resolution: .retried, by: actor, at: now, note: "appended to \(whereTo)")
        do {
            _ = try await DeadLetterBox.publish(resolved, to: log, topics: topics)
        } catch {
            output.failure = "the retry was appended, but recording it on \(topics.deadLetter) failed: "
                + TerminalText.escape(String(describing: error))
        }
        return output
    }
}
