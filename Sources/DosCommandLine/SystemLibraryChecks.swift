import CNCurses
import CRdKafka
import Foundation
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Checks of the libraries `dos` loads, reporting the versions actually loaded at run time
/// (not the headers it was compiled against).
public enum SystemLibraryChecks {
    public static func all(environment: [String: String] = ProcessInfo.processInfo.environment) -> [DoctorCheck] {
        [swiftRuntime(), sqlite(), ncurses(terminal: environment["TERM"]), librdkafka()]
    }

    public static func swiftRuntime() -> DoctorCheck {
        let compiler = compilerVersion
        guard let library = loadedLibrary(containing: "swift_retain") else {
            return DoctorCheck(name: "swift runtime", status: .warning, version: compiler, detail: "runtime library path not found")
        }
        return DoctorCheck(name: "swift runtime", status: .ok, version: compiler, detail: "loaded from \(library)")
    }

    public static func sqlite() -> DoctorCheck {
        let version = String(cString: sqlite3_libversion())
        let threadSafe = sqlite3_threadsafe() != 0
        let library = loadedLibrary(containing: "sqlite3_libversion") ?? "unknown path"
        return DoctorCheck(
            name: "sqlite", status: threadSafe ? .ok : .failed, version: version,
            detail: threadSafe ? "loaded from \(library)" : "built without thread safety: the log needs it")
    }

    public static func ncurses(terminal: String?) -> DoctorCheck {
        let version = String(cString: curses_version())
        let library = loadedLibrary(containing: "wget_wch") ?? "unknown path"
        guard let terminal, !terminal.isEmpty else {
            return DoctorCheck(name: "ncurses", status: .warning, version: version, detail: "loaded from \(library); TERM is not set, so the console cannot draw here")
        }
        switch terminal.withCString({ cn_probe_terminal($0) }) {
        case 1:
            return DoctorCheck(name: "ncurses", status: .ok, version: version, detail: "loaded from \(library); terminal \(terminal.debugDescription) known")
        case -1:
            return DoctorCheck(name: "ncurses", status: .warning, version: version, detail: "terminfo database not found for \(terminal.debugDescription)")
        default:
            return DoctorCheck(name: "ncurses", status: .warning, version: version, detail: "terminal \(terminal.debugDescription) unknown to terminfo (try TERM=xterm-256color)")
        }
    }

    public static func librdkafka() -> DoctorCheck {
        let version = String(cString: rd_kafka_version_str())
        let library = loadedLibrary(containing: "rd_kafka_version_str") ?? "unknown path"
        // Making a client handle proves the library is usable; no broker is contacted.
        var error = [CChar](repeating: 0, count: 512)
        guard let configuration = rd_kafka_conf_new() else {
            return DoctorCheck(name: "librdkafka", status: .failed, version: version, detail: "cannot create a configuration")
        }
        // Errors only: a client without brokers otherwise prints a notice on stderr.
        _ = rd_kafka_conf_set(configuration, "log_level", "3", &error, error.count)
        guard let handle = rd_kafka_new(RD_KAFKA_PRODUCER, configuration, &error, error.count)
        else {
            let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return DoctorCheck(name: "librdkafka", status: .failed, version: version, detail: "cannot create a client: \(reason)")
        }
        rd_kafka_destroy(handle)
        return DoctorCheck(name: "librdkafka", status: .ok, version: version, detail: "loaded from \(library)")
    }

    /// The file of the shared library that holds `symbol` in this process, found in /proc/self/maps.
    static func loadedLibrary(containing symbol: String) -> String? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol),
            let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile()  // procfs sizes read as 0
        else { return nil }
        let maps = String(decoding: data, as: UTF8.self)
        let target = UInt(bitPattern: address)
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, let dash = fields[0].firstIndex(of: "-"),
                let start = UInt(fields[0][..<dash], radix: 16),
                let end = UInt(fields[0][fields[0].index(after: dash)...], radix: 16),
                (start..<end).contains(target)
            else { continue }
            return fields[5...].joined(separator: " ")
        }
        return nil
    }

    static var compilerVersion: String {
        #if compiler(>=6.4)
        "Swift 6.4 or newer"
        #elseif compiler(>=6.3)
        "Swift 6.3"
        #elseif compiler(>=6.2)
        "Swift 6.2"
        #elseif compiler(>=6.1)
        "Swift 6.1"
        #else
        "Swift 6.0"
        #endif
    }
}
