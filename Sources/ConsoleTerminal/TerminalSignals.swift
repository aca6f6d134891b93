import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Signals while the console runs.
///
/// - SIGTERM, SIGHUP and SIGINT ask for a clean quit: a flag plus a wake-up, and the UI thread
///   leaves its loop and restores the terminal. A second one while quitting means the quit is
///   stuck: the terminal is restored on the spot and the signal's default action ends the process.
/// - SIGWINCH wakes the UI thread (the signal may land on any thread, so poll's EINTR alone is not
///   enough) and is passed on to the handler that was there before (curses' own).
/// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP; a Swift trap is SIGILL on x86-64
///   and SIGTRAP on arm64) restore the terminal, then go on to the previous action (the Swift
///   runtime's backtracer, or the default), so the crash is still reported, now on a sane screen.
///
/// The handlers touch only atomics and async-signal-safe calls.
public enum TerminalSignals {
    private static let quitSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    private static let quitFlag = Atomic<Bool>(false)
    private static let resizeFlag = Atomic<Bool>(false)
    /// The address of the `WakeSignal` to poke (retained, and never released: a handler on
    /// another thread may be using it at any moment). 0 when none.
    private static let wakeTarget = Atomic<UInt>(0)
    private static let installed = Mutex<Bool>(false)
    /// The actions in place before `install`, by signal number (all the handled ones are below 32).
    nonisolated(unsafe) private static let previousActions: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
        actions.initialize(repeating: sigaction(), count: 32)
        return actions
    }()

    /// Installs the handlers (once; a later call only changes whom they wake) and clears the quit flag.
    public static func install(wake: WakeSignal) {
        installed.withLock { isInstalled in
            wakeTarget.store(UInt(bitPattern: Unmanaged.passRetained(wake).toOpaque()), ordering: .releasing)
            quitFlag.store(false, ordering: .releasing)
            guard !isInstalled else { return }
            isInstalled = true
            CrashRestore.disarm()  // first use of its storage here, not inside a handler
            AlternateSignalStack.ensure()
            for signal in quitSignals {
                _ = cn_set_signal_handler(signal, { TerminalSignals.handleQuit($0) }, previousActions + Int(signal))
            }
            for signal in crashSignals {
                _ = cn_set_signal_handler(signal, { TerminalSignals.handleCrash($0) }, previousActions + Int(signal))
            }
            _ = cn_set_signal_handler(SIGWINCH, { TerminalSignals.handleResize($0) }, previousActions + Int(SIGWINCH))
        }
    }

    /// True once SIGTERM, SIGHUP or SIGINT arrived since `install`.
    public static var quitRequested: Bool { quitFlag.load(ordering: .acquiring) }

    /// Puts back the actions that were there before `install`, and stops waking anyone.
    public static func uninstall() {
        installed.withLock { isInstalled in
            guard isInstalled else { return }
            isInstalled = false
            for signal in quitSignals + crashSignals + [SIGWINCH] {
                _ = cn_restore_signal_handler(signal, previousActions + Int(signal))
            }
            wakeTarget.store(0, ordering: .releasing)
            resizeFlag.store(false, ordering: .releasing)
        }
    }

    /// True when SIGWINCH arrived and `CursesTerminal.readInputs` has not picked it up yet.
    static var isResizePending: Bool { resizeFlag.load(ordering: .acquiring) }

    /// True (once) when SIGWINCH arrived since the last call: the terminal should re-read its size.
    static func takeResizeRequest() -> Bool {
        resizeFlag.exchange(false, ordering: .acquiringAndReleasing)
    }

    private static func handleQuit(_ number: Int32) {
        guard !quitFlag.exchange(true, ordering: .acquiringAndReleasing) else {
            CrashRestore.restoreTerminal()
            _ = signal(number, SIG_DFL)
            _ = raise(number)  // blocked while the handler runs; delivered, and fatal, on return
            return
        }
        wakeUIThread()
    }

    private static func handleResize(_ signal: Int32) {
        resizeFlag.store(true, ordering: .releasing)
        if let previous = cn_plain_handler(previousActions + Int(signal)) { previous(signal) }
        wakeUIThread()
    }

    private static func handleCrash(_ signal: Int32) {
        CrashRestore.restoreTerminal()
        _ = cn_restore_signal_handler(signal, previousActions + Int(signal))
        // Pending until this handler returns; a fault would also simply recur on return.
        _ = raise(signal)
    }

    private static func wakeUIThread() {
        guard let address = UnsafeRawPointer(bitPattern: wakeTarget.load(ordering: .acquiring)) else { return }
        Unmanaged<WakeSignal>.fromOpaque(address)._withUnsafeGuaranteedRef { $0.wake() }
    }
}
