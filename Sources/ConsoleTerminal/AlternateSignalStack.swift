#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stack for signal handlers on the installing thread (the UI thread), so a stack overflow
/// there can still run the crash handler and restore the terminal.
enum AlternateSignalStack {
    /// Gives the calling thread an alternate signal stack unless it has one (the Swift runtime
    /// may have set one up already). The memory lives as long as the process.
    static func ensure() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&stack, nil) != 0 { free(memory) }
    }
}
