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
    private var live: LiveConsole?

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-console-\(UUID().uuidString)").path
        let log = try SQLiteEventLog(directory: directory)
        self.log = log
        let host = try ServiceCatalog.host(for: ServiceName.allCases, log: log, dataDirectory: directory, diagnostics: Diagnostics { _ in })
        serving = Task { await host.run() }
    }

    override func tearDown() async throws {
        await live?.stop()
        serving?.cancel()
        await serving?.value
        await log?.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func console() throws -> LiveConsole {
        let console = LiveConsole(log: try XCTUnwrap(log), backend: "data dir \(directory)")
        live = console
        return console
    }

    func testCreateEditAndDeleteThroughTheServices() async throws {
        let console = try console()
        let app = console.app
        _ = try await console.waitFor("● live")
        console.press(.character("c"))
        console.type("Riverside Pantry")
        console.press(.control("s"))
        var screen = try await console.waitFor("provider: Riverside Pantry")
        XCTAssertTrue(screen.contains("v1"), screen)
        // Edit: a version conflict is impossible here, so the update lands as version 2.
        console.press(.character("e"), .control("u"))
        console.type("Riverside Community Pantry")
        console.press(.control("s"))
        screen = try await console.waitFor("provider: Riverside Community Pantry")
        XCTAssertTrue(screen.contains("v2"), screen)
        // History comes from the stream on demand.
        console.press(.character("h"))
        screen = try await console.waitFor("v2 ·")
        XCTAssertTrue(screen.contains("- name: \"Riverside Pantry\""), screen)
        XCTAssertTrue(screen.contains("by console:test"), screen)
        console.press(.escape, .escape)
        // Delete with the typed name; the listing loses the row.
        _ = try await console.waitFor("providers (1)")
        console.press(.character("d"))
        console.type("Riverside Community Pantry")
        console.press(.enter)
        screen = try await console.waitFor("providers (0)")
        XCTAssertTrue(screen.contains("was deleted") || screen.contains("delete \"Riverside Community Pantry\": done"), screen)
        // The tail saw every saga's events, and the sagas view lists the three completed.
        app.execute("sagas")
        screen = try await console.waitFor("sagas (3)")
        XCTAssertEqual(screen.components(separatedBy: "completed").count - 1, 3, screen)
    }

    func testAServiceSideRejectionIsShownAndTheFormKept() async throws {
        let console = try console()
        let app = console.app
        _ = try await console.waitFor("● live")
        // A service whose provider does not exist passes the form's validation but the store
        // rejects the missing reference.
        app.execute("services")
        console.press(.character("c"))
        console.type("Orphan service")
        let form = try XCTUnwrap(app.topView as? FormView)
        form.setPick("provider_id", [UUID().uuidString.lowercased()])
        console.press(.control("s"))
        let screen = try await console.waitFor("✗ step")
        XCTAssertTrue(screen.contains("Orphan service"), "what was typed is kept:\n\(screen)")
        XCTAssertTrue(screen.contains("not_found") || screen.contains("notFound") || screen.contains("missing") || screen.contains("not found"), screen)
    }
}
