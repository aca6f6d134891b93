import EventLog
import EventLogSQLite
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPGateway
import Testing
import TestSupport

/// A temporary data directory with a real `dos serve all` on it, and the REST gateway serving
/// that stream in this process on 127.0.0.1 (a free port), talked to over real HTTP.
struct GatewayTestServer {
    let directory: String
    let log: SQLiteEventLog
    let port: Int

    /// Runs `body` against a fresh directory (served unless `serving` is false), then stops the
    /// gateway and the services and removes the directory, whatever `body` did.
    static func with(serving: Bool = true, options: GatewayServer.Options = testOptions, _ body: (GatewayTestServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-gateway-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let services = serving
            ? try ChildProcess(DosExecutable.url, ["serve", "all", "--data-dir", directory], environment: ["XDG_STATE_HOME": directory + "/state"])
            : nil
        let log = try SQLiteEventLog(directory: directory)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let gateway = GatewayServer(
            log: log, host: "127.0.0.1", port: 0, options: options,
            diagnostics: { print("gateway diagnostics: \($0)") },
            onListening: { port in portSink.yield(port) })
        // The stream ends if the gateway stops before listening, so the wait below cannot hang.
        let gatewayTask = Task {
            defer { portSink.finish() }
            try await gateway.run()
        }
        var failure: (any Error)?
        var iterator = ports.makeAsyncIterator()
        if let port = await iterator.next() {
            do {
                try await body(GatewayTestServer(directory: directory, log: log, port: port))
            } catch {
                failure = error
            }
        } else if case .failure(let error) = await gatewayTask.result {
            failure = error
        } else {
            failure = GatewayTestError("the gateway never listened")
        }
        gatewayTask.cancel()
        if case .failure(let error) = await gatewayTask.result, !(error is CancellationError) {
            failure = failure ?? error
        }
        if let services {
            services.kill(SIGTERM)
            _ = try? await services.waitForExit(timeout: .seconds(20))
        }
        await log.close()
        if let failure { throw failure }
    }

    /// Long waits: a loaded machine must not turn a slow start into a 503.
    static var testOptions: GatewayServer.Options {
        var options = GatewayServer.Options()
        options.startTimeout = .seconds(30)
        options.maximumBodySize = 64 * 1024
        return options
    }

    // MARK: - HTTP

    /// One answer: its status, headers and body (parsed as JSON when it is JSON).
    struct Answer: CustomStringConvertible {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var error: String? { object["error"] as? String }
        /// The `fields` of an error answer, as `field: message` pairs.
        var fields: [String: String] {
            var pairs: [String: String] = [:]
            for field in object["fields"] as? [[String: Any]] ?? [] {
                if let name = field["field"] as? String { pairs[name] = field["message"] as? String ?? "" }
            }
            return pairs
        }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        var description: String { "\(status) \(text)" }
    }

    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Answer {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        var request = URLRequest(url: url, timeoutInterval: 90)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ path: String) async throws -> Answer { try await request("GET", path) }
    func delete(_ path: String) async throws -> Answer { try await request("DELETE", path) }

    func post(_ path: String, _ object: [String: Any]) async throws -> Answer {
        try await request("POST", path, body: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    func put(_ path: String, _ object: [String: Any]) async throws -> Answer {
        try await request("PUT", path, body: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// Creates an entry and returns its id (failing the test if the answer is not 201).
    func create(_ path: String, _ object: [String: Any]) async throws -> String {
        let answer = try await post(path, object)
        #expect(answer.status == 201, "POST \(path): \(answer)")
        return try #require(answer.object["id"] as? String, "POST \(path): \(answer)")
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 90
        return URLSession(configuration: configuration)
    }()
}

struct GatewayTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
