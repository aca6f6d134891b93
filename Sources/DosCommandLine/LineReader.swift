#if canImport(Glibc)
import Glibc
#endif

/// Splits a file descriptor's bytes into numbered lines, a read at a time.
///
/// Each `nextBlock` returns the complete lines that one `read` made available, so a busy pipe
/// yields big batches while a person typing gets every line at once. The lines are ranges of
/// one buffer (no array per line: a publisher copies only the lines it keeps). A line longer
/// than `maximumLineLength` is reported as `.tooLong` and its bytes are dropped without being kept.
public struct LineReader {
    /// One line of a block: where its bytes are, or that it was too long.
    public enum Span: Equatable, Sendable {
        case text(number: Int, range: Range<Int>)
        case tooLong(number: Int)
    }

    /// The lines one read completed, as ranges of `bytes`.
    public struct Block: Sendable {
        public var bytes: [UInt8]
        public var lines: [Span]
    }

    private let descriptor: Int32
    private let maximumLineLength: Int
    /// The start of a line whose end has not been read yet.
    private var partial: [UInt8] = []
    private var skippingLongLine = false
    private var lineNumber = 0
    private var finished = false
    private let chunkSize: Int

    public init(descriptor: Int32, maximumLineLength: Int, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.maximumLineLength = maximumLineLength
        self.chunkSize = chunkSize
    }

    /// The lines completed by the next read; nil at end of input. Throws on a read error.
    public mutating func nextBlock() throws -> Block? {
        guard !finished else { return nil }
        while true {
            // Read straight after the unfinished line, into the block's own buffer (no copy).
            let start = partial.count
            var count = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: start + chunkSize) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                partial.withUnsafeBufferPointer { if let unfinished = $0.baseAddress { base.initialize(from: unfinished, count: start) } }
                count = read(descriptor, base + start, chunkSize)
                initialized = start + max(0, count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw LineReaderError.readFailed(errno: errno)
            }
            if count == 0 { return finish() }
            if let block = split(bytes, newFrom: start), !block.lines.isEmpty { return block }
        }
    }

    /// End of input: the last line, if it had no newline.
    private mutating func finish() -> Block {
        finished = true
        var block = Block(bytes: partial, lines: [])
        if skippingLongLine {
            block.lines.append(.tooLong(number: lineNumber))
        } else if !partial.isEmpty {
            lineNumber += 1
            block.lines.append(.text(number: lineNumber, range: 0..<partial.count))
        }
        partial = []
        return block
    }

    /// The lines `bytes` (the unfinished line, then what was read from `newFrom` on) complete;
    /// nil when they complete none.
    private mutating func split(_ read: [UInt8], newFrom start: Int) -> Block? {
        var bytes = read
        var lines: [Span] = []
        var lineStart = 0
        if skippingLongLine {
            // The unfinished line is being dropped: it ends at the first newline read.
            guard let newline = Self.newline(in: bytes, from: start, to: bytes.count) else { return nil }
            lines.append(.tooLong(number: lineNumber))
            skippingLongLine = false
            lineStart = newline + 1
        }
        partial.removeAll(keepingCapacity: true)
        while let newline = Self.newline(in: bytes, from: lineStart, to: bytes.count) {
            lineNumber += 1
            lines.append(newline - lineStart > maximumLineLength ? .tooLong(number: lineNumber) : .text(number: lineNumber, range: lineStart..<newline))
            lineStart = newline + 1
        }
        if bytes.count - lineStart > maximumLineLength {
            lineNumber += 1
            skippingLongLine = true
        } else {
            partial.append(contentsOf: bytes[lineStart...])
        }
        bytes.removeSubrange(lineStart...)
        guard !lines.isEmpty else { return nil }
        // A read that brought little (a line typed, a slow pipe) keeps only what it holds, not
        // the whole read buffer: a round may keep thousands of blocks.
        if bytes.count < chunkSize / 2 {
            let kept = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: kept.count) { buffer, initialized in
                initialized = buffer.initialize(fromContentsOf: kept)
            }
        }
        return Block(bytes: bytes, lines: lines)
    }

    private static func newline(in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, end - start) else { return nil }
            return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
        }
    }
}

public enum LineReaderError: Error, CustomStringConvertible {
    case readFailed(errno: Int32)

    public var description: String {
        switch self {
        case .readFailed(let code): "reading input failed: \(String(cString: strerror(code)))"
        }
    }
}
