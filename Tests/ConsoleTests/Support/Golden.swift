import Foundation
import XCTest

/// Compares a screen with its golden text in `Tests/ConsoleTests/Golden/NAME.txt`.
/// `DOS_UPDATE_GOLDEN=1 swift test --filter ConsoleTests` rewrites them (review the diff!).
func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let folder = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
    let path = folder.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["DOS_UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (text + "\n").write(to: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
        XCTFail("no golden \(name).txt; run with DOS_UPDATE_GOLDEN=1 to write it. Screen:\n\(text)", file: file, line: line)
        return
    }
    if expected != text + "\n" {
        XCTFail("screen differs from golden \(name).txt\n--- expected\n\(expected)--- actual\n\(text)\n", file: file, line: line)
    }
}
