import EventLog
import Foundation
import ServiceKit

/// Runs several services in one process until cancelled. A service whose runner fails (the log
/// went away, the disk filled up) is restarted after a growing pause; it never takes the others
/// down, and the process never exits because of it.
public struct ServiceHost: Sendable {
    let runners: [ServiceRunner]
    let diagnostics: Diagnostics

    public init(runners: [ServiceRunner], diagnostics: Diagnostics) {
        self.runners = runners
        self.diagnostics = diagnostics
    }

    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for runner in runners {
                group.addTask { await keepRunning(runner) }
            }
        }
    }

    private func keepRunning(_ runner: ServiceRunner) async {
        var pause = Duration.milliseconds(100)
        diagnostics.info("\(runner.group): started")
        while !Task.isCancelled {
            do {
                try await runner.run()
            } catch {
                diagnostics.warning("\(runner.group): stopped by \(error); restarting in \(pause)")
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(10))
            }
        }
        diagnostics.info("\(runner.group): stopped")
    }
}
