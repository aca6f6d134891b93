import DosCommandLine
import EventLog
import Events
import Foundation
import HSDS
import Hummingbird
import Model
import TerminalSafety

/// The directory as a read-only HSDS 3.0 API, so Open Referral tools can read it: `/` (the
/// API's root document), `/services` and `/services/{id}` (full services),
/// `/organizations` and `/organizations/{id}`, `/taxonomy_terms` and `/taxonomy_terms/{id}`.
/// Lists are HSDS page objects (`?page=`, `?per_page=`). Published entries only, from a live
/// view of the views topic; nothing is ever written.
public struct HSDSAPIServer: Sendable {
    public var log: any EventLog
    public var host: String
    public var port: Int
    public var topics: Topics
    public var defaultPageSize: Int
    public var maximumPageSize: Int
    public var diagnostics: @Sendable (String) -> Void
    public var onListening: @Sendable (Int) async -> Void

    public init(
        log: any EventLog, host: String, port: Int, topics: Topics = Topics(), defaultPageSize: Int = 50, maximumPageSize: Int = 1_000,
        diagnostics: @escaping @Sendable (String) -> Void = { _ in }, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.log = log
        self.host = host
        self.port = port
        self.topics = topics
        self.defaultPageSize = defaultPageSize
        self.maximumPageSize = maximumPageSize
        self.diagnostics = diagnostics
        self.onListening = onListening
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let directory = LiveDirectory(log: log, topics: topics, diagnostics: diagnostics)
        let router = Router()
        let api = HSDSAPIRoutes(directory: directory, defaultPageSize: defaultPageSize, maximumPageSize: maximumPageSize)
        api.add(to: router)
        let application = quietApplication(
            responder: router.buildResponder(), host: host, port: port, serverName: "dos-hsds-api", onListening: onListening)
        try await runUntilFirstEnds([{ await directory.run() }, { try await application.run() }])
    }
}

/// The routes of the HSDS API over a live directory.
struct HSDSAPIRoutes: Sendable {
    let directory: LiveDirectory
    let defaultPageSize: Int
    let maximumPageSize: Int

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Self.json(.ok, .object([
                JSONMember("version", .string("3.0")),
                JSONMember("profile", .string("https://openreferral.org/")),
                JSONMember("openapi_url", .string("https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json")),
            ]))
        }
        router.get("/services") { request, _ in await list(request, \.services) { $0.service($1) } }
        router.get("/services/:id") { _, context in
            await one(context) { exporter, id in exporter.services.first { $0.id == id }.map(exporter.service) }
        }
        router.get("/organizations") { request, _ in
            await list(request, \.organizations) { $0.organization($1, withLocations: true) }
        }
        router.get("/organizations/:id") { _, context in
            await one(context) { exporter, id in exporter.organizations.first { $0.id == id }.map { exporter.organization($0, withLocations: true) } }
        }
        router.get("/taxonomy_terms") { request, _ in await list(request, \.directory.taxonomyTerms) { $0.taxonomyTerm($1) } }
        router.get("/taxonomy_terms/:id") { _, context in
            await one(context) { exporter, id in exporter.directory.taxonomyTerms.first { $0.id == id }.map(exporter.taxonomyTerm) }
        }
    }

    /// The published directory as the views hold it now.
    private func exporter() async -> HSDSExporter {
        var entities: [Entity] = []
        // The live directory keeps each kind's sorted list between changes.
        for kind in EntityKind.allCases { entities += await directory.entries(kind: kind) }
        return HSDSExporter(directory: HSDSDirectory(entities))
    }

    /// One page of `items`; only the page's records are written out.
    private func list<Item>(_ request: Request, _ items: KeyPath<HSDSExporter, [Item]>, _ render: (HSDSExporter, Item) -> JSONValue) async -> Response {
        let query = request.uri.queryParameters
        switch PageRequest.parse(page: query.get("page"), perPage: query.get("per_page"), defaultSize: defaultPageSize, maximumSize: maximumPageSize) {
        case .failure(let error): return error.response
        case .success(let page):
            let exporter = await exporter()
            let all = exporter[keyPath: items]
            let contents = page.slice(all).map { render(exporter, $0) }
            return Self.json(.ok, HSDSExporter.page(contents, number: page.page, size: page.perPage, totalItems: all.count))
        }
    }

    private func one(_ context: BasicRequestContext, _ find: (HSDSExporter, UUID) -> JSONValue?) async -> Response {
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else {
            return GatewayError.badRequest("\(TerminalText.escape(text)) is not a UUID").response
        }
        guard let found = find(await exporter(), id) else {
            return GatewayError.notFound("no published record with id \(id.uuidString.lowercased())").response
        }
        return Self.json(.ok, found)
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        let bytes = TerminalSafeJSON.sanitize(value.jsonBytes)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
