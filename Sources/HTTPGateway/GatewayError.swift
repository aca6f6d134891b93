import Foundation
import Hummingbird
import Model

/// A request the gateway answers with an error status and a JSON object:
/// `{"error": "...", "fields": [{"field": "...", "message": "..."}], ...}` with, where they apply,
/// the store's `reason`, the versions of a conflict, the missing references and the saga id.
public struct GatewayError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var body: ErrorBody
    /// Extra headers (`Allow` on 405).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, fields: [FieldError] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.body = ErrorBody(error: message, fields: fields)
        self.headers = headers
    }

    /// The JSON body of every error answer.
    public struct ErrorBody: Encodable, Sendable {
        public var error: String
        /// Field-level problems; empty when the error is not about fields.
        public var fields: [FieldError]
        /// The store's reason (`conflict`, `missing_reference`, `not_found`, `has_dependents`, `invalid`).
        public var reason: String?
        public var sagaID: String?
        public var expectedVersion: Int?
        public var currentVersion: Int?
        public var missingReferences: [UUID]?
        public var dependents: [Dependent]?

        /// An entry that refers to the one a delete was refused for.
        public struct Dependent: Encodable, Sendable {
            public var kind: String
            public var id: UUID

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(kind, forKey: .kind)
                try container.encode(id.uuidString.lowercased(), forKey: .id)
            }

            private enum CodingKeys: String, CodingKey { case kind, id }
        }

        private enum CodingKeys: String, CodingKey {
            case error, fields, reason, sagaID = "saga_id", expectedVersion = "expected_version"
            case currentVersion = "current_version", missingReferences = "missing_references", dependents
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(error, forKey: .error)
            try container.encode(fields, forKey: .fields)
            try container.encodeIfPresent(reason, forKey: .reason)
            try container.encodeIfPresent(sagaID, forKey: .sagaID)
            try container.encodeIfPresent(expectedVersion, forKey: .expectedVersion)
            try container.encodeIfPresent(currentVersion, forKey: .currentVersion)
            try container.encodeIfPresent(missingReferences?.map { $0.uuidString.lowercased() }, forKey: .missingReferences)
            try container.encodeIfPresent(dependents, forKey: .dependents)
        }
    }

    public var response: Response {
        var response = GatewayJSON.response(status, body)
        response.headers.append(contentsOf: headers)
        return response
    }

    // MARK: - The common ones

    static func badRequest(_ message: String) -> GatewayError { GatewayError(.badRequest, message) }

    static func notFound(_ message: String) -> GatewayError { GatewayError(.notFound, message) }

    /// One field's problem with the body, answered 422 like the validator's.
    static func field(_ field: String, _ message: String) -> GatewayError {
        GatewayError(.unprocessableContent, "the entry is not valid", fields: [FieldError(field: field, message: message)])
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, _ path: String, allowed: [HTTPRequest.Method]) -> GatewayError {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return GatewayError(.methodNotAllowed, "\(method.rawValue) is not allowed on \(path); use \(list)", headers: [.allow: list])
    }

    static func tooLarge(limit: Int) -> GatewayError {
        GatewayError(.contentTooLarge, "the body is larger than the limit of \(limit) bytes")
    }
}
