import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Wakes waiting readers when the log file changes, whichever process wrote it.
///
/// SQLite has no cross-process notification, so a background thread watches the data directory
/// with inotify: every commit in WAL mode writes the `-wal` file, which the kernel reports at
/// once. Readers record the `generation` before they query and wait only if it has not moved,
/// so a change between their query and their wait is never missed. If inotify is unavailable
/// (some network file systems), the thread falls back to waking readers every few milliseconds.
final class ChangeNotifier: Sendable {
    private struct Waiter {
        let deadline: UInt64
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var generation: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var cancelled: Set<UInt64> = []
        var nextWaiterID: UInt64 = 0
        var running = true
        /// False once the thread has closed its descriptors: nothing may touch them after that,
        /// since their numbers can already belong to another file (a database, say).
        var descriptorsOpen = true
    }

    /// How often readers are woken when the kernel cannot tell us about changes.
    static let fallbackIntervalMilliseconds: Int32 = 5
    private static let idlePollMilliseconds: Int32 = 1_000

    private let state = Mutex(State())
    private let inotifyDescriptor: Int32
    /// A pipe whose write end pokes the thread (new waiter, stop) out of `poll`.
    private let wakeDescriptor: Int32
    private let wakeWriteDescriptor: Int32
    private let watchedNames: Set<String>

    /// Watches `directory` for writes to the files named in `fileNames`.
    init(directory: String, fileNames: Set<String>) throws {
        watchedNames = fileNames
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            throw SQLiteEventLogError.system("pipe failed: \(String(cString: strerror(errno)))")
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeDescriptor = pipeEnds[0]
        wakeWriteDescriptor = pipeEnds[1]
        var descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0 {
            let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)
            if inotify_add_watch(descriptor, directory, mask) < 0 {
                close(descriptor)
                descriptor = -1
            }
        }
        inotifyDescriptor = descriptor
        let thread = Thread { [self] in run() }
        thread.name = "dos.eventlog.notifier"
        thread.start()
    }

    /// True when the kernel reports changes; false when readers are woken by a timer instead.
    var usesKernelNotifications: Bool { inotifyDescriptor >= 0 }

    var generation: UInt64 { state.withLock { $0.generation } }

    /// Called after this process committed an append: wakes local readers without waiting for the kernel.
    func signalLocalChange() {
        bump()
    }

    /// Returns when the generation moves past `generation`, at `deadline` (monotonic nanoseconds),
    /// or when the task is cancelled — whichever comes first.
    func wait(afterGeneration generation: UInt64, deadline: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != generation || !state.running || state.cancelled.remove(id) != nil
                        || Self.now() >= deadline
                    {
                        return true
                    }
                    state.waiters[id] = Waiter(deadline: deadline, continuation: continuation)
                    return false
                }
                if resumeNow {
                    continuation.resume()
                } else {
                    poke()  // the thread may be sleeping past this waiter's deadline
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.continuation.resume()
        }
    }

    /// Stops the thread and wakes every waiter.
    func stop() {
        let waiters = state.withLock { state -> [Waiter] in
            state.running = false
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.continuation.resume() }
        poke()
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    // MARK: - The watching thread

    private func run() {
        defer {
            state.withLock { state in
                state.descriptorsOpen = false
                if inotifyDescriptor >= 0 { close(inotifyDescriptor) }
                close(wakeDescriptor)
                close(wakeWriteDescriptor)
            }
        }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while state.withLock({ $0.running }) {
            // The kernel queues events while nobody waits; reading them only for a waiter means a
            // batch that writes the WAL a thousand times wakes this thread once, not a thousand times.
            let someoneWaits = state.withLock { !$0.waiters.isEmpty }
            var descriptors = [pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            if inotifyDescriptor >= 0, someoneWaits {
                descriptors.append(pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), pollTimeout())
            if ready > 0 {
                if descriptors[0].revents & Int16(POLLIN) != 0 { drainWakeDescriptor() }
                if descriptors.count > 1, descriptors[1].revents & Int16(POLLIN) != 0, readChanges(into: &buffer) {
                    bump()
                }
            } else if ready == 0, inotifyDescriptor < 0, someoneWaits {
                bump()
            }
            resumeExpiredWaiters()
        }
    }

    private func pollTimeout() -> Int32 {
        let fallback = inotifyDescriptor >= 0 ? Self.idlePollMilliseconds : Self.fallbackIntervalMilliseconds
        let nearest = state.withLock { $0.waiters.values.map(\.deadline).min() }
        guard let nearest else { return fallback }
        let now = Self.now()
        guard nearest > now else { return 0 }
        let milliseconds = (nearest - now + 999_999) / 1_000_000
        return Int32(min(UInt64(fallback), milliseconds))
    }

    /// Reads pending inotify events; true if one of them concerns a watched file.
    private func readChanges(into buffer: inout [UInt8]) -> Bool {
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotifyDescriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let nameLength = buffer.withUnsafeBytes {
                    Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                }
                let nameStart = offset + headerSize
                let nameEnd = min(nameStart + nameLength, count)
                let nameBytes = buffer[nameStart..<nameEnd].prefix { $0 != 0 }
                if watchedNames.contains(String(decoding: nameBytes, as: UTF8.self)) { relevant = true }
                offset = nameStart + nameLength
            }
        }
    }

    private func drainWakeDescriptor() {
        var bytes = [UInt8](repeating: 0, count: 256)
        while bytes.withUnsafeMutableBytes({ read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// A full pipe already means "wake up", so a failed write needs no handling. The write happens
    /// under the lock the thread closes the pipe under, so it never reaches a closed descriptor
    /// (`stop()` runs twice — from `close()` and from `deinit` — after the thread has gone).
    private func poke() {
        state.withLock { state in
            guard state.descriptorsOpen else { return }
            var byte: UInt8 = 1
            _ = write(wakeWriteDescriptor, &byte, 1)
        }
    }

    private func bump() {
        let waiters = state.withLock { state -> [Waiter] in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.continuation.resume() }
    }

    private func resumeExpiredWaiters() {
        let now = Self.now()
        let expired = state.withLock { state -> [Waiter] in
            let ids = state.waiters.filter { $0.value.deadline <= now }.map(\.key)
            return ids.compactMap { state.waiters.removeValue(forKey: $0) }
        }
        expired.forEach { $0.continuation.resume() }
    }
}
