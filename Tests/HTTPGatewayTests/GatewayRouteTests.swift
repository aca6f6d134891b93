import Foundation
@testable import HTTPGateway
import Model
import Testing

/// Method and path to what the gateway does, before any body is read.
@Suite struct GatewayRouteTests {
    let id = UUID()

    // The methods are written at the call (`.get`): HTTPRequest is Hummingbird's, which this
    // target does not import.
    func route(_ resolved: Result<GatewayRoute, GatewayError>) -> GatewayRoute? { try? resolved.get() }

    func status(_ resolved: Result<GatewayRoute, GatewayError>) -> Int? {
        guard case .failure(let error) = resolved else { return nil }
        return error.status.code
    }

    @Test func everyResourceTakesListCreateReadUpdateDelete() {
        for (segment, kind) in GatewayResource.segments {
            let resource = GatewayResource(kind: kind)
            #expect(route(GatewayRoute.resolve(.get, path: "/\(segment)")) == .list(resource))
            #expect(route(GatewayRoute.resolve(.post, path: "/\(segment)")) == .create(resource))
            #expect(route(GatewayRoute.resolve(.get, path: "/\(segment)/\(id.uuidString)")) == .read(resource, id))
            #expect(route(GatewayRoute.resolve(.put, path: "/\(segment)/\(id.uuidString.lowercased())")) == .update(resource, id))
            #expect(route(GatewayRoute.resolve(.delete, path: "/\(segment)/\(id.uuidString)")) == .delete(resource, id))
        }
        #expect(route(GatewayRoute.resolve(.get, path: "/cost-option/")) == .list(GatewayResource(kind: .costoption)))
        #expect(route(GatewayRoute.resolve(.get, path: "/")) == .index)
    }

    @Test func vocabulariesAreCollectionsUnderType() {
        for vocabulary in Vocabulary.allCases {
            let resource = GatewayResource(kind: .taxonomy, vocabulary: vocabulary)
            #expect(route(GatewayRoute.resolve(.get, path: "/type/\(vocabulary.rawValue)")) == .list(resource))
            #expect(route(GatewayRoute.resolve(.post, path: "/type/\(vocabulary.rawValue)")) == .create(resource))
            #expect(route(GatewayRoute.resolve(.get, path: "/type/\(vocabulary.rawValue)/\(id.uuidString)")) == .read(resource, id))
            #expect(route(GatewayRoute.resolve(.put, path: "/type/\(vocabulary.rawValue)/\(id.uuidString)")) == .update(resource, id))
            #expect(route(GatewayRoute.resolve(.delete, path: "/type/\(vocabulary.rawValue)/\(id.uuidString)")) == .delete(resource, id))
            #expect(resource.path == "/type/\(vocabulary.rawValue)")
        }
        #expect(route(GatewayRoute.resolve(.get, path: "/type/\(id.uuidString)")) == .read(GatewayResource(kind: .taxonomy), id))
    }

    @Test func unknownPathsAre404AndBadIds400() {
        #expect(status(GatewayRoute.resolve(.get, path: "/spaceship")) == 404)
        #expect(status(GatewayRoute.resolve(.get, path: "/costoption")) == 404)
        #expect(status(GatewayRoute.resolve(.get, path: "/provider/\(id.uuidString)/services")) == 404)
        #expect(status(GatewayRoute.resolve(.get, path: "/type/colour/\(id.uuidString)")) == 404)
        #expect(status(GatewayRoute.resolve(.get, path: "/provider/0193")) == 400)
        #expect(status(GatewayRoute.resolve(.get, path: "/type/colour")) == 400)
    }

    @Test func otherMethodsAre405NamingTheAllowedOnes() throws {
        #expect(status(GatewayRoute.resolve(.put, path: "/provider")) == 405)
        #expect(status(GatewayRoute.resolve(.post, path: "/provider/\(id.uuidString)")) == 405)
        #expect(status(GatewayRoute.resolve(.patch, path: "/provider/\(id.uuidString)")) == 405)
        #expect(status(GatewayRoute.resolve(.delete, path: "/")) == 405)
        guard case .failure(let error) = GatewayRoute.resolve(.delete, path: "/type/tag") else {
            Issue.record("DELETE /type/tag resolved")
            return
        }
        #expect(error.headers[.allow] == "GET, POST")
    }

    @Test func resourcesKnowTheirEntries() {
        let tag = Entity.taxonomy(TaxonomyTerm(name: "Step-free", vocabulary: .tag))
        #expect(GatewayResource(kind: .taxonomy).contains(tag))
        #expect(GatewayResource(kind: .taxonomy, vocabulary: .tag).contains(tag))
        #expect(!GatewayResource(kind: .taxonomy, vocabulary: .category).contains(tag))
        #expect(!GatewayResource(kind: .provider).contains(tag))
        #expect(GatewayResource(kind: .costoption).path(of: tag.id) == "/cost-option/\(tag.id.uuidString.lowercased())")
        #expect(GatewayResource.allPaths.count == GatewayResource.segments.count + Vocabulary.allCases.count)
    }
}
