import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// `dos sagas [ID] [--state S]`: the sagas folded from the sagas topic, or one saga's steps.
public struct SagaQuery: Sendable {
    /// Prefixes shorter than this are shown only when needed to tell ids apart.
    static let shortIDLength = 8

    public var id: String?
    public var state: SagaTrace.State?
    public var topics: Topics
    public var now: Date

    public init(id: String? = nil, state: SagaTrace.State? = nil, topics: Topics = Topics(), now: Date = Date()) {
        self.id = id
        self.state = state
        self.topics = topics
        self.now = now
    }

    public func run(log: any EventLog) async throws -> QueryOutput {
        let ledger = try await SagaLedger.load(from: log, topics: topics)
        var output = QueryOutput()
        if ledger.skipped > 0 { output.notes.append("skipped \(ledger.skipped) unreadable records on \(topics.sagas)") }
        if let id {
            switch Self.resolve(id, among: ledger.order) {
            case .success(let found):
                if let trace = ledger[found] { output.lines = SagaTimeline(now: now).lines(for: trace) }
            case .failure(let problem):
                output.failure = problem.message
            }
            return output
        }
        output.lines = list(ledger)
        if output.lines.isEmpty { output.notes.append(state.map { "no \($0.rawValue) sagas" } ?? "no sagas yet") }
        return output
    }

    private func list(_ ledger: SagaLedger) -> [String] {
        let chosen = ledger.all.filter { state == nil || $0.state == state }
        guard !chosen.isEmpty else { return [] }
        // Running sagas first (they are what someone watches), then in the order they began.
        let ordered = chosen.filter { $0.state == .running } + chosen.filter { $0.state != .running }
        let short = Self.shortIDs(ledger.order)
        let rows = ordered.map { trace -> [String] in
            let total = trace.stepCount.map(String.init) ?? "?"
            let started = trace.startedAt.map { Timestamp.string(from: $0) } ?? "-"
            let end = trace.endedAt ?? now
            let duration = trace.startedAt.map { SagaTimeline.duration(end.timeIntervalSince($0)) } ?? "-"
            return [short[trace.id] ?? trace.id, trace.kind, trace.state.rawValue, "\(trace.stepsDone)/\(total)", started, duration]
        }
        return TextTable(headers: ["SAGA", "KIND", "STATE", "STEPS", "STARTED", "DURATION"], rows: rows).lines()
    }

    /// The ids cut to one length (at least `shortIDLength`) at which no two are alike, so each
    /// works as a prefix. Saga ids are UUIDv7s, whose leading digits are a timestamp shared by
    /// sagas started together, so the length grows with how close together they began.
    static func shortIDs(_ ids: [String]) -> [String: String] {
        let sorted = Array(Set(ids)).sorted()
        var length = shortIDLength
        for (earlier, later) in zip(sorted, sorted.dropFirst()) {
            length = max(length, zip(earlier, later).prefix { $0 == $1 }.count + 1)
        }
        return Dictionary(uniqueKeysWithValues: sorted.map { ($0, String($0.prefix(length))) })
    }

    /// The one saga id `text` is a prefix of; hyphens and case are ignored, as for entry ids.
    static func resolve(_ text: String, among ids: [String]) -> Result<String, CommandInputError> {
        let wanted = normalized(text)
        guard wanted.count >= EntryIdentifier.minimumPrefixDigits else {
            return failure("\"\(TerminalText.escape(text))\" is too short: give a saga id or at least \(EntryIdentifier.minimumPrefixDigits) of its leading characters")
        }
        let matches = Set(ids.filter { normalized($0).hasPrefix(wanted) })
        switch matches.count {
        case 1: return matches.first.map { .success($0) } ?? failure("no saga")
        case 0: return failure("no saga has an id starting with \"\(TerminalText.escape(text))\"")
        default:
            return failure("\"\(TerminalText.escape(text))\" matches \(matches.count) sagas: "
                + TerminalText.escape(matches.sorted().joined(separator: ", ")))
        }
    }

    private static func failure(_ message: String) -> Result<String, CommandInputError> {
        .failure(CommandInputError(message: message))
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().filter { $0 != "-" }
    }
}
