/// How hard the service tries a webhook: bounded attempts with exponential backoff between them,
/// and a timeout per attempt, so one dead receiver delays its own notifications only briefly.
public struct WebhookPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var attempts: Int
    /// The wait after the first failed attempt; each further wait is twice as long.
    public var firstBackoff: Duration
    /// How long one attempt may take, connecting included.
    public var timeout: Duration

    public init(attempts: Int = 4, firstBackoff: Duration = .milliseconds(200), timeout: Duration = .seconds(5)) {
        self.attempts = max(1, attempts)
        self.firstBackoff = firstBackoff
        self.timeout = timeout
    }
}
