import TerminalSafety
import Events
import Foundation
import Model

/// The input of `dos apply`: one entry or a JSON array of entries, in the form `dos get -o json`
/// prints, turned into create and update commands.
///
/// An entry with an `id` and a `version` of 1 or more is an update against that version; any
/// other entry is a create (keeping its `id` when it has one). Every entry is read before
/// anything is published, so one bad entry means nothing is published.
public enum EntryDocument {
    public static func commands(from bytes: [UInt8]) -> Result<[PlannedCommand], CommandInputError> {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            return failure("the input is not valid JSON: \(error)")
        }
        let entries: [JSONValue]
        let isList: Bool
        switch document {
        case .array(let elements):
            entries = elements
            isList = true
        case .object:
            entries = [document]
            isList = false
        default:
            return failure("the input must be an entry (a JSON object) or a JSON array of entries")
        }
        guard !entries.isEmpty else { return failure("the input holds no entries") }
        var commands: [PlannedCommand] = []
        for (index, entry) in entries.enumerated() {
            let place = isList ? "entry at index \(index)" : "the entry"
            switch command(for: entry) {
            case .success(let command): commands.append(command)
            case .failure(let problem): return failure("\(place): \(problem.message)")
            }
        }
        return .success(commands)
    }

    private static func command(for entry: JSONValue) -> Result<PlannedCommand, CommandInputError> {
        guard case .object = entry else { return failure("an entry must be a JSON object") }
        let entity: Entity
        do {
            entity = try Entity.decode(json: Data(try RawJSON(entry).bytes))
        } catch {
            return failure(DecodingProblem.describe(error))
        }
        let hasID = entry["id"].map { $0 != .null } ?? false
        if hasID, let version = entry["version"]?.intValue, version >= 1 {
            return .success(.change(.update, entity, expectedVersion: version))
        }
        return .success(.change(.create, entity, expectedVersion: nil))
    }

    private static func failure<Success>(_ message: String) -> Result<Success, CommandInputError> {
        .failure(CommandInputError(message: TerminalText.escape(message)))
    }
}
