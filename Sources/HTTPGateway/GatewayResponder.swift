import DosCommandLine
import Events
import Foundation
import Hummingbird
import Model

/// Answers each request of the REST gateway: reads from the live directory, writes by
/// publishing a command and waiting for its saga. Every answer is JSON, errors included.
struct GatewayResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let directory: LiveDirectory
    let watcher: SagaWatcher
    let options: GatewayServer.Options
    let diagnostics: @Sendable (String) -> Void

    /// Carries the saga id of a write's answer.
    static let sagaHeader = HTTPFields.Element.Name("Dos-Saga-Id")

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        do {
            switch GatewayRoute.resolve(request.method, path: request.uri.path) {
            case .failure(let error): return error.response
            case .success(let route): return try await answer(route, to: &request)
            }
        } catch let error as GatewayError {
            return error.response
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            diagnostics("gateway: \(request.method.rawValue) \(request.uri.path) failed: \(error)")
            return GatewayError(.internalServerError, "the gateway could not answer: \(error)").response
        }
    }

    private func answer(_ route: GatewayRoute, to request: inout Request) async throws -> Response {
        switch route {
        case .index:
            return GatewayJSON.response(.ok, ["resources": GatewayResource.allPaths])
        case .list(let resource):
            return try await list(resource, request)
        case .read(let resource, let id):
            try await waitForDirectory()
            return GatewayJSON.response(.ok, try await liveEntry(resource, id))
        case .create(let resource):
            let parsed = try EntryBody.parse(try await body(of: &request), for: resource).get()
            return try await write(.change(.create, parsed.entity, expectedVersion: nil), resource: resource)
        case .update(let resource, let id):
            try await checkVocabulary(resource, id)
            let parsed = try EntryBody.parse(try await body(of: &request), for: resource, id: id).get()
            return try await write(.change(.update, parsed.entity, expectedVersion: parsed.editedVersion), resource: resource)
        case .delete(let resource, let id):
            try await checkVocabulary(resource, id)
            let query = request.uri.queryParameters
            let version = try Self.version(query["version"].map(String.init))
            let cascade = try Self.flag("cascade", query["cascade"].map(String.init))
            let name = await directory.entry(kind: resource.kind, id: id)?.displayName ?? ""
            let reference = EntityReference(kind: resource.kind, id: id, expectedVersion: version, cascade: cascade)
            return try await write(.reference(.delete, reference, name: name), resource: resource)
        }
    }

    // MARK: - Reads

    private func list(_ resource: GatewayResource, _ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try PageRequest.parse(
            page: query["page"].map(String.init), perPage: query["per_page"].map(String.init),
            defaultSize: options.defaultPageSize, maximumSize: options.maximumPageSize
        ).get()
        try await waitForDirectory()
        var entries = await directory.entries(kind: resource.kind)
        if resource.vocabulary != nil { entries = entries.filter(resource.contains) }
        let items = Array(page.slice(entries))
        return GatewayJSON.response(.ok, EntryPage(items: items, page: page.page, perPage: page.perPage, total: entries.count))
    }

    private func liveEntry(_ resource: GatewayResource, _ id: UUID) async throws -> Entity {
        guard let entity = await directory.entry(kind: resource.kind, id: id), resource.contains(entity) else {
            throw GatewayError.notFound("nothing at \(resource.path(of: id)): no \(Self.name(of: resource)) has this id")
        }
        return entity
    }

    /// A term reached through another vocabulary's path is not there.
    private func checkVocabulary(_ resource: GatewayResource, _ id: UUID) async throws {
        guard resource.vocabulary != nil, let entity = await directory.entry(kind: resource.kind, id: id) else { return }
        guard resource.contains(entity) else {
            throw GatewayError.notFound("nothing at \(resource.path(of: id)): the term is not in this vocabulary")
        }
    }

    private func waitForDirectory() async throws {
        guard await directory.waitUntilCaughtUp(timeout: options.loadTimeout) else {
            throw GatewayError(.serviceUnavailable, "the directory is still being read from the stream; try again shortly")
        }
    }

    // MARK: - Writes

    /// Publishes `command`, waits for its saga, and answers with the entry's new view, once the
    /// live directory has it too: a GET that follows sees the write.
    private func write(_ command: PlannedCommand, resource: GatewayResource) async throws -> Response {
        let outcome = try await watcher.submit(command)
        if let failure = outcome.failure { return failure.response }
        var headers: HTTPFields = [:]
        if let name = Self.sagaHeader { headers[name] = outcome.sagaID }
        let change = outcome.ownChange
        if command.action == .delete {
            guard let change, change.isDeletion else {
                throw GatewayError(.internalServerError, "the delete completed but its tombstone was not seen")
            }
            await catchUp(with: change)
            let others = outcome.changes.filter { $0.isDeletion && !($0.kind == change.kind && $0.id == change.id) }
            return GatewayJSON.response(.ok, DeletedEntry(change, alsoDeleted: others), headers: headers)
        }
        var entity = change?.entity
        if entity == nil { entity = await directory.entry(kind: command.kind, id: command.entityID) }
        guard let entity else {
            throw GatewayError(.internalServerError, "the \(command.action.rawValue) completed but its view was not seen")
        }
        if let change { await catchUp(with: change) }
        let created = command.action == .create
        if created { headers[.location] = resource.path(of: entity.id) }
        return GatewayJSON.response(created ? .created : .ok, entity, headers: headers)
    }

    private func catchUp(with change: ViewChange) async {
        let seen = await directory.waitForVersion(change.version, kind: change.kind, id: change.id, timeout: options.readYourWritesTimeout)
        if !seen {
            diagnostics("gateway: the live directory did not reach \(change.kind.rawValue) \(change.id) v\(change.version) in \(options.readYourWritesTimeout)")
        }
    }

    /// The body, at most `maximumBodySize` bytes (413 beyond, without reading the rest).
    private func body(of request: inout Request) async throws -> [UInt8] {
        let limit = options.maximumBodySize
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw GatewayError.tooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw GatewayError.tooLarge(limit: limit)
        }
    }

    // MARK: - Query values

    static func version(_ text: String?) throws(GatewayError) -> Int? {
        guard let text else { return nil }
        guard let version = Int(text), version >= 1 else {
            throw .badRequest("version must be a whole number from 1 (the version the delete was decided on), not \"\(text)\"")
        }
        return version
    }

    static func flag(_ name: String, _ text: String?) throws(GatewayError) -> Bool {
        switch text {
        case nil, "false", "0": return false
        case "", "true", "1": return true
        case let text?: throw .badRequest("\(name) must be true or false, not \"\(text)\"")
        }
    }

    private static func name(of resource: GatewayResource) -> String {
        resource.vocabulary.map { "\($0.rawValue) term" } ?? resource.kind.rawValue
    }
}
