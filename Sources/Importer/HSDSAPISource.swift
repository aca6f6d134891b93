import Events
import Foundation
import HSDS
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HSDS 3.0 API: `/services` and `/organizations` are read page by page up to
/// `total_pages`, and an item that comes without its nested parts (a list's minimal form) is
/// fetched whole from `/services/{id}` or `/organizations/{id}`.
///
/// A request that fails for the network, a 5xx or a 429 is tried again, up to `attempts`
/// times with a growing pause; a page or record that still fails is reported and the run goes
/// on with the next one.
public struct HSDSAPISource: ImportSource {
    public let baseURL: URL
    public var attempts: Int
    public var pause: Duration
    public var pageSize: Int
    public var requestTimeout: TimeInterval
    /// Responses beyond this are refused.
    public static let maximumResponseSize = 64 << 20

    public init(baseURL: URL, attempts: Int = 3, pause: Duration = .milliseconds(200), pageSize: Int = 100, requestTimeout: TimeInterval = 30) {
        self.baseURL = baseURL
        self.attempts = max(1, attempts)
        self.pause = pause
        self.pageSize = max(1, pageSize)
        self.requestTimeout = requestTimeout
    }

    public var name: String { baseURL.absoluteString }

    public func read(progress: any ImportProgress) async throws -> ImportBatch {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        var batch = ImportBatch()
        var reachedAny = false
        for (path, fullKeys) in [("organizations", ["locations", "services", "contacts", "phones"]),
                                 ("services", ["service_at_locations", "schedules", "contacts", "cost_options", "phones", "attributes"])] {
            let listing = try await readList(path, fullKeys: fullKeys, session: session, progress: progress)
            reachedAny = reachedAny || listing.reached
            batch.add(listing.batch)
        }
        guard reachedAny else { throw ImportSourceError("\(name) answers no HSDS list (/services, /organizations)") }
        return batch
    }

    private func readList(_ path: String, fullKeys: [String], session: URLSession, progress: any ImportProgress) async throws -> (batch: ImportBatch, reached: Bool) {
        progress.phase("fetching /\(path)")
        var batch = ImportBatch()
        var page = 1
        var totalPages = 1
        var reached = false
        var seenIDs: Set<String> = []
        while page <= totalPages {
            try Task.checkCancellation()
            let place = "/\(path) page \(page)"
            let document: JSONValue
            switch await fetchJSON(url(path, query: [("page", "\(page)"), ("per_page", "\(pageSize)")]), session: session) {
            case .success(let value): document = value
            case .failure(let problem):
                // The first page says how many there are: without it the list is unreadable.
                if page == 1 {
                    if problem.status == 404 { return (batch, false) }
                    if problem.status == nil { throw ImportSourceError("cannot reach \(name): \(problem.message)") }
                    batch.rejections.append(RecordReasons(kind: "page", recordID: place, reasons: [problem.message]))
                    return (batch, true)
                }
                batch.rejections.append(RecordReasons(kind: "page", recordID: place, reasons: [problem.message]))
                page += 1
                continue
            }
            reached = true
            if page == 1, let pages = document["total_pages"]?.intValue { totalPages = min(max(1, pages), 100_000) }
            guard case .array(let items)? = document["contents"] else {
                batch.rejections.append(RecordReasons(kind: "page", recordID: place, reasons: ["not an HSDS page: it has no contents array"]))
                page += 1
                continue
            }
            // A server that ignores `page` answers page 1 again and again: stop at the first
            // page that brings nothing new.
            let ids = items.compactMap { $0["id"]?.stringValue }
            if page > 1, !ids.isEmpty, ids.allSatisfy({ seenIDs.contains($0) }) {
                batch.rejections.append(RecordReasons(kind: "page", recordID: place, reasons: ["repeats records of earlier pages: the server seems to ignore ?page=, so the list stops here"]))
                break
            }
            seenIDs.formUnion(ids)
            for (index, item) in items.enumerated() {
                batch.add(try await record(item, path: path, fullKeys: fullKeys, origin: "\(place) contents[\(index)]", session: session))
            }
            progress.advance(done: page, total: totalPages)
            page += 1
        }
        return (batch, reached)
    }

    /// A list item, or the full record when the item is minimal.
    private func record(_ item: JSONValue, path: String, fullKeys: [String], origin: String, session: URLSession) async throws -> ImportBatch {
        guard let object = HSDSObject(item) else {
            return ImportBatch(rejections: [RecordReasons(kind: "record", recordID: origin, reasons: ["must be a JSON object, found \(item.typeName)"])])
        }
        var value = item
        if !fullKeys.contains(where: { object[$0] != nil }), case .string(let id)? = object["id"], UUID(uuidString: id) != nil {
            try Task.checkCancellation()
            switch await fetchJSON(url("\(path)/\(id.lowercased())", query: []), session: session) {
            case .success(let full): value = full
            case .failure(let problem):
                return ImportBatch(rejections: [RecordReasons(kind: String(path.dropLast()), recordID: id, reasons: ["cannot fetch the full record: \(problem.message)"])])
            }
        }
        let found = HSDSDocument.records(in: value)
        var batch = ImportBatch(records: found.records, skipped: found.skipped.map { HSDSSkippedPart(origin: origin, reason: $0.reason) })
        if found.records.isEmpty && found.skipped.isEmpty {
            batch.rejections.append(RecordReasons(kind: "record", recordID: origin, reasons: ["holds no HSDS record"]))
        }
        return batch
    }

    private func url(_ path: String, query: [(String, String)]) -> URL {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        return components?.url ?? baseURL.appendingPathComponent(path)
    }

    struct FetchProblem: Error {
        var message: String
        var status: Int?
    }

    /// GET with retries; the body parsed as JSON.
    private func fetchJSON(_ url: URL, session: URLSession) async -> Result<JSONValue, FetchProblem> {
        var last = FetchProblem(message: "not tried")
        for attempt in 1...attempts {
            if attempt > 1 { try? await Task.sleep(for: pause * (1 << (attempt - 2))) }
            var request = URLRequest(url: url, timeoutInterval: requestTimeout)
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            do {
                let (data, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                guard (200..<300).contains(status) else {
                    last = FetchProblem(message: "GET \(url.path) answered HTTP \(status) (after \(attempt) of \(attempts) tries)", status: status)
                    if status == 429 || status >= 500 { continue }
                    return .failure(last)
                }
                guard data.count <= Self.maximumResponseSize else {
                    return .failure(FetchProblem(message: "GET \(url.path): the response is over \(Self.maximumResponseSize) bytes"))
                }
                do {
                    return .success(try JSONValue(parsing: data, limits: JSONLimits(maximumDepth: 64, maximumSize: Self.maximumResponseSize)))
                } catch {
                    return .failure(FetchProblem(message: "GET \(url.path): the response is not valid JSON: \(error)", status: status))
                }
            } catch {
                last = FetchProblem(message: "GET \(url.path) failed: \(error.localizedDescription) (after \(attempt) of \(attempts) tries)")
            }
        }
        return .failure(last)
    }
}
