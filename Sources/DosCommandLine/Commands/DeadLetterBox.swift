import EventLog
import Events
import Foundation
import Model

/// Every dead letter on the dead-letter topic, each under the id of the message that carries it.
public struct DeadLetterBox: Sendable {
    /// One dead letter and the id it is known by (its CloudEvent id).
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var letter: DeadLetter
    }

    /// In log order.
    public private(set) var entries: [Entry] = []
    /// Records on the topic that are not dead letters this build can read.
    public private(set) var skipped = 0

    public init() {}

    /// Reads the whole dead-letter topic of `log`.
    public static func load(from log: any EventLog, topics: Topics = Topics()) async throws -> DeadLetterBox {
        var box = DeadLetterBox()
        _ = try await ViewFeed(log: log, topic: topics.deadLetter).forEachRecord { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload),
                  case .success(.known(.deadLetter(_, let letter), _)) = MessageDecoder.decode(event)
            else {
                box.skipped += 1
                return
            }
            // A redelivered dead letter has the same id: keep the first.
            guard !box.entries.contains(where: { $0.id == event.id }) else { return }
            box.entries.append(Entry(id: event.id, letter: letter))
        }
        return box
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
