import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tansu, an Apache Kafka-compatible broker (memory only), started by the test on a free
/// loopback port. `scripts/kafka-test-setup.sh` (run by `make test`) installs it into
/// `.venv-kafka/bin/tansu`; `DOS_TANSU` can point elsewhere.
public final class TansuBroker: Sendable {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// `127.0.0.1:PORT` to give a client.
    public let bootstrap: String
    private let process: ChildProcess

    /// Starts it on a free port (again on another, should the port be taken before Tansu binds it).
    public init() async throws {
        let executable = try Self.executable()
        var lastProblem = ""
        for _ in 0..<3 {
            let port = try Self.freePort()
            let url = "tcp://127.0.0.1:\(port)"
            let process = try ChildProcess(executable, ["broker", "--listener-url", url, "--advertised-listener-url", url, "--silent"])
            let deadline = ContinuousClock.now + .seconds(30)
            while !Self.accepts(port: port), !process.hasExited, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            if Self.accepts(port: port) {
                self.process = process
                bootstrap = "127.0.0.1:\(port)"
                return
            }
            process.kill()
            lastProblem = "tansu did not listen on 127.0.0.1:\(port): \(process.standardError)"
        }
        throw Unavailable(description: lastProblem)
    }

    deinit { process.kill() }

    public func stop() { process.kill(SIGTERM) }

    /// `DOS_TANSU`, else `.venv-kafka/bin/tansu` in the checkout the tests were built in.
    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["DOS_TANSU"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let candidate = directory.appendingPathComponent(".venv-kafka/bin/tansu")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Unavailable(description: "no Tansu broker: run scripts/kafka-test-setup.sh (make test does)")
    }

    /// A port nothing listens on now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Unavailable(description: "no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Unavailable(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
