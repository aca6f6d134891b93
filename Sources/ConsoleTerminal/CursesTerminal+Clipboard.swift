#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesTerminal {
    /// Puts `text` on the user's clipboard through the terminal (OSC 52), which works over SSH
    /// and needs no clipboard tool. Terminals that do not support it ignore the sequence.
    public func copyToClipboard(_ text: String) {
        guard !isRestored else { return }
        TerminalOutput.writeAll(ClipboardSequence.bytes(for: text, insideTmux: insideTmux), to: STDOUT_FILENO)
    }
}
