import Foundation
import ServiceKit
import Synchronization

/// Appends timestamped lines to dos's log file; what services report goes here, never to a screen.
public final class LogFile: Sendable {
    public let path: String
    private let handle: Mutex<FileHandle?>

    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        _ = try? handle.seekToEnd()
        self.path = path
        self.handle = Mutex(handle)
    }

    public func write(_ line: String) {
        let stamped = "\(Date().formatted(.iso8601)) [\(getpid())] \(line)\n"
        handle.withLock { _ = try? $0?.write(contentsOf: Data(stamped.utf8)) }
    }

    public var diagnostics: Diagnostics { Diagnostics { [self] in write($0) } }
}
