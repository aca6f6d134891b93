import Foundation
import TestSupport
import XCTest

/// `dos` in a real terminal: tmux runs it on a fresh data directory (every service in-process),
/// the test types as a user would and reads the screen back with capture-pane.
final class ConsoleTmuxTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-tmux-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func start(_ arguments: [String] = [], width: Int = 120, height: Int = 36) throws -> TmuxSession {
        let session = try TmuxSession(
            command: [DosExecutable.url.path, "--data-dir", directory + "/data"] + arguments,
            // The Swift runtime's crash report (slow to symbolicate a debug build) is not what the
            // crash test is about; the restore runs before it either way.
            environment: ["XDG_STATE_HOME": directory + "/state", "XDG_CONFIG_HOME": directory + "/config", "USER": "tester",
                          "SWIFT_BACKTRACE": "enable=no"],
            width: width, height: height)
        try session.waitFor("● live", timeout: .seconds(30))
        return session
    }

    private func command(_ session: TmuxSession, _ text: String) {
        session.sendKeys(":")
        session.type(text)
        session.sendKeys("Enter")
    }

    func testAStewardsSessionFromCreateToQuit() async throws {
        let session = try start()
        defer { session.kill() }
        // A provider through its form.
        command(session, "providers")
        try session.waitFor("providers (0)")
        session.sendKeys("c")
        try session.waitFor("new provider")
        session.type("Harbour Food Bank")
        session.sendKeys("C-s")
        try session.waitFor("provider: Harbour Food Bank")
        try session.waitFor("created provider \"Harbour Food Bank\"")
        // A service whose provider is picked from the searchable list.
        command(session, "svc")
        try session.waitFor("services (0)")
        session.sendKeys("c")
        try session.waitFor("new service")
        session.type("Community larder")
        session.sendKeys("Tab", "Enter")
        try session.waitFor("pick a provider")
        session.type("harb")
        session.sendKeys("Enter")
        try session.waitFor("Harbour Food Bank")
        session.sendKeys("C-s")
        try session.waitFor("service: Community larder")
        // In the listing, and in the tail with the saga that made it.
        session.sendKeys("Escape")
        let listing = try session.waitFor("services (1)")
        XCTAssertTrue(listing.contains("Community larder") && listing.contains("Harbour Food Bank"), listing)
        // Copy travels as OSC 52 (tmux keeps it in a paste buffer).
        session.sendKeys("Y")
        try session.waitFor("copied service \"Community larder\" as JSON")
        let buffer = try session.waitUntilCommand(["show-buffer"], timeout: .seconds(5)) { $0.contains("\"name\" : \"Community larder\"") }
        XCTAssertTrue(buffer.contains("\"kind\" : \"service\""), buffer)
        command(session, "tail")
        let tail = try session.waitFor("dos.saga.completed.v1")
        XCTAssertTrue(tail.contains("dos.command.service.create.v1"), tail)
        XCTAssertTrue(tail.contains("dos.view.service.v1"), tail)
        command(session, "sagas")
        let sagas = try session.waitFor("create-service")
        XCTAssertTrue(sagas.contains("Community larder"), sagas)
        XCTAssertEqual(sagas.components(separatedBy: "completed").count - 1, 2, sagas)
        // Edit with a deliberate validation error, then fix it.
        command(session, "svc")
        try session.waitFor("services (1)")
        session.sendKeys("e")
        try session.waitFor("edit service: Community larder")
        for _ in 0..<4 { session.sendKeys("Tab") }  // name, provider, status, description → website
        session.type("not-a-url")
        session.sendKeys("Tab")
        try session.waitFor("⚠ is not a valid http or https URL")
        session.sendKeys("C-s")
        try session.waitFor("1 field to fix: nothing was sent")
        session.sendKeys("C-u")
        session.type("https://larder.example")
        session.sendKeys("C-s")
        try session.waitFor("saved service \"Community larder\"")
        session.sendKeys("Enter")
        try session.waitFor("https://larder.example")
        try session.waitFor("v2")
        session.sendKeys("Escape")
        // Delete, confirmed by typing the name.
        session.sendKeys("d")
        try session.waitFor("Type its name to confirm")
        session.type("Community larder")
        session.sendKeys("Enter")
        try session.waitFor("services (0)")
        // Resize: everything reflows to the new width.
        try session.resize(width: 80, height: 24)
        // The listing is laid out anew for 80 columns: the header's hints shrink to what fits
        // and the status bar moves to the new last row.
        let narrow = try session.waitUntil(timeout: .seconds(10)) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 24 && lines[23].contains("data dir") && lines[1].contains("services (0)")
        }
        XCTAssertTrue(narrow.hasPrefix(" dos ▸ services"), narrow)
        XCTAssertFalse(narrow.contains("<S> sort reverse"), "the hints of the wide layout are gone:\n\(narrow)")
        // Switch theme, then quit: the terminal is given back.
        command(session, "theme high-contrast")
        try session.waitFor("theme high-contrast")
        command(session, "q")
        XCTAssertEqual(try session.waitForExit(timeout: .seconds(20)), 0)
        XCTAssertFalse(session.isAlternateScreenOn, "the alternate screen was left")
        // Quitting saved the console's checkpoint beside the log: the provider (the service was
        // deleted) and the sagas, so the next start reads only what comes after.
        let doctor = try await DosExecutable.run(["doctor", "--data-dir", directory + "/data"], environment: ["XDG_STATE_HOME": directory + "/state"])
        XCTAssertTrue(doctor.standardOutput.contains("console-checkpoint.sqlite: saved"), doctor.standardOutput)
        XCTAssertTrue(doctor.standardOutput.contains(", 1 entry, "), doctor.standardOutput)
    }

    func testCtrlCAndSigtermAndACrashAllRestoreTheTerminal() throws {
        for ending in ["ctrl-c", "SIGTERM", "SIGSEGV"] {
            let session = try start(width: 100, height: 30)
            defer { session.kill() }
            XCTAssertTrue(session.isAlternateScreenOn, "the console runs on the alternate screen")
            switch ending {
            case "ctrl-c": session.sendKeys("C-c")
            default:
                let pid = try XCTUnwrap(session.processID(), "no pid for dos")
                kill(pid, ending == "SIGTERM" ? SIGTERM : SIGSEGV)
            }
            let status = try session.waitForExit(timeout: .seconds(20))
            if ending == "SIGSEGV" {
                XCTAssertNotEqual(status, 0, "a crash is still reported as one")
            } else {
                XCTAssertEqual(status, 0, "\(ending) is a clean quit")
            }
            XCTAssertFalse(session.isAlternateScreenOn, "\(ending) left the alternate screen on")
            let modes = try session.command(["display-message", "-p", "#{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}"])
            XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "1 0 0", "\(ending): cursor shown, keypad and mouse modes off")
        }
    }

    func testHostileTextNeverReachesTheTerminal() throws {
        let session = try start()
        defer { session.kill() }
        // A view written straight to the log, as a misbehaving producer would.
        let name = "Evil\u{1b}[2J\u{1b}]0;pwned\u{07}\u{1b}[31mRed"
        let json = #"{"kind":"provider","id":"6f1c4a2e-0000-4000-8000-000000000001","version":1,"name":"\#(name.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())"}"#
        let envelope = #"{"specversion":"1.0","id":"01900000-0000-7000-8000-0000000000aa","source":"/evil","type":"dos.view.provider.v1","subject":"6f1c4a2e-0000-4000-8000-000000000001","datacontenttype":"application/json","data":\#(json)}"#
        let publish = Process()
        publish.executableURL = DosExecutable.url
        publish.arguments = ["log", "publish", "-t", "dos.views", "--data-dir", directory + "/data"]
        publish.environment = ["XDG_STATE_HOME": directory + "/state"]
        let input = Pipe()
        publish.standardInput = input
        try publish.run()
        input.fileHandleForWriting.write(Data((envelope + "\n").utf8))
        try input.fileHandleForWriting.close()
        publish.waitUntilExit()
        XCTAssertEqual(publish.terminationStatus, 0)
        command(session, "providers")
        let screen = try session.waitFor("providers (1)")
        XCTAssertTrue(screen.contains("Evil\\u001b[2J\\u001b]0;pwned\\u0007\\u001b[31mRed"), screen)
        let title = try session.command(["display-message", "-p", "#{pane_title}"])
        XCTAssertFalse(title.contains("pwned"), "an OSC title sequence reached the terminal")
        let raw = try session.captureWithEscapes()
        XCTAssertFalse(raw.contains("\u{1b}[31mRed"), "a colour sequence from the data reached the terminal")
    }
}
