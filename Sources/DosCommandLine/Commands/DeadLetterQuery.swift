import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// `dos deadletters [ID] [--all] [-o table|json]`: the open dead letters (with `--all`, the
/// retried and discarded ones too), or one in full with its resolutions. Everything from the
/// letter (reason, key, the original bytes) is shown with control characters escaped.
public struct DeadLetterQuery: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, json
    }

    public var id: String?
    public var format: Format
    /// List retried and discarded letters too, not only open ones.
    public var includeResolved: Bool
    public var topics: Topics

    public init(id: String? = nil, format: Format = .table, includeResolved: Bool = false, topics: Topics = Topics()) {
        self.id = id
        self.format = format
        self.includeResolved = includeResolved
        self.topics = topics
    }

    public func run(log: any EventLog) async throws -> QueryOutput {
        let box = try await DeadLetterBox.load(from: log, topics: topics)
        var output = QueryOutput()
        if box.skipped > 0 { output.notes.append("skipped \(box.skipped) unreadable records on \(topics.deadLetter)") }
        if box.orphanResolutions > 0 {
            output.notes.append("\(box.orphanResolutions) resolutions name dead letters that are not on \(topics.deadLetter)")
        }
        if let id {
            switch box.resolve(id) {
            case .success(let entry):
                output.lines = format == .json ? [try Self.json(entry)] : Self.detail(entry)
            case .failure(let problem):
                output.failure = problem.message
            }
            return output
        }
        let shown = includeResolved ? box.entries : box.entries.filter { $0.state == .open }
        let hidden = box.entries.count - shown.count
        switch format {
        case .json:
            output.lines = ["[" + (try shown.map(Self.json).joined(separator: ",")) + "]"]
        case .table:
            let short = box.shortIDs
            let rows = shown.map { entry -> [String] in
                let letter = entry.letter
                return [
                    short[entry.id] ?? entry.id, entry.state.rawValue, TerminalText.escape(letter.reason), letter.origin,
                    TerminalText.escape(letter.consumerGroup ?? "-"), Timestamp.string(from: letter.firstSeenAt),
                ]
            }
            let headers = ["LETTER", "STATE", "REASON", "ORIGIN", "GROUP", "FIRST SEEN"]
            output.lines = rows.isEmpty ? [] : TextTable(headers: headers, rows: rows).lines()
            if rows.isEmpty { output.notes.append(hidden > 0 ? "no open dead letters" : "no dead letters") }
        }
        if hidden > 0 { output.notes.append("\(hidden) retried or discarded dead letters not shown (--all shows them)") }
        return output
    }

    /// One letter in full; the original bytes last, escaped.
    static func detail(_ entry: DeadLetterBox.Entry) -> [String] {
        let letter = entry.letter
        let fields: [(String, String)] = [
            ("id", TerminalText.escape(entry.id)),
            ("state", entry.state.rawValue),
            ("reason", TerminalText.escape(letter.reason)),
            ("origin", letter.origin),
            ("key", TerminalText.escape(letter.originKey ?? "-")),
            ("consumer group", TerminalText.escape(letter.consumerGroup ?? "-")),
            ("attempts", String(letter.attempts)),
            ("first seen", Timestamp.string(from: letter.firstSeenAt)),
            ("payload", "\(letter.originalBytes.count) bytes, control characters escaped:"),
        ]
        let resolutions: [(String, String)] = entry.resolutions.map { ("resolution", $0.resolved.summary) }
        let all = fields.prefix(2) + resolutions + fields.dropFirst(2)
        let width = all.map(\.0.count).max() ?? 0
        let lines = all.map { name, value in (name + ":").padding(toLength: width + 2, withPad: " ", startingAt: 0) + value }
        return lines + [Self.payload(letter.originalBytes)]
    }

    /// The original bytes on one terminal-safe line: JSON stays JSON (strings keep their meaning
    /// with `\uXXXX` escapes), anything else has its controls and invalid UTF-8 escaped.
    static func payload(_ bytes: [UInt8]) -> String {
        String(decoding: TerminalSafeJSON.sanitize(bytes), as: UTF8.self)
    }

    /// The letter as JSON, its id first, then its fields, its `resolutions` (each the
    /// `dos.deadletter.resolved.v1` payload with its message's `id` first) and `state`, on one
    /// terminal-safe line.
    static func json(_ entry: DeadLetterBox.Entry) throws -> String {
        let resolutions = try entry.resolutions.map { try withID($0.id, try RawJSON(encoding: $0.resolved).string) }
        let extra = "\"resolutions\":[" + resolutions.joined(separator: ",") + "],\"state\":\"\(entry.state.rawValue)\""
        let letter = try RawJSON(encoding: entry.letter).string
        let body = letter.hasSuffix("}") ? String(letter.dropLast()) : letter
        let joined = try withID(entry.id, body + (body.hasSuffix("{") ? "" : ",") + extra + "}")
        return String(decoding: TerminalSafeJSON.sanitize(Array(joined.utf8)), as: UTF8.self)
    }

    /// `{"id":"…",` spliced in front of the members of a JSON object.
    private static func withID(_ id: String, _ object: String) throws -> String {
        let quoted = try RawJSON(encoding: [id]).string.dropFirst().dropLast()
        let body = object.dropFirst()
        return "{\"id\":\(quoted)" + (body.hasPrefix("}") ? "" : ",") + body
    }
}
