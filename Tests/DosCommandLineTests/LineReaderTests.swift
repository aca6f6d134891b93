import DosCommandLine
import Foundation
import Testing

@Suite struct LineReaderTests {
    /// Feeds `text` through a real pipe and collects every line the reader reports.
    func lines(of bytes: [UInt8], maximum: Int, chunkSize: Int = 7) throws -> [LineReader.Line] {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        var reader = LineReader(descriptor: pipe.fileHandleForReading.fileDescriptor, maximumLineLength: maximum, chunkSize: chunkSize)
        var lines: [LineReader.Line] = []
        while let chunk = try reader.nextChunk() { lines += chunk }
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
