import Foundation
import TerminalSafety

/// Where an import says how far it is: a bar on a terminal, plain lines otherwise.
public protocol ImportProgress: Sendable {
    /// A new phase ("reading services.json", "publishing").
    func phase(_ text: String)
    /// `done` of `total` in the current phase.
    func advance(done: Int, total: Int)
    /// The run is over: a bar ends its line.
    func finish()
}

/// Says nothing (tests, and the importer service, which logs instead).
public struct SilentProgress: ImportProgress {
    public init() {}
    public func phase(_ text: String) {}
    public func advance(done: Int, total: Int) {}
    public func finish() {}
}

/// Progress on standard error: a bar redrawn in place on a terminal, or a line per phase and
/// per tenth of the work when the output goes to a file or a pipe.
public final class StandardErrorProgress: ImportProgress, @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private var current = ""
    private var lastTenth = -1
    private var barShown = false

    public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.isTerminal = isTerminal
    }

    public func phase(_ text: String) {
        lock.withLock {
            endBar()
            current = TerminalText.escape(text)
            lastTenth = -1
            write("dos import: \(current)\n")
        }
    }

    public func advance(done: Int, total: Int) {
        lock.withLock {
            guard total > 0 else { return }
            if isTerminal {
                let width = 30
                let filled = min(width, done * width / total)
                let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
                write("\r[\(bar)] \(done)/\(total) \(current)\u{1B}[K")
                barShown = true
            } else {
                let tenth = done * 10 / total
                guard tenth != lastTenth else { return }
                lastTenth = tenth
                write("dos import: \(current): \(done)/\(total)\n")
            }
        }
    }

    public func finish() {
        lock.withLock { endBar() }
    }

    private func endBar() {
        if barShown { write("\n") }
        barShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
