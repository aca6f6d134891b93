import Console
import ConsoleKit
import Foundation

/// The console without curses: the app, feed and inbox `ConsoleSession` wires, and the same UI
/// loop (`ConsoleLoop`), drawing into a `ScreenBuffer` the benchmark reads instead of handing it
/// to curses. Lives on one thread, as the real UI does.
final class HeadlessConsole {
    struct Frame {
        var screen: ScreenBuffer
        /// Folding the deliveries taken since the last frame, and drawing this one.
        var applyMilliseconds: Double
        var drawMilliseconds: Double
        /// The keys this frame answers, each with the time from its press to this frame drawn.
        var keyLatencies: [Double]
    }

    let width: Int
    let height: Int
    let context: ConsoleContext
    let app: ConsoleApp
    let inbox: Inbox
    let wakeup: Wakeup
    let keys: KeyQueue

    init(feed: StreamFeed, inbox: Inbox, wakeup: Wakeup, keys: KeyQueue, backend: String, width: Int = 200, height: Int = 50) {
        self.width = width
        self.height = height
        self.inbox = inbox
        self.wakeup = wakeup
        self.keys = keys
        var state = ConsoleState(backend: backend, tailCapacity: 10_000)
        state.status.connection = .connecting
        context = ConsoleContext(state: state, client: feed)
        app = ConsoleApp(context: context)
    }

    /// Draws a frame as the session does: a fresh buffer the size of the terminal.
    func draw() -> (screen: ScreenBuffer, milliseconds: Double) {
        let start = ContinuousClock.now
        var screen = ScreenBuffer(width: width, height: height)
        app.render(into: &screen)
        return (screen, Timing.milliseconds(since: start))
    }

    /// Folds whatever the feed posted; its duration in milliseconds (0 when there was nothing).
    @discardableResult
    func applyInbox() -> Double {
        let delivery = inbox.take()
        guard !delivery.isEmpty else { return 0 }
        let start = ContinuousClock.now
        Inbox.apply(delivery, to: context)
        return Timing.milliseconds(since: start)
    }

    /// One key handled and drawn synchronously, as the loop does on input; the time it took.
    func press(_ key: Key) -> (screen: ScreenBuffer, milliseconds: Double) {
        let start = ContinuousClock.now
        app.handle(.key(key), size: (width, height))
        applyInbox()
        let frame = draw()
        return (frame.screen, Timing.milliseconds(since: start))
    }

    /// Runs the session's own loop (`ConsoleLoop`), handing every frame to `onFrame`, until
    /// `finished` says so. The one difference from the terminal: with nothing to do, the real
    /// loop sleeps until woken; this one also looks at `finished` every 250 ms.
    func run(finished: @escaping () -> Bool, checkpointer: Checkpointer? = nil, onFrame: @escaping (Frame) -> Void) {
        // Keys handed to the loop whose frame has not been drawn yet.
        var answered: [KeyQueue.Press] = []
        let keys = self.keys, wakeup = self.wakeup, width = self.width, height = self.height
        let loop = ConsoleLoop(app: app, inbox: inbox, terminal: ConsoleLoop.Terminal(
            size: { (width, height) },
            draw: { screen, timing in
                let latencies = answered.map { Timing.milliseconds(since: $0.at) }
                answered = []
                onFrame(Frame(screen: screen, applyMilliseconds: timing.applyMilliseconds, drawMilliseconds: timing.renderMilliseconds,
                              keyLatencies: latencies))
            },
            wait: { timeout in
                let woken = wakeup.wait(timeout: timeout ?? .milliseconds(250))
                return ConsoleLoop.Wake(input: woken, timedOut: !woken && timeout != nil)
            },
            readInputs: {
                let presses = keys.takeAll()
                answered += presses
                return presses.map { .key($0.key) }
            },
            shouldStop: finished), checkpointer: checkpointer)
        loop.run()
    }
}
