import Foundation

extension ChildProcess {
    /// The `http://HOST:PORT` a `dos serve gateway|hsds-api` process says it listens on (on
    /// standard error, once it accepts connections).
    public func listeningAddress(timeout: Duration = .seconds(30)) async throws -> String {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while clock.now < deadline {
            if let line = standardError.split(separator: "\n").first(where: { $0.contains("listening on ") }),
               let range = line.range(of: "http://") {
                return String(line[range.lowerBound...])
            }
            if hasExited { throw ChildProcessError.launchFailed("the server ended before listening: \(standardError)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError.timedOut(["serve (it never said where it listens)"])
    }
}
