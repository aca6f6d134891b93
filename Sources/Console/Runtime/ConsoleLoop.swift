import ConsoleKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The console's UI loop, whatever shows the frames: fold what the stream posted, draw at most
/// one frame per interval while the stream is busy (fewer while catching up with a long log),
/// draw at once after input, and sleep — with no timeout when nothing on screen is
/// time-dependent, so an idle console uses no CPU. `ConsoleSession` runs it on curses; the
/// console benchmark runs the same loop on an in-memory screen.
public struct ConsoleLoop {
    /// What the loop learns when it wakes.
    public struct Wake: Sendable {
        public var input = false
        public var timedOut = false
        /// The terminal went away: stop.
        public var hangUp = false

        public init(input: Bool = false, timedOut: Bool = false, hangUp: Bool = false) {
            self.input = input
            self.timedOut = timedOut
            self.hangUp = hangUp
        }
    }

    /// How long a frame took, for the log of slow frames and for the benchmark.
    public struct FrameTiming: Sendable {
        /// Folding what the stream posted since the previous frame.
        public var applyMilliseconds: Double
        /// Drawing this frame into the screen buffer.
        public var renderMilliseconds: Double
    }

    /// The terminal side, as closures (they run on the loop's thread).
    public struct Terminal {
        public var size: () -> (width: Int, height: Int)
        public var draw: (ScreenBuffer, FrameTiming) -> Void
        /// Sleeps until input, a post to the inbox, or the timeout (nil: no timeout).
        public var wait: (Duration?) -> Wake
        public var readInputs: () -> [InputEvent]
        public var copy: (String) -> Void
        /// Applies a theme by name; returns the problem loading it, if any.
        public var setTheme: (String) -> String?
        /// Asked every turn: stop (a quit signal, the benchmark being done).
        public var shouldStop: () -> Bool

        public init(
            size: @escaping () -> (width: Int, height: Int), draw: @escaping (ScreenBuffer, FrameTiming) -> Void,
            wait: @escaping (Duration?) -> Wake,
            readInputs: @escaping () -> [InputEvent], copy: @escaping (String) -> Void = { _ in },
            setTheme: @escaping (String) -> String? = { _ in nil }, shouldStop: @escaping () -> Bool = { false }
        ) {
            self.size = size
            self.draw = draw
            self.wait = wait
            self.readInputs = readInputs
            self.copy = copy
            self.setTheme = setTheme
            self.shouldStop = shouldStop
        }
    }

    /// Frames are drawn at most this often while the stream is busy; input draws at once.
    public static let frameInterval: Duration = .milliseconds(16)
    /// While catching up with a long log, fewer frames leave the CPU to the reading.
    public static let catchUpFrameInterval: Duration = .milliseconds(150)
    /// After the last change, keep ticking this long so fading highlights and rates settle.
    public static let settleTime: TimeInterval = 6

    public let app: ConsoleApp
    public let inbox: Inbox
    public var terminal: Terminal
    /// Saves the checkpoint now and then; nil keeps none.
    public var checkpointer: Checkpointer?

    public init(app: ConsoleApp, inbox: Inbox, terminal: Terminal, checkpointer: Checkpointer? = nil) {
        self.app = app
        self.inbox = inbox
        self.terminal = terminal
        self.checkpointer = checkpointer
    }

    public func run() {
        let context = app.context
        let clock = ContinuousClock()
        var lastFrame = clock.now - Self.frameInterval
        var lastActivity = Date()
        var dirty = true
        var applied = Duration.zero
        func apply(_ delivery: Inbox.Delivery) {
            guard !delivery.isEmpty else { return }
            let start = clock.now
            Inbox.apply(delivery, to: context)
            applied += clock.now - start
        }
        func draw() {
            let size = terminal.size()
            var screen = ScreenBuffer(width: size.width, height: size.height)
            let start = clock.now
            app.render(into: &screen)
            let timing = FrameTiming(applyMilliseconds: Self.milliseconds(applied), renderMilliseconds: Self.milliseconds(clock.now - start))
            applied = .zero
            terminal.draw(screen, timing)
        }
        var wasCaughtUp = false
        while !app.wantsQuit && !terminal.shouldStop() {
            let delivery = inbox.take()
            if !delivery.isEmpty {
                apply(delivery)
                dirty = true
                lastActivity = Date()
            }
            let caughtUp = context.state.status.connection == .connected(caughtUp: true)
            if caughtUp && !wasCaughtUp {
                // The replay of a long log leaves freed decode buffers behind; hand them back.
                Self.returnFreedMemory()
            }
            wasCaughtUp = caughtUp
            checkpointer?.saveIfDue(&context.state)
            if let name = context.requestedTheme {
                context.requestedTheme = nil
                if let problem = terminal.setTheme(name) {
                    context.say("\(problem) — using the built-in theme", isError: true, seconds: 15)
                } else {
                    context.say("theme \(app.themeName)")
                }
                dirty = true
            }
            let interval = caughtUp ? Self.frameInterval : Self.catchUpFrameInterval
            if dirty, clock.now - lastFrame >= interval {
                draw()
                lastFrame = clock.now
                dirty = false
            }
            if let text = context.clipboard {
                context.clipboard = nil
                terminal.copy(text)
            }
            let busy = Date().timeIntervalSince(lastActivity) < Self.settleTime || !context.tracked.isEmpty || context.currentFlash != nil
            let timeout: Duration? = dirty ? interval - min(interval, clock.now - lastFrame) : (busy ? .seconds(1) : nil)
            let wake = terminal.wait(timeout)
            if wake.hangUp { break }
            if wake.timedOut { dirty = true }
            guard wake.input else { continue }
            let events = terminal.readInputs()
            guard !events.isEmpty else { continue }
            lastActivity = Date()
            for event in events { app.handle(event, size: terminal.size()) }
            // Input is drawn at once; what the stream posted meanwhile waits for the next frame,
            // which follows one interval later: keystroke latency is what users feel.
            context.isInputFrame = true
            draw()
            context.isInputFrame = false
            lastFrame = clock.now
            dirty = true
        }
    }

    /// glibc keeps freed heap for reuse; `malloc_trim` gives it back to the system (looked up at
    /// run time: Swift's Glibc module does not export it).
    static func returnFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
