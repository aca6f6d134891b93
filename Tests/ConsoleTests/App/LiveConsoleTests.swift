@testable import Console
import ConsoleKit
import DosCommandLine
import EventLog
import EventLogSQLite
import Foundation
import Model
import ServiceKit
import XCTest

/// The console against a real embedded log with every service running in this process: what
/// the user types becomes a command on the stream, the services answer, and the console shows
/// the result — no part of the path is stood in for.
final class LiveConsoleTests: XCTestCase {
    private var directory = ""
    private var log: SQLiteEventLog?
    private var serving: Task<Void, Never>?
    private var feed: StreamFeed?

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-console-\(UUID().uuidString)").path
        let log = try SQLiteEventLog(directory: directory)
        self.log = log
        let host = try ServiceCatalog.host(for: ServiceName.allCases, log: log, dataDirectory: directory, diagnostics: Diagnostics { _ in })
        serving = Task { await host.run() }
    }

    override func tearDown() async throws {
        await feed?.stop()
        serving?.cancel()
        await serving?.value
        await log?.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A console on the live feed; `pump` is the UI loop's body.
    private func console() throws -> (ConsoleApp, () -> String) {
        let log = try XCTUnwrap(self.log)
        let inbox = Inbox()
        let feed = StreamFeed(log: log, inbox: inbox, actor: "console:test")
        self.feed = feed
        let context = ConsoleContext(state: ConsoleState(backend: "data dir \(directory)", tailCapacity: 1_000), client: feed)
        let app = ConsoleApp(context: context, start: .provider)
        feed.start()
        let pump = { () -> String in
            Inbox.apply(inbox.take(), to: context)
            var screen = ScreenBuffer(width: 120, height: 30)
            app.render(into: &screen)
            return screen.text
        }
        return (app, pump)
    }

    private func waitFor(_ text: String, _ pump: () -> String, timeout: TimeInterval = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = pump()
        while !screen.contains(text) {
            guard Date() < deadline else {
                XCTFail("\"\(text)\" did not appear; last screen:\n\(screen)")
                return screen
            }
            try await Task.sleep(for: .milliseconds(20))
            screen = pump()
        }
        return screen
    }

    private func press(_ app: ConsoleApp, _ pump: () -> String, _ keys: Key...) {
        for key in keys {
            _ = pump()
            app.handle(.key(key), size: (120, 30))
        }
    }

    private func type(_ app: ConsoleApp, _ pump: () -> String, _ text: String) {
        for character in text { press(app, pump, .character(character)) }
    }

    func testCreateEditAndDeleteThroughTheServices() async throws {
        let (app, pump) = try console()
        _ = try await waitFor("● live", pump)
        press(app, pump, .character("c"))
        type(app, pump, "Riverside Pantry")
        press(app, pump, .control("s"))
        var screen = try await waitFor("provider: Riverside Pantry", pump)
        XCTAssertTrue(screen.contains("v1"), screen)
        // Edit: a version conflict is impossible here, so the update lands as version 2.
        press(app, pump, .character("e"), .control("u"))
        type(app, pump, "Riverside Community Pantry")
        press(app, pump, .control("s"))
        screen = try await waitFor("provider: Riverside Community Pantry", pump)
        XCTAssertTrue(screen.contains("v2"), screen)
        // History comes from the stream on demand.
        press(app, pump, .character("h"))
        screen = try await waitFor("v2 ·", pump)
        XCTAssertTrue(screen.contains("- name: \"Riverside Pantry\""), screen)
        XCTAssertTrue(screen.contains("by console:test"), screen)
        press(app, pump, .escape, .escape)
        // Delete with the typed name; the listing loses the row.
        _ = try await waitFor("providers (1)", pump)
        press(app, pump, .character("d"))
        type(app, pump, "Riverside Community Pantry")
        press(app, pump, .enter)
        screen = try await waitFor("providers (0)", pump)
        XCTAssertTrue(screen.contains("was deleted") || screen.contains("delete \"Riverside Community Pantry\": done"), screen)
        // The tail saw every saga's events, and the sagas view lists the three completed.
        app.execute("sagas")
        screen = try await waitFor("sagas (3)", pump)
        XCTAssertEqual(screen.components(separatedBy: "completed").count - 1, 3, screen)
    }

    func testAServiceSideRejectionIsShownAndTheFormKept() async throws {
        let (app, pump) = try console()
        _ = try await waitFor("● live", pump)
        // A service whose provider does not exist passes the form's validation but the store
        // rejects the missing reference.
        app.execute("services")
        press(app, pump, .character("c"))
        type(app, pump, "Orphan service")
        let form = try XCTUnwrap(app.topView as? FormView)
        form.setPick("provider_id", [UUID().uuidString.lowercased()])
        press(app, pump, .control("s"))
        let screen = try await waitFor("✗ step", pump)
        XCTAssertTrue(screen.contains("Orphan service"), "what was typed is kept:\n\(screen)")
        XCTAssertTrue(screen.contains("not_found") || screen.contains("notFound") || screen.contains("missing") || screen.contains("not found"), screen)
    }
}
