import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP receiver on 127.0.0.1 that the tests start: it accepts one request per
/// connection, answers 500 to the first `failures` hits and 200 after, and remembers each hit.
public final class WebhookReceiver: Sendable {
    public struct Hit: Sendable {
        public var status: Int
        public var idempotencyKey: String?
        public var body: String
    }

    public let port: UInt16
    private let socket: Int32
    private let hits = Mutex<[Hit]>([])
    /// Whether the listening socket is still open: it must be closed exactly once, since a second
    /// close would hit whatever reused its number (another test's database file, say).
    private let open = Mutex(true)
    private let failures: Int

    public init(failures: Int = 0) throws {
        self.failures = failures
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ReceiverError.socket }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw ReceiverError.socket }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    public var url: String { "http://127.0.0.1:\(port)/hook" }
    public var allHits: [Hit] { hits.withLock { $0 } }
    public var successes: [Hit] { allHits.filter { $0.status == 200 } }

    public func stop() {
        open.withLock { open in
            guard open else { return }
            open = false
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
    }

    private func acceptLoop() {
        while open.withLock({ $0 }) {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { return }
            serve(connection)
            close(connection)
        }
    }

    private func serve(_ connection: Int32) {
        guard let request = Self.readRequest(connection) else { return }
        let status = hits.withLock { hits in
            let status = hits.count < failures ? 500 : 200
            hits.append(Hit(status: status, idempotencyKey: request.header("idempotency-key"), body: request.body))
            return status
        }
        let reply = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Internal Server Error")\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = Array(reply.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private struct Request {
        var headers: [String]
        var body: String
        func header(_ name: String) -> String? {
            headers.first { $0.lowercased().hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
    }

    /// Reads the head, then as many body bytes as Content-Length says.
    private static func readRequest(_ connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if let end = bytes.firstRange(of: separator) {
                let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                let request = Request(headers: Array(head.dropFirst()), body: "")
                let length = Int(request.header("content-length") ?? "0") ?? 0
                while bytes.count - end.upperBound < length {
                    let count = recv(connection, &buffer, buffer.count, 0)
                    guard count > 0 else { return nil }
                    bytes += buffer[..<count]
                }
                let body = String(decoding: bytes[end.upperBound..<(end.upperBound + length)], as: UTF8.self)
                return Request(headers: request.headers, body: body)
            }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes += buffer[..<count]
        }
    }
}

public enum ReceiverError: Error {
    case socket
}
