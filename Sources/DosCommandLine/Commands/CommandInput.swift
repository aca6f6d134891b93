import TerminalSafety
import Foundation

/// The bytes behind `-f FILE`, where `-` is standard input.
public enum CommandInput {
    public static func read(_ path: String) -> Result<[UInt8], CommandInputError> {
        if path == "-" {
            return .success(Array(FileHandle.standardInput.readDataToEndOfFile()))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(CommandInputError(message: "cannot read \(TerminalText.escape(path))"))
        }
        return .success(Array(data))
    }
}

/// Why the input of a write-side command was refused; already terminal-safe.
public struct CommandInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
