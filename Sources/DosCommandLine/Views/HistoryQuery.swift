import TerminalSafety
import EventLog
import Events
import Model

/// `dos history KIND ID`: every version of one entry, deleted or not, from the views topic.
public struct HistoryQuery: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, json
    }

    public var kind: String
    public var id: String
    public var format: Format
    public var topics: Topics

    public init(kind: String, id: String, format: Format = .table, topics: Topics = Topics()) {
        self.kind = kind
        self.id = id
        self.format = format
        self.topics = topics
    }

    public func run(log: any EventLog) async throws -> QueryOutput {
        guard let kind = EntryKindName.parse(self.kind) else {
            return QueryOutput(failure: EntryKindName.problem(with: self.kind))
        }
        let projection = try await HistoryProjection.load(kind: kind, from: log, topics: topics)
        var output = QueryOutput()
        if let report = projection.skipped.report(topic: topics.views) { output.notes.append(report) }
        switch EntryIdentifier.resolve(id, among: projection.ids) {
        case .success(let found):
            let history = projection.history(id: found)
            switch format {
            case .table: output.lines = HistoryRenderer.text(history, name: projection.lastEntity(id: found)?.displayName)
            case .json: output.lines = [HistoryRenderer.json(history)]
            }
        case .failure(.notFound):
            output.failure = "no \(kind.rawValue) has an id starting with \"\(TerminalText.escape(id))\""
        case .failure(let failure):
            output.failure = failure.description
        }
        return output
    }
}
