import Foundation

/// Where the `dos` binary under test is: `DOS_EXECUTABLE`, else beside the test bundle
/// (`swift build --build-tests` puts both in `.build/<configuration>/`).
public enum DosExecutable {
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["DOS_EXECUTABLE"] {
            return URL(fileURLWithPath: path)
        }
        return built("dos")
    }

    /// An executable the same build made (`dos`, `dos-kafka-mock`), found beside the test bundle.
    public static func built(_ name: String) -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        // On Linux the bundle is `.build/debug/<name>.xctest`; on macOS it is a directory tree.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent(name)
    }

    /// Runs `dos` with a regular file on stdin (as `dos … < FILE` does; a pipe reads differently).
    public static func run(_ arguments: [String], inputFile: String, environment: [String: String] = [:]) async throws -> ChildProcess {
        let quoted = ([url.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let child = try ChildProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \(quoted) < '\(inputFile)'"], environment: environment)
        try await child.waitForExit()
        return child
    }

    /// Runs `dos` with `arguments` (and `input` on stdin) to the end.
    public static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) async throws -> ChildProcess {
        let child = try ChildProcess(url, arguments, environment: environment)
        child.feed(Array(input.utf8))
        try await child.waitForExit()
        return child
    }
}
