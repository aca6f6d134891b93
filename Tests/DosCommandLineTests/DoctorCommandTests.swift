import DosCommandLine
import Foundation
import Testing
import TestSupport

@Suite struct DoctorCommandTests {
    @Test func reportsEveryLoadedLibraryAndTheDataDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-doctor-\(UUID().uuidString)").path
        let doctor = try await DosExecutable.run(
            ["doctor", "--data-dir", directory, "--output", "json"],
            environment: ["TERM": "xterm-256color", "XDG_STATE_HOME": directory + "/state", "XDG_CONFIG_HOME": directory + "/config"])
        #expect(doctor.exitStatus == 0, "doctor failed: \(doctor.standardOutput) \(doctor.standardError)")
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(doctor.standardOutput.utf8))
        let byName = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0) })
        #expect(Set(byName.keys) == ["swift runtime", "sqlite", "ncurses", "librdkafka", "data directory", "log file", "console config", "console themes", "console checkpoint"])
        #expect(byName["log file"]?.detail == directory + "/state/dos/dos.log")
        // The paths the console actually uses: its config (absent: defaults) and theme folders.
        #expect(byName["console config"]?.detail == directory + "/config/dos/config.yaml (not there: defaults in use)")
        #expect(byName["console themes"]?.detail.contains("default-dark, high-contrast, light, monochrome") == true)
        #expect(byName["console themes"]?.detail.contains(directory + "/config/dos/themes") == true)
        #expect(byName["console checkpoint"]?.detail == directory + "/console-checkpoint.sqlite (none yet: the next console start reads the whole log)")
        #expect(byName["sqlite"]?.version?.hasPrefix("3.") == true)
        #expect(byName["ncurses"]?.version?.hasPrefix("ncurses 6") == true)
        #expect(byName["librdkafka"]?.version?.isEmpty == false)
        #expect(byName["swift runtime"]?.detail.contains("libswiftCore") == true)
        #expect(byName["data directory"]?.status == .ok)
        #expect(byName["data directory"]?.detail.contains(directory) == true)
        #expect(byName["data directory"]?.detail.contains("journal wal") == true)
        #expect(!doctor.standardError.contains("CONFWARN"), "librdkafka chatter leaked onto stderr")
    }

    @Test func failsWhenTheDataDirectoryCannotBeUsed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dos-doctor-file-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("not a directory".utf8)))
        let doctor = try await DosExecutable.run(["doctor", "--data-dir", file])
        #expect(doctor.exitStatus == 1)
        #expect(doctor.standardOutput.contains("failed  data directory"))
    }

    @Test func textReportAlignsColumns() {
        let report = DoctorReport(checks: [
            DoctorCheck(name: "a", status: .ok, version: "1", detail: "fine"),
            DoctorCheck(name: "longer name", status: .failed, version: nil, detail: "broken"),
        ])
        #expect(report.text == "ok      a            1  fine\nfailed  longer name  -  broken")
        #expect(report.hasFailures)
    }
}

@Suite struct DoctorConsoleConfigTests {
    @Test func aBadConsoleConfigIsAWarningNamingTheFileAndKey() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-doctor-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/config/dos", withIntermediateDirectories: true)
        try "theme: light\nreview_after_days: zero\n".write(toFile: directory + "/config/dos/config.yaml", atomically: true, encoding: .utf8)
        let doctor = try await DosExecutable.run(
            ["doctor", "--data-dir", directory + "/data", "--output", "json"],
            environment: ["XDG_STATE_HOME": directory + "/state", "XDG_CONFIG_HOME": directory + "/config"])
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(doctor.standardOutput.utf8))
        let config = try #require(report.checks.first { $0.name == "console config" })
        #expect(config.status == .warning)
        #expect(config.detail.contains(directory + "/config/dos/config.yaml"))
        #expect(config.detail.contains("review_after_days"))
    }
}
