import EventLog
import EventLogSQLite
import Events
import Foundation
import Testing
import TestSupport

/// `dos deadletters` against a real `dos serve all`: a poison command is dead-lettered, listed,
/// shown with its control characters escaped, retried onto its topic, and discarded.
@Suite struct DeadLettersCommandTests {
    /// Not JSON, and with an ESC sequence that would clear a terminal if printed raw.
    static let poison = Array("{\"truncated\": \u{1b}[2J \u{9b}31m".utf8)

    /// `dos deadletters [--all] -o json`, parsed, once at least `count` letters are there (or 20 s passed).
    func deadLetters(_ served: ApplyTestServer, atLeast count: Int, all: Bool = false) async throws -> [[String: Any]] {
        var letters: [[String: Any]] = []
        for _ in 0..<400 {
            let output = try await served.dos(["deadletters", "-o", "json"] + (all ? ["--all"] : []))
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
            #expect(letter["state"] as? String == "open")
            #expect((letter["resolutions"] as? [Any])?.isEmpty == true)

            let list = try await served.dos(["deadletters"])
            #expect(list.exitStatus == 0)
            #expect(list.outputLines.first?.hasPrefix("LETTER") == true, "\(list.outputLines)")
            #expect(list.outputLines.count == 2)
            #expect(list.outputLines.last?.contains("\(topics.commands)@\(injected.position.offset)") == true, "\(list.outputLines)")
            #expect(list.outputLines.last?.hasPrefix(String(id.prefix(8))) == true)
            #expect(list.outputLines.first?.contains("STATE") == true && list.outputLines.last?.contains(" open ") == true)

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
            let copies = try await reader.read(topics: [topics.commands], from: .beginning, limit: 100).filter { Array($0.payload) == Self.poison }
            await reader.close()
            #expect(copies.count == 2, "the original and the retried copy")
            #expect(copies.last?.id.hasPrefix("retry-") == true)
            #expect(copies.last?.key == "poison")
            // Still poison, so the copy is dead-lettered in its turn: the stream goes on. The
            // original is now retried, so only the copy is open.
            let both = try await deadLetters(served, atLeast: 2, all: true)
            #expect(both.count == 2)
            #expect(both.first?["id"] as? String == id && both.first?["state"] as? String == "retried")
            let retriedBy = (both.first?["resolutions"] as? [[String: Any]])?.first
            #expect(retriedBy?["resolution"] as? String == "retried")
            #expect((retriedBy?["note"] as? String)?.hasPrefix("appended to \(topics.commands)@") == true)
            let open = try await deadLetters(served, atLeast: 1)
            #expect(open.count == 1 && open.first?["id"] as? String != id)

            let unknown = try await served.dos(["deadletters", "--retry", "ffffffff"])
            #expect(unknown.exitStatus == 1)
            #expect(unknown.standardError.contains("no dead letter has an id starting with"), "\(unknown.standardError)")
        }
    }
}

/// `dos deadletters --discard` against a real `dos serve all`.
@Suite struct DeadLettersDiscardCommandTests {
    @Test func aDiscardedLetterLeavesTheListStaysUnderAllAndCannotBeDiscardedTwice() async throws {
        try await ApplyTestServer.with { served in
            let topics = Topics()
            let log = try SQLiteEventLog(directory: served.directory)
            _ = try await log.append(OutgoingRecord(topic: topics.commands, key: "poison", id: UUID().uuidString, payload: DeadLettersCommandTests.poison))
            await log.close()

            let letters = try await DeadLettersCommandTests().deadLetters(served, atLeast: 1)
            #expect(letters.count == 1)
            let id = try #require(letters.first?["id"] as? String)

            let discarded = try await served.dos(["deadletters", "--discard", String(id.prefix(8)), "--reason", "known bad \u{1b}[2J producer"])
            #expect(discarded.exitStatus == 0, "\(discarded.standardError)")
            #expect(discarded.outputLines.first?.hasPrefix("discarded dead letter \(id) (recorded as ") == true, "\(discarded.outputLines)")

            let list = try await served.dos(["deadletters"])
            #expect(list.exitStatus == 0, "\(list.standardError)")
            #expect(list.outputLines.isEmpty, "\(list.outputLines)")
            #expect(list.standardError.contains("no open dead letters"), "\(list.standardError)")
            #expect(list.standardError.contains("1 retried or discarded dead letters not shown (--all shows them)"))
            #expect(try await DeadLettersCommandTests().deadLetters(served, atLeast: 0).isEmpty)

            let all = try await served.dos(["deadletters", "--all"])
            #expect(all.exitStatus == 0, "\(all.standardError)")
            #expect(all.outputLines.count == 2, "\(all.outputLines)")
            #expect(all.outputLines.first?.contains("STATE") == true)
            #expect(all.outputLines.last?.hasPrefix(String(id.prefix(8))) == true && all.outputLines.last?.contains(" discarded ") == true,
                    "\(all.outputLines)")
            let json = try await DeadLettersCommandTests().deadLetters(served, atLeast: 1, all: true)
            #expect(json.first?["state"] as? String == "discarded")
            let resolution = (json.first?["resolutions"] as? [[String: Any]])?.first
            #expect(resolution?["resolution"] as? String == "discarded")
            #expect(resolution?["dead_letter_id"] as? String == id)
            #expect(resolution?["note"] as? String == "known bad \u{1b}[2J producer", "escaped on the terminal, the same text in JSON")
            #expect((resolution?["by"] as? String)?.hasPrefix("cli:") == true)

            let shown = try await served.dos(["deadletters", id])
            #expect(shown.exitStatus == 0, "\(shown.standardError)")
            #expect(shown.outputLines.contains { $0.hasPrefix("state:") && $0.hasSuffix("discarded") }, "\(shown.outputLines)")
            #expect(shown.outputLines.contains { $0.hasPrefix("resolution:") && $0.contains("discarded by cli:") && $0.hasSuffix(#": known bad \u001b[2J producer"#) },
                    "\(shown.outputLines)")
            #expect(!shown.standardOutput.unicodeScalars.contains { $0.value == 0x1b }, "raw controls printed")

            let again = try await served.dos(["deadletters", "--discard", id])
            #expect(again.exitStatus == 1)
            #expect(again.standardError.contains("dead letter \(id) is already discarded by cli:"), "\(again.standardError)")
            #expect(again.outputLines.isEmpty)

            let unknown = try await served.dos(["deadletters", "--discard", "ffffffff"])
            #expect(unknown.exitStatus == 1)
            #expect(unknown.standardError.contains("no dead letter has an id starting with"), "\(unknown.standardError)")

            // The letter and its one resolution are on the topic; nothing consumed the resolution.
            let reader = try SQLiteEventLog(directory: served.directory)
            let records = try await reader.read(topics: [topics.deadLetter], from: .beginning, limit: 100)
            await reader.close()
            #expect(records.count == 2, "the letter and one resolution, no dead-lettered resolution")
        }
    }

    @Test func reasonNeedsDiscardAndActionsExcludeEachOther() async throws {
        try await ApplyTestServer.with { served in
            for arguments in [["deadletters", "--reason", "x"], ["deadletters", "--discard", "abcd", "--retry", "abcd"],
                              ["deadletters", "--all", "--discard", "abcd"]] {
                let output = try await served.dos(arguments)
                #expect(output.exitStatus != 0, "\(arguments)")
            }
        }
    }
}
