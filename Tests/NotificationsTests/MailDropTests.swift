import Events
import Foundation
import Model
import Notifications
import Testing

/// Mail-drop delivery: one RFC 5322 file per notification, whatever is redelivered.
@Suite struct MailDropTests {
    @Test func oneFilePerChangeEvenWhenTheViewsAreProcessedTwice() async throws {
        let pipeline = try NotificationPipeline()
        _ = try await pipeline.subscribe(.everything, .mailDrop(folder: pipeline.mailDrop))
        var provider = Provider(name: "Food Bank")
        try await pipeline.change(.provider(provider))
        provider.version = 2
        provider.name = "Riverside Food Bank"
        try await pipeline.change(.provider(provider))
        try await pipeline.drain()
        let first = try pipeline.mailFiles()
        // A replay under another group name: every view is handled again.
        try await pipeline.drain(group: "dos.notifications-replay")
        let second = try pipeline.mailFiles()
        #expect(first.count == 2)
        #expect(second == first)
        #expect(try pipeline.database.deliveryCount() == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: pipeline.mailDrop).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        // The log keeps one fact per notification: the replay's have the same derived ids.
        #expect(try await pipeline.sent.count == 2)
    }

    @Test func theFileParsesAsHeadersAndABodyNamingTheChange() async throws {
        let pipeline = try NotificationPipeline()
        let subscription = try await pipeline.subscribe(.everything, .mailDrop(folder: pipeline.mailDrop))
        let service = Service(providerID: UUID(), name: "Lunch club")
        try await pipeline.change(.service(service))
        try await pipeline.drain()

        let file = try #require(try pipeline.mailFiles().first)
        let text = try String(contentsOf: file, encoding: .utf8)
        let parts = try #require(text.range(of: "\r\n\r\n"))
        var headers: [String: String] = [:]
        for line in text[..<parts.lowerBound].components(separatedBy: "\r\n") {
            let pair = try #require(line.firstIndex(of: ":"))
            headers[String(line[..<pair])] = String(line[line.index(after: pair)...]).trimmingCharacters(in: .whitespaces)
        }
        let body = String(text[parts.upperBound...])
        #expect(headers["Subject"] == "[dos] service \"Lunch club\" created (version 1)")
        #expect(headers["To"]?.contains(subscription.uuidString.lowercased()) == true)
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(headers["From"] != nil && headers["Date"]?.hasSuffix("+0000") == true)
        let messageID = try #require(headers["Message-ID"])
        #expect(file.lastPathComponent == messageID.dropFirst().prefix { $0 != "@" } + ".eml")
        for line in ["Entry: Lunch club", "Kind: service", "ID: \(service.id.uuidString.lowercased())", "Version: 1",
                     "Change: created", "Saga: saga-"] {
            #expect(body.contains(line), "\(line)")
        }
    }

    @Test func headerTextIsEscapedAndEncoded() async throws {
        let pipeline = try NotificationPipeline()
        _ = try await pipeline.subscribe(.everything, .mailDrop(folder: pipeline.mailDrop))
        try await pipeline.change(.contact(Contact(name: "Zoë\r\nBcc: x@example.org")))
        try await pipeline.drain()
        let text = try String(contentsOf: try #require(try pipeline.mailFiles().first), encoding: .utf8)
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        #expect(!head.contains("Bcc:"))
        #expect(head.contains("Subject: =?utf-8?B?"))
    }

    @Test func anUnwritableFolderIsANotificationFailed() async throws {
        let pipeline = try NotificationPipeline()
        let blocker = pipeline.directory + "/file"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        _ = try await pipeline.subscribe(.everything, .mailDrop(folder: blocker + "/inside"))
        try await pipeline.change(.contact(Contact(name: "Sam")))
        try await pipeline.drain()
        let failed = try #require(try await pipeline.failed.first)
        #expect(failed.channel == "maildrop" && failed.reason.contains("mail-drop folder"), "\(failed.reason)")
    }
}
