import Foundation
import Hummingbird
import Model

/// What a request asks of the gateway, read from its method and path alone.
///
/// `/{resource}` takes GET (list) and POST (create); `/{resource}/{id}` takes GET, PUT and
/// DELETE. Under `/type`, a second segment that names a vocabulary is a collection of its own
/// (`/type/tag`, `/type/tag/{id}`). An unknown resource is a 404, an id that is not a UUID a 400
/// and a method the path does not take a 405 naming the ones it does.
public enum GatewayRoute: Sendable, Equatable {
    /// `GET /`: the collections.
    case index
    case list(GatewayResource)
    case create(GatewayResource)
    case read(GatewayResource, UUID)
    case update(GatewayResource, UUID)
    case delete(GatewayResource, UUID)

    static let collectionMethods: [HTTPRequest.Method] = [.get, .post]
    static let entryMethods: [HTTPRequest.Method] = [.get, .put, .delete]

    public static func resolve(_ method: HTTPRequest.Method, path: String) -> Result<GatewayRoute, GatewayError> {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch segments.count {
        case 0:
            return method == .get ? .success(.index) : .failure(.methodNotAllowed(method, "/", allowed: [.get]))
        case 1:
            guard let resource = GatewayResource(segment: segments[0]) else { return .failure(unknown(path)) }
            return collection(method, resource)
        case 2:
            guard let resource = GatewayResource(segment: segments[0]) else { return .failure(unknown(path)) }
            if resource.kind == .taxonomy, let vocabulary = Vocabulary(rawValue: segments[1]) {
                return collection(method, GatewayResource(kind: .taxonomy, vocabulary: vocabulary))
            }
            return entry(method, resource, segments[1])
        case 3 where segments[0] == "type":
            guard let vocabulary = Vocabulary(rawValue: segments[1]) else { return .failure(unknown(path)) }
            return entry(method, GatewayResource(kind: .taxonomy, vocabulary: vocabulary), segments[2])
        default:
            return .failure(unknown(path))
        }
    }

    private static func collection(_ method: HTTPRequest.Method, _ resource: GatewayResource) -> Result<GatewayRoute, GatewayError> {
        switch method {
        case .get: .success(.list(resource))
        case .post: .success(.create(resource))
        default: .failure(.methodNotAllowed(method, resource.path, allowed: collectionMethods))
        }
    }

    private static func entry(_ method: HTTPRequest.Method, _ resource: GatewayResource, _ text: String) -> Result<GatewayRoute, GatewayError> {
        guard let id = UUID(uuidString: text) else {
            return .failure(.badRequest("\"\(text)\" is not an id: \(resource.path)/{id} takes the entry's UUID"))
        }
        switch method {
        case .get: return .success(.read(resource, id))
        case .put: return .success(.update(resource, id))
        case .delete: return .success(.delete(resource, id))
        default: return .failure(.methodNotAllowed(method, resource.path + "/{id}", allowed: entryMethods))
        }
    }

    private static func unknown(_ path: String) -> GatewayError {
        .notFound("no resource at \(path); the resources are \(GatewayResource.allPaths.joined(separator: ", "))")
    }
}
