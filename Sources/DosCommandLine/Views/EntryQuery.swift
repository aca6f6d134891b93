import TerminalSafety
import EventLog
import Events
import Model

/// `dos get KIND [ID]`: the current entries, rebuilt from the views topic.
public struct EntryQuery: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table, json, jsonl
    }

    public var kind: String
    public var id: String?
    public var format: Format
    public var topics: Topics

    public init(kind: String, id: String? = nil, format: Format = .table, topics: Topics = Topics()) {
        self.kind = kind
        self.id = id
        self.format = format
        self.topics = topics
    }

    public func run(log: any EventLog) async throws -> QueryOutput {
        guard let kind = EntryKindName.parse(self.kind) else {
            return QueryOutput(failure: EntryKindName.problem(with: self.kind))
        }
        let projection = try await ViewProjection.load(from: log, topics: topics)
        var output = QueryOutput()
        if let report = projection.skipped.report(topic: topics.views) { output.notes.append(report) }
        let entries = projection.entries(kind: kind)
        guard let id else {
            try list(entries, kind: kind, projection: projection, into: &output)
            return output
        }
        switch EntryIdentifier.resolve(id, among: entries.map(\.id)) {
        case .success(let found):
            guard let entity = projection.entry(kind: kind, id: found) else { return output }
            try show(entity, into: &output)
        case .failure(.notFound):
            output.failure = "no \(kind.rawValue) has an id starting with \"\(TerminalText.escape(id))\""
        case .failure(let failure):
            output.failure = failure.description
        }
        return output
    }

    private func list(_ entries: [Entity], kind: EntityKind, projection: ViewProjection, into output: inout QueryOutput) throws {
        switch format {
        case .table:
            if entries.isEmpty {
                // As kubectl does: an empty listing is not an error, but say so where people look.
                output.notes.append("no \(kind.pluralName)")
            } else {
                output.lines = EntryListing(projection: projection).table(entries, kind: kind).lines()
            }
        case .json: output.lines = try EntryJSON.document(entries)
        case .jsonl: output.lines = try EntryJSON.jsonLines(entries)
        }
    }

    private func show(_ entity: Entity, into output: inout QueryOutput) throws {
        switch format {
        case .table: output.lines = EntryDetail.table(entity).lines()
        case .json: output.lines = try EntryJSON.document(entity)
        case .jsonl: output.lines = try EntryJSON.jsonLines([entity])
        }
    }
}
