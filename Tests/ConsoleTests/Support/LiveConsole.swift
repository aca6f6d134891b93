@testable import Console
import ConsoleKit
import EventLog
import Foundation
import Model
import XCTest

/// A console on a real log through the real `StreamFeed`, driven as the UI loop drives it:
/// fold what the feed posted, draw a 120-column frame, handle a key.
final class LiveConsole {
    let feed: StreamFeed
    let app: ConsoleApp
    let inbox = Inbox()
    private let size: (width: Int, height: Int)

    init(
        log: any EventLog, backend: String, start: EntityKind = .provider, size: (width: Int, height: Int) = (120, 30),
        actor: String = "console:test", checkpoint: CheckpointStore? = nil
    ) {
        feed = StreamFeed(log: log, inbox: inbox, checkpoint: checkpoint, actor: actor)
        let context = ConsoleContext(state: ConsoleState(backend: backend, tailCapacity: 1_000), client: feed)
        app = ConsoleApp(context: context, start: start)
        self.size = size
        feed.start()
    }

    /// One turn of the loop: the feed's posts folded in, a frame drawn; its text.
    func screen() -> String {
        Inbox.apply(inbox.take(), to: app.context)
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        app.render(into: &buffer)
        return buffer.text
    }

    /// Turns the loop until `text` shows (a failure naming the last screen after `timeout`).
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var shown = screen()
        while !shown.contains(text) {
            guard Date() < deadline else {
                XCTFail("\"\(text)\" did not appear; last screen:\n\(shown)", file: file, line: line)
                return shown
            }
            try await Task.sleep(for: .milliseconds(20))
            shown = screen()
        }
        return shown
    }

    /// Each key after a frame, as in the real loop.
    func press(_ keys: Key...) {
        for key in keys {
            _ = screen()
            app.handle(.key(key), size: size)
        }
    }

    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    func stop() async { await feed.stop() }
}
