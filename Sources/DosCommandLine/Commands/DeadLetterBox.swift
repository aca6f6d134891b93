import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// Every dead letter on the dead-letter topic, each under the id of the message that carries it,
/// with what became of it: the `dos.deadletter.resolved.v1` messages on the same topic.
public struct DeadLetterBox: Sendable {
    /// Where a letter stands: the latest of its resolutions, or open when it has none.
    public enum State: String, Sendable, CaseIterable {
        case open, retried, discarded
    }

    /// One resolution and the id of the message that carries it.
    public struct Resolution: Sendable, Equatable {
        public var id: String
        public var resolved: DeadLetterResolved

        public init(id: String, resolved: DeadLetterResolved) {
            self.id = id
            self.resolved = resolved
        }
    }

    /// One dead letter, the id it is known by (its CloudEvent id) and its resolutions in log order.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var letter: DeadLetter
        public var resolutions: [Resolution] = []

        public init(id: String, letter: DeadLetter, resolutions: [Resolution] = []) {
            self.id = id
            self.letter = letter
            self.resolutions = resolutions
        }

        public var state: State {
            switch resolutions.last?.resolved.resolution {
            case nil: .open
            case .retried?: .retried
            case .discarded?: .discarded
            }
        }
    }

    /// A message read from the dead-letter topic, in log order.
    public enum Record: Sendable, Equatable {
        case letter(id: String, DeadLetter)
        case resolution(id: String, DeadLetterResolved)
    }

    /// In log order.
    public private(set) var entries: [Entry] = []
    /// Records on the topic that are not dead letters or resolutions this build can read.
    public private(set) var skipped = 0
    /// Resolutions of letters that are not on the topic (yet: on Kafka they may be read first).
    public private(set) var orphanResolutions = 0

    public init() {}

    /// The fold: letters in log order, each with the resolutions naming it. A redelivered
    /// message (same id) counts once; a resolution may come before its letter.
    public init(records: [Record], skipped: Int = 0) {
        self.skipped = skipped
        var seenLetters = Set<String>()
        var seenResolutions = Set<String>()
        var resolutions: [Resolution] = []
        for record in records {
            switch record {
            case .letter(let id, let letter):
                guard seenLetters.insert(id).inserted else { continue }
                entries.append(Entry(id: id, letter: letter))
            case .resolution(let id, let resolved):
                guard seenResolutions.insert(id).inserted else { continue }
                resolutions.append(Resolution(id: id, resolved: resolved))
            }
        }
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() { index[entry.id] = position }
        for resolution in resolutions {
            guard let position = index[resolution.resolved.deadLetterID] else {
                orphanResolutions += 1
                continue
            }
            entries[position].resolutions.append(resolution)
        }
    }

    /// Reads the whole dead-letter topic of `log`.
    public static func load(from log: any EventLog, topics: Topics = Topics()) async throws -> DeadLetterBox {
        var records: [Record] = []
        var skipped = 0
        _ = try await ViewFeed(log: log, topic: topics.deadLetter).forEachRecord { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload),
                  case .success(.known(let message, _)) = MessageDecoder.decode(event)
            else {
                skipped += 1
                return
            }
            switch message {
            case .deadLetter(_, let letter): records.append(.letter(id: event.id, letter))
            case .deadLetterResolved(_, let resolved): records.append(.resolution(id: event.id, resolved))
            default: skipped += 1
            }
        }
        return DeadLetterBox(records: records, skipped: skipped)
    }

    /// Appends a resolution to the dead-letter topic, keyed by the letter's id so that all of a
    /// letter's resolutions stay in order on one partition.
    public static func publish(
        _ resolved: DeadLetterResolved, to log: any EventLog, topics: Topics = Topics()
    ) async throws -> (id: String, position: LogPosition) {
        let event = try Message(resolved).cloudEvent(source: "/dos/cli", time: resolved.at, actor: resolved.by)
        let topic = topics.deadLetter
        let result = try await log.append(
            OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event)))
        return (event.id, result.position)
    }

    /// Reads the dead-letter topic and finds the one letter `text` names (as `resolve`).
    public static func find(_ text: String, in log: any EventLog, topics: Topics = Topics()) async throws -> Result<Entry, CommandInputError> {
        try await load(from: log, topics: topics).resolve(text)
    }

    /// The one entry whose id `text` is a prefix of (hyphens and case ignored, at least 4 characters).
    public func resolve(_ text: String) -> Result<Entry, CommandInputError> {
        func normalized(_ text: String) -> String { text.lowercased().filter { $0 != "-" } }
        let wanted = normalized(text)
        let shown = TerminalText.escape(text)
        guard wanted.count >= EntryIdentifier.minimumPrefixDigits else {
            return .failure(CommandInputError(message: "\"\(shown)\" is too short: give a dead letter's id or at least \(EntryIdentifier.minimumPrefixDigits) of its leading characters"))
        }
        let matches = entries.filter { normalized($0.id).hasPrefix(wanted) }
        switch matches.count {
        case 1: return matches.first.map { .success($0) } ?? .failure(CommandInputError(message: "no dead letter"))
        case 0: return .failure(CommandInputError(message: "no dead letter has an id starting with \"\(shown)\""))
        default:
            return .failure(CommandInputError(message: "\"\(shown)\" matches \(matches.count) dead letters: "
                + TerminalText.escape(matches.map(\.id).joined(separator: ", "))))
        }
    }

    /// Ids cut to the shortest length (at least 8) at which they are all different.
    public var shortIDs: [String: String] { SagaQuery.shortIDs(entries.map(\.id)) }
}

extension DeadLetter {
    /// "dos.commands@12", with the partition when there is one besides 0.
    var origin: String {
        let position = originPosition.map(String.init) ?? "?"
        let partition = originPartition.flatMap { $0 == 0 ? nil : "[\($0)]" } ?? ""
        return "\(TerminalText.escape(originTopic))\(partition)@\(position)"
    }
}

extension DeadLetterResolved {
    /// "discarded by cli:alice at 2026-…Z: reason", escaped.
    var summary: String {
        "\(resolution.rawValue) by \(TerminalText.escape(by)) at \(Timestamp.string(from: at))"
            + (note.map { ": " + TerminalText.escape($0) } ?? "")
    }
}
