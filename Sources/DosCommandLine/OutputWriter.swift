#if canImport(Glibc)
import Glibc
#endif

/// Buffered writing to a file descriptor; notices when the reader has gone (EPIPE) instead of dying.
public final class OutputWriter {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Set once a write failed (typically: `dos log tail | head` after head exits).
    public private(set) var isBroken = false

    public init(descriptor: Int32, capacity: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    public static func standardOutput() -> OutputWriter { OutputWriter(descriptor: STDOUT_FILENO) }
    public static func standardError() -> OutputWriter { OutputWriter(descriptor: STDERR_FILENO, capacity: 0) }

    public func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    public func write(_ text: String) { write(text.utf8) }

    public func line(_ text: String) {
        write(text.utf8)
        write(CollectionOfOne(0x0A))
    }

    public func flush() {
        guard !isBroken else { buffer.removeAll(); return }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                isBroken = true
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
