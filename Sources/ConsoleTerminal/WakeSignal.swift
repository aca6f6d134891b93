#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Wakes the UI thread. It sleeps in `poll()` on the terminal's input and a self-pipe, with a
/// timeout; any thread, or a signal handler, writes one byte to the pipe to wake it. This is
/// how the console uses no CPU while idle: no busy polling, no short timer.
public final class WakeSignal: Sendable {
    public enum Reason: Sendable {
        /// The input descriptor is readable (or poll was interrupted by a signal such as SIGWINCH).
        case input
        /// Someone called `wake()`.
        case woken
        case timeout
        /// The terminal went away (the pty closed, the SSH connection dropped) without a SIGHUP:
        /// nothing more will ever be read, so the caller should quit rather than spin.
        case hangUp
    }

    private let readEnd: Int32
    private let writeEnd: Int32
    /// Bit 0: closed. The rest counts `wake()` calls under way, two per call, so `close()` can wait
    /// for them without a lock (a lock could deadlock against a signal handler on the same thread).
    private let state = Atomic<Int>(0)

    public init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw TerminalError.wakePipe(String(cString: strerror(errno))) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            // Never block: a full pipe already holds a wake-up, and the reader drains until empty.
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit { close() }

    /// Wakes the waiting thread. Async-signal-safe and lock-free; does nothing once closed.
    public func wake() {
        var current = state.load(ordering: .acquiring)
        while true {
            guard current & 1 == 0 else { return }
            let attempt = state.compareExchange(expected: current, desired: current + 2, ordering: .acquiringAndReleasing)
            if attempt.exchanged { break }
            current = attempt.original
        }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)  // EAGAIN means the pipe is full: a wake-up is already pending
        state.subtract(2, ordering: .releasing)
    }

    /// Sleeps until `input` is readable, `wake()` is called, or `timeout` passes (nil: no timeout).
    /// Drains the pipe, so several wakes before the call cost one return. A resize counts as
    /// input, so the caller's `readInputs()` reports it: a SIGWINCH seen by `TerminalSignals`
    /// (on whichever thread it landed), or one that interrupts the sleep itself.
    /// Call it from one thread, the same that calls `close()`.
    public func wait(input: Int32, timeout: Duration?) -> Set<Reason> {
        guard state.load(ordering: .acquiring) & 1 == 0 else { return [.timeout] }
        var descriptors = [
            pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0),
        ]
        // A resize already pending: only look at what else is ready, do not sleep.
        let resizePending = TerminalSignals.isResizePending
        let result = poll(&descriptors, nfds_t(descriptors.count), resizePending ? 0 : Self.milliseconds(timeout))
        if result < 0 {
            if errno == EINTR { return [.input] }
            // Not expected (poll fails only on bad arguments or no memory): pause, so a caller
            // that loops on us does not spin.
            usleep(10_000)
            return [.timeout]
        }
        var reasons: Set<Reason> = resizePending || TerminalSignals.isResizePending ? [.input] : []
        guard result > 0 else { return reasons.isEmpty ? [.timeout] : reasons }
        let ready = Int16(POLLIN | POLLHUP | POLLERR)
        if descriptors[0].revents & ready != 0 { reasons.insert(.input) }
        if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { reasons.insert(.hangUp) }
        if descriptors[1].revents & ready != 0 {
            drain()
            reasons.insert(.woken)
        }
        return reasons.isEmpty ? [.timeout] : reasons
    }

    /// Closes the pipe once; later `wake()` calls do nothing. Waits for wakes under way on other
    /// threads, so none can write to a descriptor number that has since been reused.
    public func close() {
        let previous = state.bitwiseOr(1, ordering: .acquiringAndReleasing).oldValue
        guard previous & 1 == 0 else { return }
        while state.load(ordering: .acquiring) >> 1 != 0 { sched_yield() }
        closeDescriptor(readEnd)
        closeDescriptor(writeEnd)
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// poll's timeout: -1 for none, else milliseconds rounded up (a 0.5 ms timeout must not spin).
    static func milliseconds(_ timeout: Duration?) -> Int32 {
        guard let timeout else { return -1 }
        guard timeout > .zero else { return 0 }
        let (seconds, attoseconds) = timeout.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return Int32.max }
        let milliseconds = total.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}

/// `close(2)`; inside `WakeSignal` the name means the method.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
