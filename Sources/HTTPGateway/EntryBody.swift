import DosCommandLine
import Events
import Foundation
import Model

/// The body of a POST or PUT turned into the entry to publish, in the form `GET` answers
/// (`dos get -o json`, `dos apply`): `kind`, `id` and `vocabulary` may be left out, since the
/// path says them, and a PUT names the version it edited.
///
/// Bytes that are not a JSON object are a 400; JSON that is not an entry of the resource (a
/// field of the wrong type, a `kind` or `id` other than the path's, no `version` on a PUT) is a
/// 422 naming the field, as the validator's own errors do.
enum EntryBody {
    /// The entry, and on a PUT the version it was edited from.
    struct Parsed: Sendable {
        var entity: Entity
        var editedVersion: Int?
    }

    static func parse(_ bytes: [UInt8], for resource: GatewayResource, id: UUID? = nil) -> Result<Parsed, GatewayError> {
        guard !bytes.isEmpty else { return .failure(.badRequest("the request needs a JSON body: the entry")) }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            return .failure(.badRequest("the body is not valid JSON: \(error)"))
        }
        guard case .object(var members) = document else {
            return .failure(.badRequest("the body must be one entry, a JSON object; found \(document.typeName)"))
        }
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted {
            return .failure(.badRequest("the body names \"\(member.key)\" twice"))
        }
        if let problem = fill(&members, "kind", resource.kind.rawValue, matches: { EntityKind(name: $0) == resource.kind }) {
            return .failure(problem)
        }
        if let vocabulary = resource.vocabulary,
           let problem = fill(&members, "vocabulary", vocabulary.rawValue, matches: { $0 == vocabulary.rawValue }) {
            return .failure(problem)
        }
        var editedVersion: Int?
        if let id {
            if let problem = fill(&members, "id", id.uuidString.lowercased(), matches: { UUID(uuidString: $0) == id }) {
                return .failure(problem)
            }
            // A PUT replaces the entry the client read; without its version, a concurrent
            // edit would be silently overwritten.
            guard let version = document["version"]?.intValue, version >= 1 else {
                return .failure(.field("version", "is required: the version the edit was made on, as GET gave it"))
            }
            editedVersion = version
        }
        do {
            let entity = try Entity.decode(json: Data(try RawJSON(.object(members)).bytes))
            return .success(Parsed(entity: entity, editedVersion: editedVersion))
        } catch {
            return .failure(GatewayError(.unprocessableContent, "the entry is not valid", fields: [fieldError(for: error)]))
        }
    }

    /// Adds `key` when the body leaves it out; a 422 when the body says something else.
    private static func fill(_ members: inout [JSONMember], _ key: String, _ value: String, matches: (String) -> Bool) -> GatewayError? {
        guard let index = members.firstIndex(where: { $0.key == key }) else {
            members.append(JSONMember(key, .string(value)))
            return nil
        }
        switch members[index].value {
        case .null:
            members[index].value = .string(value)
            return nil
        case .string(let written) where matches(written):
            return nil
        default:
            return .field(key, "must be \"\(value)\" here (or left out)")
        }
    }

    /// A decoding error as the field it concerns and what was wrong, without Swift's dump.
    static func fieldError(for error: any Error) -> FieldError {
        guard let error = error as? DecodingError else { return FieldError(field: "", message: String(describing: error)) }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), message: "is required")
        case .typeMismatch(let type, let context):
            return FieldError(field: path(context.codingPath), message: "should be \(name(of: type))")
        case .valueNotFound(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must not be null; expected \(name(of: type))")
        case .dataCorrupted(let context):
            return FieldError(field: path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return FieldError(field: "", message: String(describing: error))
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String { DecodingProblem.path(keys) }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type, is Decimal.Type: "a number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "\(type)"
        }
    }
}
