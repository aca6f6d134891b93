import EventLog
import EventLogSQLite
import Events
import Foundation
import Testing
import TestSupport

/// `dos deadletters` against a real `dos serve all`: a poison command is dead-lettered, listed,
/// shown with its control characters escaped, and retried onto its topic.
@Suite struct DeadLettersCommandTests {
    /// Not JSON, and with an ESC sequence that would clear a terminal if printed raw.
    static let poison = Array("{\"truncated\": \u{1b}[2J \u{9b}31m".utf8)

    /// `dos deadletters -o json`, parsed, once at least `count` letters are there (or 20 s passed).
    func deadLetters(_ served: ApplyTestServer, atLeast count: Int) async throws -> [[String: Any]] {
        var letters: [[String: Any]] = []
        for _ in 0..<400 {
            let output = try await served.dos(["deadletters", "-o", "json"])
            #expect(output.exitStatus == 0, "\(output.standardError)")
            letters = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
            if letters.count >= count { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return letters
    }

    @Test func aPoisonCommandIsListedShownEscapedAndRetried() async throws {
        try await ApplyTestServer.with { served in
            let topics = Topics()
            let log = try SQLiteEventLog(directory: served.directory)
            let injected = try await log.append(OutgoingRecord(topic: topics.commands, key: "poison", id: UUID().uuidString, payload: Self.poison))
            await log.close()

            let letters = try await deadLetters(served, atLeast: 1)
            #expect(letters.count == 1)
            let letter = try #require(letters.first)
            let id = try #require(letter["id"] as? String)
            #expect(letter["origin_topic"] as? String == topics.commands)
            #expect(letter["origin_position"] as? Int == Int(injected.position.offset))
            #expect((letter["consumer_group"] as? String)?.hasPrefix("dos.") == true)
            #expect(letter["original_base64"] as? String == Data(Self.poison).base64EncodedString())

            let list = try await served.dos(["deadletters"])
            #expect(list.exitStatus == 0)
            #expect(list.outputLines.first?.hasPrefix("LETTER") == true, "\(list.outputLines)")
            #expect(list.outputLines.count == 2)
            #expect(list.outputLines.last?.contains("\(topics.commands)@\(injected.position.offset)") == true, "\(list.outputLines)")
            #expect(list.outputLines.last?.hasPrefix(String(id.prefix(8))) == true)

            let shown = try await served.dos(["deadletters", String(id.prefix(8))])
            #expect(shown.exitStatus == 0, "\(shown.standardError)")
            #expect(!shown.standardOutput.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x9b }, "raw controls printed")
            #expect(shown.standardOutput.contains(#"\u001b[2J"#) && shown.standardOutput.contains(#"\u009b31m"#), "\(shown.outputLines)")
            #expect(shown.outputLines.contains { $0.hasPrefix("origin:") && $0.contains("\(topics.commands)@\(injected.position.offset)") })

            let retried = try await served.dos(["deadletters", "--retry", id])
            #expect(retried.exitStatus == 0, "\(retried.standardError)")
            #expect(retried.outputLines.first?.hasPrefix("retried dead letter \(id): \(Self.poison.count) bytes appended to \(topics.commands)@") == true,
                    "\(retried.outputLines)")
            let reader = try SQLiteEventLog(directory: served.directory)
            let copies = try await reader.read(topics: [topics.commands], from: .beginning, limit: 100).filter { $0.payload == Self.poison }
            await reader.close()
            #expect(copies.count == 2, "the original and the retried copy")
            #expect(copies.last?.id.hasPrefix("retry-") == true)
            #expect(copies.last?.key == "poison")
            // Still poison, so the copy is dead-lettered in its turn: the stream goes on.
            #expect(try await deadLetters(served, atLeast: 2).count == 2)

            let unknown = try await served.dos(["deadletters", "--retry", "ffffffff"])
            #expect(unknown.exitStatus == 1)
            #expect(unknown.standardError.contains("no dead letter has an id starting with"), "\(unknown.standardError)")
        }
    }
}
