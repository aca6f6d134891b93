import Foundation

extension TmuxSession {
    /// Runs a tmux command until its output satisfies `predicate` (a paste buffer that arrives a
    /// moment after the key that filled it); returns the last output, or throws on timeout.
    public func waitUntilCommand(_ arguments: [String], timeout: Duration, _ predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = (try? command(arguments)) ?? ""
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxPollingTimeout(command: arguments.joined(separator: " "), lastOutput: last)
    }
}

public struct TmuxPollingTimeout: Error, CustomStringConvertible {
    public var command: String
    public var lastOutput: String
    public var description: String { "tmux \(command) never gave the expected output; last:\n\(lastOutput)" }
}
