import EventLog
import EventLogSQLite
import Foundation
import Testing
import TestSupport

/// `dos log publish` and `dos log tail`, run as the real binary on a temporary data directory.
@Suite struct LogCommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-cli-\(UUID().uuidString)").path

    func event(_ id: String, subject: String = "entity-1", data: String = #"{"n":1}"#) -> String {
        #"{"specversion":"1.0","id":"\#(id)","source":"/test","type":"test.thing","subject":"\#(subject)","data":\#(data)}"#
    }

    func tail(_ arguments: [String]) async throws -> ChildProcess {
        try await DosExecutable.run(["log", "tail", "--data-dir", directory] + arguments)
    }

    @Test func publishReportsEachBadLineByNumberAndStillPublishesTheRest() async throws {
        let tooLong = event("big", data: #"{"x":""# + String(repeating: "a", count: 1_100_000) + #""}"#)
        let input = [event("a"), "not json at all", #"{"specversion":"1.0","source":"/x","type":"t"}"#, tooLong, "", event("b")]
            .joined(separator: "\n")
        let publish = try await DosExecutable.run(["log", "publish", "--data-dir", directory, "--topic", "dos.commands"], input: input)
        #expect(publish.exitStatus == 1)
        #expect(publish.standardError.contains("line 2: malformed JSON"))
        #expect(publish.standardError.contains("line 3: missing required attribute 'id'"))
        #expect(publish.standardError.contains("line 4: longer than 1048576 bytes"))
        #expect(!publish.standardError.contains("line 5"), "a blank line is not an error")
        #expect(publish.standardError.contains("published 2 events to dos.commands; 3 lines rejected"))

        let output = try await tail(["--topic", "dos.commands"])
        #expect(output.exitStatus == 0)
        #expect(output.outputLines.count == 2)
        #expect(output.outputLines.allSatisfy { $0.contains(#""type":"test.thing""#) })
    }

    @Test func publishPrintsPositionsAndStoresARepeatedIDOnce() async throws {
        let input = [event("same"), event("same"), event("other")].joined(separator: "\n") + "\n"
        let publish = try await DosExecutable.run(
            ["log", "publish", "--data-dir", directory, "--topic", "dos.events", "--print-positions"], input: input)
        #expect(publish.exitStatus == 0)
        let acks = publish.outputLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(acks.count == 3)
        #expect(acks.map { $0["duplicate"] as? Bool } == [false, true, false])
        #expect(acks[0]["position"] as? Int == acks[1]["position"] as? Int)
        #expect(acks.map { $0["line"] as? Int } == [1, 2, 3])
        #expect(publish.standardError.contains("published 2 events to dos.events, 1 already there"))
    }

    /// Enough lines to be checked in parts on every core and sent as several batches, from a
    /// file (its last read completes no line): every line is acknowledged once, in input order,
    /// and the bad ones are reported by number.
    @Test(arguments: [1_000, 25_000])
    func publishKeepsTheOrderOfALargeInputCheckedInParts(count: Int) async throws {
        let lines = (1...count).map { number in number % 500 == 0 ? "bad line \(number)" : event("e\(number)", subject: "s\(number % 7)") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/input.jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let publish = try await DosExecutable.run(
            ["log", "publish", "--data-dir", directory, "--topic", "dos.events", "--print-positions"], inputFile: file)
        let rejected = count / 500
        #expect(publish.exitStatus == 1)
        #expect(publish.standardError.contains("published \(count - rejected) events to dos.events; \(rejected) lines rejected"))
        for number in stride(from: 500, through: count, by: 500) { #expect(publish.standardError.contains("line \(number): malformed JSON")) }
        let acks = publish.outputLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let expectedLines = (1...count).filter { $0 % 500 != 0 }
        #expect(acks.compactMap { $0["line"] as? Int } == expectedLines)
        #expect(acks.compactMap { $0["id"] as? String } == expectedLines.map { "e\($0)" })
        let positions = acks.compactMap { $0["position"] as? Int }
        #expect(positions == positions.sorted() && Set(positions).count == positions.count, "the embedded log stores them in input order")
    }

    @Test func publishRefusesAnInvalidTopicName() async throws {
        let publish = try await DosExecutable.run(["log", "publish", "--data-dir", directory, "--topic", "no spaces"], input: event("a"))
        #expect(publish.exitStatus == 1)
        #expect(publish.standardError.contains("invalid topic name"))
    }

    @Test func tailWritesHostilePayloadsEscapedNeverRaw() async throws {
        let log = try SQLiteEventLog(directory: directory)
        // Bytes no JSON producer should send, as a foreign producer on the stream might.
        let hostile: [UInt8] = Array(#"{"id":"x","name":"\#u{1b}]0;pwned\#u{07}\#u{1b}[2J"#.utf8) + [0xC2, 0x9B] + Array("31m".utf8) + [0xFF] + Array(#""}"#.utf8)
        _ = try await log.append(OutgoingRecord(topic: "dos.views", key: "\u{1b}[31mkey", id: "hostile", payload: hostile))
        await log.close()
        for format in ["event", "record"] {
            let output = try await tail(["--topic", "dos.views", "--format", format])
            #expect(output.exitStatus == 0)
            let bytes = Array(output.standardOutput.utf8)
            #expect(!bytes.contains(0x1B), "raw ESC reached the terminal (\(format))")
            #expect(!bytes.contains(0x07), "raw BEL reached the terminal (\(format))")
            #expect(!output.standardOutput.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "raw C1 control (\(format))")
            if format == "event" {
                #expect(output.standardOutput.contains(#"\u001b]0;pwned\u0007\u001b[2J"#))
            } else {
                // Not valid JSON (raw controls inside a string), so the record carries it as base64.
                #expect(output.standardOutput.contains(#""event":null,"payload_base64":"#))
                #expect(output.standardOutput.contains(#""key":"\u001b[31mkey""#))
            }
        }
    }

    @Test func tailRecordFormatCarriesWhereEachEventSits() async throws {
        let input = (1...5).map { event("e\($0)", subject: "entity-\($0 % 2)") }.joined(separator: "\n")
        _ = try await DosExecutable.run(["log", "publish", "--data-dir", directory, "--topic", "dos.commands", "-q"], input: input)
        let all = try await tail(["--topic", "dos.commands", "--format", "record"])
        let records = all.outputLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 5)
        #expect(records.map { $0["key"] as? String } == ["entity-1", "entity-0", "entity-1", "entity-0", "entity-1"])
        #expect(records.allSatisfy { ($0["event"] as? [String: Any])?["specversion"] as? String == "1.0" })
        let third = try #require(records[2]["position"] as? Int)

        let fromThird = try await tail(["--topic", "dos.commands", "--from", String(third), "--limit", "2", "--format", "record"])
        #expect(fromThird.outputLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .map { $0["id"] as? String } == ["e3", "e4"])
        let future = try await tail(["--topic", "dos.commands", "--from", "2999-01-01T00:00:00Z"])
        #expect(future.exitStatus == 0 && future.outputLines.isEmpty)
        let recent = try await tail(["--topic", "dos.commands", "--from", "5m"])
        #expect(recent.outputLines.count == 5)
    }

    @Test func tailRejectsAnUnreadableStartPoint() async throws {
        let output = try await tail(["--topic", "dos.commands", "--from", "last tuesday"])
        #expect(output.exitStatus != 0)
        #expect(output.standardError.contains("cannot read start point"))
    }

    @Test func dataDirectoryComesFromTheEnvironmentWhenNotGiven() async throws {
        let publish = try await DosExecutable.run(["log", "publish", "--topic", "dos.commands", "-q"], input: event("env"), environment: ["DOS_DATA_DIR": directory])
        #expect(publish.exitStatus == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/" + SQLiteEventLog.fileName))
    }
}
