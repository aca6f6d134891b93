import DosCommandLine
import Foundation
import Testing
import TestSupport

@Suite struct DoctorCommandTests {
    @Test func reportsEveryLoadedLibraryAndTheDataDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-doctor-\(UUID().uuidString)").path
        let doctor = try await DosExecutable.run(
            ["doctor", "--data-dir", directory, "--output", "json"],
            environment: ["TERM": "xterm-256color", "XDG_STATE_HOME": directory + "/state"])
        #expect(doctor.exitStatus == 0, "doctor failed: \(doctor.standardOutput) \(doctor.standardError)")
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(doctor.standardOutput.utf8))
        let byName = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0) })
        #expect(Set(byName.keys) == ["swift runtime", "sqlite", "ncurses", "librdkafka", "data directory", "log file"])
        #expect(byName["log file"]?.detail == directory + "/state/dos/dos.log")
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
