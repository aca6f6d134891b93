#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// What puts the terminal back if the process dies while curses owns it: the bytes that leave
/// curses' screen (mouse off, attributes off, cursor on, keypad off, main screen back) and the
/// terminal modes from before curses changed them.
///
/// A crash handler cannot call `endwin` safely (the crash may be inside curses), so the plan is
/// made ahead of time, in memory a handler can read without allocating or locking.
enum CrashRestore {
    struct Plan {
        var outputDescriptor: Int32
        var sequence: UnsafeMutableRawBufferPointer
        var inputDescriptor: Int32
        var modes: termios
        var hasModes: Bool
    }

    /// The address of the armed plan, 0 when none. Plans are never freed: a handler on another
    /// thread may still be reading an old one, and each is a few hundred bytes per console session.
    private static let armedPlan = Atomic<UInt>(0)

    /// Records how to restore the terminal; called once curses has started.
    static func arm(outputDescriptor: Int32, sequence: [UInt8], inputDescriptor: Int32, modes: termios?) {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: sequence.count, alignment: 1)
        bytes.copyBytes(from: sequence)
        let plan = UnsafeMutablePointer<Plan>.allocate(capacity: 1)
        plan.initialize(to: Plan(
            outputDescriptor: outputDescriptor, sequence: bytes, inputDescriptor: inputDescriptor,
            modes: modes ?? termios(), hasModes: modes != nil
        ))
        armedPlan.store(UInt(bitPattern: plan), ordering: .releasing)
    }

    /// Forgets the plan: curses has given the terminal back (or is about to, through `endwin`).
    static func disarm() {
        armedPlan.store(0, ordering: .releasing)
    }

    /// Runs the armed plan once, if there is one. Async-signal-safe: atomics, write(2), tcsetattr(3).
    static func restoreTerminal() {
        let address = armedPlan.exchange(0, ordering: .acquiringAndReleasing)
        guard let plan = UnsafeMutablePointer<Plan>(bitPattern: address) else { return }
        TerminalOutput.writeAll(UnsafeRawBufferPointer(plan.pointee.sequence), to: plan.pointee.outputDescriptor)
        if plan.pointee.hasModes {
            _ = tcsetattr(plan.pointee.inputDescriptor, TCSANOW, &plan.pointee.modes)
        }
    }

    /// The bytes that undo curses' screen, from terminfo: mouse reporting off (when it was on),
    /// attributes off, cursor visible, keypad in normal mode, back from the alternate screen.
    static func sequence(mouse: Bool, capability: (String) -> String?) -> [UInt8] {
        // xterm-style mouse modes; terminals that never enabled them ignore the reset.
        var text = mouse ? "\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l" : ""
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = capability(name) { text += withoutPadding(value) }
        }
        return Array(text.utf8)
    }

    /// terminfo strings may carry delays (`$<5>`), which only curses' own output routine understands.
    static func withoutPadding(_ capability: String) -> String {
        let characters = Array(capability)
        var result = ""
        var index = 0
        while index < characters.count {
            if characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "<",
                let end = characters[(index + 2)...].firstIndex(of: ">")
            {
                index = end + 1
                continue
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }
}
