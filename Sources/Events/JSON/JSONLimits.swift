/// The bounds a parser enforces so that foreign input cannot exhaust the stack or memory.
public struct JSONLimits: Sendable, Equatable {
    /// How many arrays and objects may be open at once.
    public var maximumDepth: Int
    /// How many bytes a whole text may have.
    public var maximumSize: Int

    public init(maximumDepth: Int = 64, maximumSize: Int = 16 * 1024 * 1024) {
        self.maximumDepth = maximumDepth
        self.maximumSize = maximumSize
    }

    /// Depth 64, 16 MiB.
    public static let standard = JSONLimits()
}
