import EventLog

/// Reads a log until the task is cancelled: `open` makes a reader (from where the caller got
/// to), `follow` reads it; when either fails the reader is closed, the failure reported, and a
/// new one opened after a pause that doubles up to ten seconds.
func readRetrying(
    _ what: String, diagnostics: @Sendable (String) -> Void,
    open: () async throws -> any LogReader, follow: (any LogReader) async throws -> Void
) async {
    var pause = Duration.milliseconds(100)
    while !Task.isCancelled {
        do {
            let reader = try await open()
            do {
                try await follow(reader)
                await reader.close()
            } catch {
                await reader.close()
                throw error
            }
        } catch {
            if Task.isCancelled { break }
            diagnostics("\(what) failed: \(error); retrying in \(pause)")
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(10))
        }
    }
}
