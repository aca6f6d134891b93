/// How the log's connection is doing as its backend sees it, for status lines (the console's
/// status bar): whether it can be reached at all, and the last error the backend reported.
/// A backend that retries by itself (librdkafka) fails no call while it is cut off, so this is
/// the only way a reader learns that nothing is coming because nothing can.
public struct LogHealth: Sendable, Equatable {
    /// Why the log cannot be reached now; nil while it can.
    public var unreachable: String?
    /// The backend's last error, even one it got past.
    public var lastError: String?

    public init(unreachable: String? = nil, lastError: String? = nil) {
        self.unreachable = unreachable
        self.lastError = lastError
    }
}
