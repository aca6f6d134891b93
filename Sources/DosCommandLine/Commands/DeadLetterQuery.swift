import EventLog
import Events
import Foundation
import Model

/// `dos deadletters [ID] [-o table|json]`: the dead letters, or one in full. Everything from
/// the letter (reason, key, the original bytes) is shown with control characters escaped.
public struct DeadLetterQuery: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, json
    }

    public var id: String?
    public var format: Format
    public var topics: Topics

    public init(id: String? = nil, format: Format = .table, topics: Topics = Topics()) {
        self.id = id
        self.format = format
        self.topics = topics
    }

    public func run(log: any EventLog) async throws -> QueryOutput {
        let box = try await DeadLetterBox.load(from: log, topics: topics)
        var output = QueryOutput()
        if box.skipped > 0 { output.notes.append("skipped \(box.skipped) unreadable records on \(topics.deadLetter)") }
        if let id {
            switch box.resolve(id) {
            case .success(let entry):
                output.lines = format == .json ? [try Self.json(entry)] : Self.detail(entry)
            case .failure(let problem):
                output.failure = problem.message
            }
            return output
        }
        switch format {
        case .json:
            output.lines = ["[" + (try box.entries.map(Self.json).joined(separator: ",")) + "]"]
        case .table:
            let short = box.shortIDs
            let rows = box.entries.map { entry -> [String] in
                let letter = entry.letter
                return [
                    short[entry.id] ?? entry.id, TerminalText.escape(letter.reason), letter.origin,
                    TerminalText.escape(letter.consumerGroup ?? "-"), Timestamp.string(from: letter.firstSeenAt),
                ]
            }
            output.lines = rows.isEmpty ? [] : TextTable(headers: ["LETTER", "REASON", "ORIGIN", "GROUP", "FIRST SEEN"], rows: rows).lines()
            if rows.isEmpty { output.notes.append("no dead letters") }
        }
        return output
    }

    /// One letter in full; the original bytes last, escaped.
    static func detail(_ entry: DeadLetterBox.Entry) -> [String] {
        let letter = entry.letter
        let fields: [(String, String)] = [
            ("id", TerminalText.escape(entry.id)),
            ("reason", TerminalText.escape(letter.reason)),
            ("origin", letter.origin),
            ("key", TerminalText.escape(letter.originKey ?? "-")),
            ("consumer group", TerminalText.escape(letter.consumerGroup ?? "-")),
            ("attempts", String(letter.attempts)),
            ("first seen", Timestamp.string(from: letter.firstSeenAt)),
            ("payload", "\(letter.originalBytes.count) bytes, control characters escaped:"),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        let lines = fields.map { name, value in (name + ":").padding(toLength: width + 2, withPad: " ", startingAt: 0) + value }
        return lines + [Self.payload(letter.originalBytes)]
    }

    /// The original bytes on one terminal-safe line: JSON stays JSON (strings keep their meaning
    /// with `\uXXXX` escapes), anything else has its controls and invalid UTF-8 escaped.
    static func payload(_ bytes: [UInt8]) -> String {
        String(decoding: TerminalSafeJSON.sanitize(bytes), as: UTF8.self)
    }

    /// The letter as JSON, its id first, on one terminal-safe line.
    static func json(_ entry: DeadLetterBox.Entry) throws -> String {
        let letter = try RawJSON(encoding: entry.letter).string
        let id = try RawJSON(encoding: [entry.id]).string.dropFirst().dropLast()
        let body = letter.dropFirst()
        let joined = "{\"id\":\(id)" + (body.hasPrefix("}") ? "" : ",") + body
        return String(decoding: TerminalSafeJSON.sanitize(Array(joined.utf8)), as: UTF8.self)
    }
}
