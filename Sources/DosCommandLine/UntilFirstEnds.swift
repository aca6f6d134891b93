/// Runs `jobs` side by side until the first of them ends (returns, throws, or is cancelled),
/// then cancels the rest: a server whose reader stopped, or a reader whose server could not
/// bind its port, ends the whole. The first failure is rethrown.
public func runUntilFirstEnds(_ jobs: [@Sendable () async throws -> Void]) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for job in jobs { group.addTask { try await job() } }
        defer { group.cancelAll() }
        try await group.next()
    }
}
