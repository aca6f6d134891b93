import ConsoleKit
import DosCommandLine
import Foundation
import Model

/// What `dos doctor` says about the console: the config file and theme folders actually used.
public enum ConsoleDoctor {
    public static func checks(configPath explicitPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> [DoctorCheck] {
        let path = explicitPath ?? ConsoleConfig.defaultPath(environment: environment)
        var checks: [DoctorCheck] = []
        if !FileManager.default.fileExists(atPath: path) {
            checks.append(DoctorCheck(name: "console config", status: .ok, detail: "\(path) (not there: defaults in use)"))
        } else {
            do {
                let config = try ConsoleConfig.load(file: path)
                let detail = "\(path): theme \(config.theme ?? Theme.defaultName), readonly \(config.readOnly), mouse \(config.mouse), "
                    + "review after \(config.reviewAfterDays) days, \(config.keys.count) key override(s)"
                do {
                    _ = try Keymap(overrides: config.keys)
                    checks.append(DoctorCheck(name: "console config", status: .ok, detail: detail))
                } catch {
                    checks.append(DoctorCheck(name: "console config", status: .warning, detail: "\(path): \(error)"))
                }
            } catch {
                checks.append(DoctorCheck(name: "console config", status: .warning, detail: "\(error) — the console uses the defaults"))
            }
        }
        let directories = ThemeLoader.searchDirectories(environment: environment, executablePath: ThemeLoader.currentExecutablePath())
        let names = ThemeLoader.available(in: directories)
        let existing = directories.filter { FileManager.default.fileExists(atPath: $0) }
        checks.append(DoctorCheck(
            name: "console themes", status: .ok,
            detail: "\(names.joined(separator: ", ")) from \(existing.isEmpty ? "the built-in themes only" : existing.joined(separator: ", "))"
                + (directories.count > existing.count ? " (also searched: \(directories.filter { !existing.contains($0) }.joined(separator: ", ")))" : "")))
        return checks
    }

    /// The console's checkpoint beside the log: when it was saved and what it holds.
    public static func checkpointCheck(_ store: CheckpointStore) async -> DoctorCheck {
        guard FileManager.default.fileExists(atPath: store.path) else {
            return DoctorCheck(name: "console checkpoint", status: .ok, detail: "\(store.path) (none yet: the next console start reads the whole log)")
        }
        do {
            guard let checkpoint = try await store.load() else {
                return DoctorCheck(name: "console checkpoint", status: .ok, detail: "\(store.path) (another format: the next start rebuilds it)")
            }
            let saved = Timestamp.string(from: checkpoint.savedAt)
            return DoctorCheck(
                name: "console checkpoint", status: .ok,
                detail: "\(store.path): saved \(saved), \(checkpoint.entries.count) entr\(checkpoint.entries.count == 1 ? "y" : "ies"), "
                    + "\(checkpoint.sagas.count) saga\(checkpoint.sagas.count == 1 ? "" : "s")")
        } catch {
            return DoctorCheck(name: "console checkpoint", status: .warning, detail: "\(error) — the next start reads the whole log")
        }
    }
}
