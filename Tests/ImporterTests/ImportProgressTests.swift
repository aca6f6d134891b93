import Foundation
import Testing
import TestSupport
@testable import Importer

/// The progress of `dos import`: a bar redrawn in place on a real terminal (tmux), plain lines
/// when standard error is a file or a pipe.
@Suite(.serialized) struct ImportProgressTests {
    @Test func aTerminalGetsABarAndAPipeGetsLines() async throws {
        try await ImportTestDirectory.with { directory in
            let example = ImportTestDirectory.examples.appendingPathComponent("hsds-3.0/service_full.json").path
            let tmux = try TmuxSession(
                command: [DosExecutable.url.path, "import", example, "--data-dir", directory.path, "--timeout", "60"],
                environment: ["XDG_STATE_HOME": directory.path + "/state"], width: 120, height: 40)
            defer { tmux.kill() }
            #expect(try tmux.waitForExit(timeout: .seconds(60)) == 0)
            let screen = try tmux.capture()
            #expect(screen.contains("[==============================] 8/8 publishing 8 changes"), "\(screen)")
            #expect(screen.contains("entries: 8 created"), "\(screen)")
            // Redrawn in place: one bar line, not one per step.
            #expect(screen.components(separatedBy: "] ").filter { $0.hasSuffix("=") || $0.hasSuffix(" ") }.count <= 2, "\(screen)")

            // Not a terminal: a line per phase, and the publishing phase in tenths.
            let other = ImportTestDirectory.examples.appendingPathComponent("oruk-3.0/service_full.json").path
            let piped = try await directory.importing(other)
            let lines = piped.process.standardError.split(separator: "\n")
            #expect(lines.contains("dos import: reading \(other)"))
            #expect(lines.contains("dos import: reading the directory"))
            let publishing = lines.filter { $0.hasPrefix("dos import: publishing ") }
            #expect(publishing.count >= 2, "\(piped.process.standardError)")
            #expect(publishing.last.map { line in
                let counts = line.split(separator: " ").last?.split(separator: "/") ?? []
                return counts.count == 2 && counts[0] == counts[1]
            } == true, "the last progress line says all is done: \(publishing)")
            #expect(!piped.process.standardError.contains("\r"), "no carriage returns when standard error is a pipe")
        }
    }
}
