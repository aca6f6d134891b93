import EventLog
@testable import EventLogSQLite
import Foundation
import Testing

/// A reader of several topics moves every cursor past what a read has ruled out, so a topic
/// that stays quiet does not pin the next read to the start of the log — and still delivers
/// what is written to it later.
@Suite struct QuietTopicCursorTests {
    private func record(_ topic: String, _ position: Int64) -> LogRecord {
        LogRecord(topic: topic, position: LogPosition(offset: position), key: nil, id: "\(topic)-\(position)", timestamp: Date(), payload: [])
    }

    @Test func aBatchRulesOutEveryTopicBelowItsLastPosition() {
        let advanced = RecordQuery.advance(["quiet": 0, "busy": 5], past: [record("busy", 7), record("busy", 10)], end: nil)
        #expect(advanced == ["quiet": 11, "busy": 11])
    }

    @Test func anEmptyReadRulesOutEverythingUpToTheEnd() {
        #expect(RecordQuery.advance(["quiet": 0, "busy": 50], past: [], end: 42) == ["quiet": 43, "busy": 50])
        #expect(RecordQuery.advance(["quiet": 0], past: [], end: 0) == ["quiet": 1])
    }

    @Test func aQuietTopicStillDeliversWhatComesLater() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-quiet-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try SQLiteEventLog(directory: directory)
        func outgoing(_ topic: String, _ id: String) -> OutgoingRecord {
            OutgoingRecord(topic: topic, key: nil, id: id, payload: Array(id.utf8))
        }
        _ = try await log.append((0..<100).map { outgoing("busy", "b\($0)") })
        let reader = try await log.reader(topics: ["busy", "quiet"], from: .beginning)
        var seen: [String] = []
        while true {
            let batch = try await reader.poll(maxRecords: 30, timeout: .zero)
            if batch.isEmpty { break }
            seen += batch.map(\.id)
        }
        #expect(seen.count == 100)
        _ = try await log.append([outgoing("quiet", "q0"), outgoing("busy", "b100"), outgoing("quiet", "q1")])
        let later = try await reader.poll(maxRecords: 10, timeout: .seconds(5))
        #expect(later.map(\.id) == ["q0", "b100", "q1"])
        await reader.close()
        await log.close()
    }
}
