import EventLog
import EventLogConformance
import EventLogSQLite
import Foundation
import Testing
import TestSupport

/// Opening the embedded log while another process writes to it: the normal case when `dos get`
/// or `dos apply` runs beside `dos serve all`.
@Suite(.serialized) struct SQLiteOpeningTests {
    @Test func opensWhileAnotherProcessIsWriting() async throws {
        let backend = try SQLiteBackend()
        let writer = try backend.conformance.dos(["log", "publish"], ["--topic", "busy.topic", "--quiet"])
        let lines = (0..<40_000).map { TestEvents.line(id: "busy-\($0)", subject: "k\($0 % 10)", sequence: $0) + "\n" }
        let chunks = stride(from: 0, to: lines.count, by: 50).map { Array(lines[$0..<min($0 + 50, lines.count)].joined().utf8) }
        writer.feed(chunks: chunks, pause: .milliseconds(1))

        var opened = 0
        var failures: [String] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, opened < 150 {
            do {
                let log = try SQLiteEventLog(directory: backend.directory)
                _ = try await log.endOffsets(topics: ["busy.topic"])
                await log.close()
                opened += 1
            } catch {
                failures.append("\(error)")
            }
        }
        writer.kill(SIGKILL)
        _ = try await writer.waitForExit()
        #expect(failures.isEmpty, "opening failed while another process wrote: \(failures.prefix(3))")
        #expect(opened >= 20)
    }
}

/// Closing a log, then letting it go, never touches a descriptor it has already closed: its
/// numbers are reused at once by whatever opens next (another log's database, say).
@Suite(.serialized) struct SQLiteClosingTests {
    @Test func aClosedLogNeverWritesToDescriptorsItNoLongerOwns() async throws {
        let backend = try SQLiteBackend()
        let scratch = backend.directory + "-scratch"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for round in 0..<5 {
            var log: SQLiteEventLog? = try SQLiteEventLog(directory: backend.directory)
            await log?.close()
            try await Task.sleep(for: .milliseconds(50))  // the notifier thread closes its descriptors
            // Take every low descriptor number that was just freed.
            let files = (0..<16).map { "\(scratch)/round-\(round)-\($0)" }
            let descriptors = files.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
            log = nil  // deinit stops the notifier a second time
            try await Task.sleep(for: .milliseconds(20))
            descriptors.forEach { _ = close($0) }
            for file in files {
                let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue
                #expect(size == 0, "\(file) received bytes meant for a closed notifier pipe")
            }
        }
    }
}
