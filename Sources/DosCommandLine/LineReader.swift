#if canImport(Glibc)
import Glibc
#endif

/// Splits a file descriptor's bytes into numbered lines, a chunk at a time.
///
/// Each `nextChunk` returns the complete lines that one `read` made available, so a busy pipe
/// yields big batches while a person typing gets every line at once. A line longer than
/// `maximumLineLength` is reported as `.tooLong` and its bytes are dropped without being kept.
public struct LineReader {
    public enum Line: Equatable {
        case text(number: Int, bytes: [UInt8])
        case tooLong(number: Int)
    }

    private let descriptor: Int32
    private let maximumLineLength: Int
    private var buffer: [UInt8] = []
    private var skippingLongLine = false
    private var lineNumber = 0
    private var finished = false
    private var chunk: [UInt8]

    public init(descriptor: Int32, maximumLineLength: Int, chunkSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.maximumLineLength = maximumLineLength
        chunk = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The lines completed by the next read; nil at end of input. Throws on a read error.
    public mutating func nextChunk() throws -> [Line]? {
        guard !finished else { return nil }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LineReaderError.readFailed(errno: errno)
            }
            if count == 0 {
                finished = true
                var lines: [Line] = []
                if skippingLongLine {
                    lines.append(.tooLong(number: lineNumber))
                } else if !buffer.isEmpty {
                    lineNumber += 1
                    lines.append(.text(number: lineNumber, bytes: buffer))
                }
                buffer.removeAll()
                return lines
            }
            let lines = split(chunk[0..<count])
            if !lines.isEmpty { return lines }
        }
    }

    private mutating func split(_ bytes: ArraySlice<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            if skippingLongLine {
                lines.append(.tooLong(number: lineNumber))
                skippingLongLine = false
            } else {
                lineNumber += 1
                buffer.append(contentsOf: bytes[start..<newline])
                lines.append(buffer.count > maximumLineLength ? .tooLong(number: lineNumber) : .text(number: lineNumber, bytes: buffer))
            }
            buffer.removeAll(keepingCapacity: true)
            start = newline + 1
        }
        if !skippingLongLine {
            buffer.append(contentsOf: bytes[start...])
            if buffer.count > maximumLineLength {
                lineNumber += 1
                skippingLongLine = true
                buffer.removeAll()
            }
        }
        return lines
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
