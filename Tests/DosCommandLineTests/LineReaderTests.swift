import DosCommandLine
import Foundation
import Testing

@Suite struct LineReaderTests {
    /// A line as the tests compare them: its number and bytes, or that it was too long.
    enum Line: Equatable {
        case text(number: Int, bytes: [UInt8])
        case tooLong(number: Int)
    }

    /// Feeds `text` through a real pipe and collects every line the reader reports.
    func lines(of bytes: [UInt8], maximum: Int, chunkSize: Int = 7) throws -> [Line] {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        var reader = LineReader(descriptor: pipe.fileHandleForReading.fileDescriptor, maximumLineLength: maximum, chunkSize: chunkSize)
        var lines: [Line] = []
        while let block = try reader.nextBlock() {
            for span in block.lines {
                switch span {
                case .text(let number, let range): lines.append(.text(number: number, bytes: Array(block.bytes[range])))
                case .tooLong(let number): lines.append(.tooLong(number: number))
                }
            }
        }
        return lines
    }

    @Test func numbersLinesAcrossChunkBoundaries() throws {
        let result = try lines(of: Array("first line\nsecond\n\nlast without newline".utf8), maximum: 100)
        #expect(result == [
            .text(number: 1, bytes: Array("first line".utf8)),
            .text(number: 2, bytes: Array("second".utf8)),
            .text(number: 3, bytes: []),
            .text(number: 4, bytes: Array("last without newline".utf8)),
        ])
    }

    @Test func reportsTooLongLinesWithoutKeepingThemAndCarriesOn() throws {
        let long = String(repeating: "x", count: 50)
        let result = try lines(of: Array("ok\n\(long)\nafter\n\(long)".utf8), maximum: 10)
        #expect(result == [
            .text(number: 1, bytes: Array("ok".utf8)),
            .tooLong(number: 2),
            .text(number: 3, bytes: Array("after".utf8)),
            .tooLong(number: 4),
        ])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try lines(of: [], maximum: 10).isEmpty)
    }
}
