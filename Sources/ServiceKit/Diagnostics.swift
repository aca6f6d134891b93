import Foundation

/// Where services report what went wrong. Never the terminal: the console owns the screen, so
/// diagnostics go to a file (or nowhere, in tests).
public struct Diagnostics: Sendable {
    private let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    public static let discard = Diagnostics { _ in }

    public func warning(_ message: String) { write("warning: \(message)") }
    public func info(_ message: String) { write(message) }
}
