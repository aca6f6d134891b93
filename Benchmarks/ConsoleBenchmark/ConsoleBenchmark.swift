import BenchmarkSupport
import Foundation

/// `ConsoleBenchmark`: the console with a huge directory — 100,000 services and about a
/// million events — headless and in tmux.
///
///     ConsoleBenchmark [--data DIR] [--runs 3] [--dos PATH] [--tmux PATH] [--work DIR]
///                      [--services 100000] [--providers 2000] [--events 1000000]
///                      [--load-rate 5000] [--load-seconds 20] [--filter-cycles 30]
///                      [--skip-headless] [--skip-tmux]
///     ConsoleBenchmark generate [--data DIR] [--services N] [--providers N] [--events N]
///     ConsoleBenchmark headless --data COPY [...]     one headless run on COPY (appends to it)
///     ConsoleBenchmark tmux --data COPY --dos PATH    one tmux run on COPY (appends to it)
///     ConsoleBenchmark feed --data DIR                 the stream feed alone: read and decode, no UI
///
/// The data set is generated once into `--data` and reused. Each run gets a fresh copy (the load
/// phases append), and each headless run its own process, so start-up and RSS are a new
/// process's. Prints Markdown tables of medians (min–max) for BENCHMARKS.md.
@main
struct ConsoleBenchmark {
    struct Settings {
        var mode = "run"
        var data = "/tmp/dos-console-bench"
        var work = FileManager.default.temporaryDirectory.appendingPathComponent("dos-console-bench-work-\(getpid())").path
        var runs = 3
        var dos = ".build/release/dos"
        var tmux = "tmux"
        var providers = 2_000
        var services = 100_000
        var events = 1_000_000
        var loadRate = 5_000
        var loadSeconds = 20.0
        var filterCycles = 30
        var headless = true
        var inTmux = true
        var startupOnly = false

        var dataSet: DataSet { DataSet(providers: providers, services: services, events: events) }
    }

    static func main() async {
        do {
            let settings = try parse(Array(CommandLine.arguments.dropFirst()))
            switch settings.mode {
            case "generate": try await settings.dataSet.prepare(directory: settings.data)
            case "headless": try emit(try await headless(settings, directory: settings.data))
            case "tmux": try emit(try await inTmux(settings, directory: settings.data))
            case "feed": try emit(try await FeedOnly.measure(directory: settings.data))
            default: try await run(settings)
            }
        } catch {
            Report.note("ConsoleBenchmark: \(error)")
            exit(1)
        }
    }

    static func parse(_ arguments: [String]) throws -> Settings {
        var settings = Settings()
        var remaining = arguments[...]
        if let first = remaining.first, ["run", "generate", "headless", "tmux", "feed"].contains(first) {
            settings.mode = first
            remaining = remaining.dropFirst()
        }
        while let flag = remaining.popFirst() {
            if flag == "--skip-headless" { settings.headless = false; continue }
            if flag == "--skip-tmux" { settings.inTmux = false; continue }
            if flag == "--startup-only" { settings.startupOnly = true; continue }
            guard let value = remaining.popFirst() else { throw BenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--data": settings.data = value
            case "--work": settings.work = value
            case "--runs": settings.runs = try positive(value, flag)
            case "--dos": settings.dos = value
            case "--tmux": settings.tmux = value
            case "--providers": settings.providers = try positive(value, flag)
            case "--services": settings.services = try positive(value, flag)
            case "--events": settings.events = try positive(value, flag)
            case "--load-rate": settings.loadRate = try positive(value, flag)
            case "--load-seconds": settings.loadSeconds = Double(try positive(value, flag))
            case "--filter-cycles": settings.filterCycles = try positive(value, flag)
            default: throw BenchmarkError("unknown option \(flag)")
            }
        }
        return settings
    }

    static func positive(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw BenchmarkError("\(flag) takes a positive whole number") }
        return value
    }

    // MARK: Runs

    static func run(_ settings: Settings) async throws {
        Report.note("machine: \(MachineDescription.current)")
        try await settings.dataSet.prepare(directory: settings.data)
        try FileManager.default.createDirectory(atPath: settings.work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: settings.work) }
        let copy = (settings.work as NSString).appendingPathComponent("data")
        let checkpoint = try await CheckpointPrep.prepare(directory: settings.data)
        // From the checkpoint (every start after the first on a log), with every phase; then
        // without one (the first start), to the first full frame only.
        var headlessRuns: [[String: Double]] = [], headlessColdRuns: [[String: Double]] = []
        var tmuxRuns: [[String: Double]] = [], tmuxColdRuns: [[String: Double]] = []
        if settings.headless {
            let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            for cold in [false, true] {
                for run in 1...settings.runs {
                    Report.note("headless run \(run) of \(settings.runs)\(cold ? ", no checkpoint" : "")")
                    try DataSet.copy(from: settings.data, to: copy, withCheckpoint: !cold)
                    let output = try Launch.output(executable, [
                        "headless", "--data", copy, "--load-rate", String(settings.loadRate),
                        "--load-seconds", String(Int(settings.loadSeconds)), "--filter-cycles", String(settings.filterCycles),
                    ] + (cold ? ["--startup-only"] : []))
                    guard output.status == 0, let line = output.text.split(separator: "\n").last else {
                        throw BenchmarkError("headless run \(run) failed (\(output.status))")
                    }
                    if cold { headlessColdRuns.append(try decode(String(line))) } else { headlessRuns.append(try decode(String(line))) }
                }
            }
        }
        if settings.inTmux {
            for cold in [false, true] {
                for run in 1...settings.runs {
                    Report.note("tmux run \(run) of \(settings.runs)\(cold ? ", no checkpoint" : "")")
                    try DataSet.copy(from: settings.data, to: copy, withCheckpoint: !cold)
                    var runSettings = settings
                    runSettings.startupOnly = cold
                    let metrics = try await inTmux(runSettings, directory: copy)
                    if cold { tmuxColdRuns.append(metrics) } else { tmuxRuns.append(metrics) }
                }
            }
        }
        try? FileManager.default.removeItem(atPath: copy)
        print("machine: \(MachineDescription.current)")
        print("data: \(settings.providers) providers, \(settings.services) services, \(settings.dataSet.records) events; load \(settings.loadRate) events/s for \(Int(settings.loadSeconds)) s")
        print("checkpoint: \(checkpoint)")
        if !headlessRuns.isEmpty { Report.table("Headless (in-process, 200×50 frames, no curses), from the checkpoint", rows: Report.headlessRows, runs: headlessRuns) }
        if !headlessColdRuns.isEmpty { Report.table("Headless, no checkpoint (the first start on this log)", rows: Report.headlessRows, runs: headlessColdRuns) }
        if !tmuxRuns.isEmpty { Report.table("In tmux (`dos console`, 200×50), from the checkpoint", rows: Report.tmuxRows, runs: tmuxRuns) }
        if !tmuxColdRuns.isEmpty { Report.table("In tmux, no checkpoint (the first start on this log)", rows: Report.tmuxRows, runs: tmuxColdRuns) }
    }

    static func manifest(_ directory: String) throws -> DataSet {
        let path = (directory as NSString).appendingPathComponent(DataSet.manifestName)
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchmarkError("\(path): no data set here (run generate)") }
        return try JSONDecoder().decode(DataSet.self, from: data)
    }

    static func headless(_ settings: Settings, directory: String) async throws -> [String: Double] {
        let run = HeadlessRun(
            directory: directory, dataSet: try manifest(directory), loadRate: settings.loadRate,
            loadSeconds: settings.loadSeconds, filterCycles: settings.filterCycles,
            checkpoint: true, startupOnly: settings.startupOnly)
        return try await run.run()
    }

    static func inTmux(_ settings: Settings, directory: String) async throws -> [String: Double] {
        guard let tmux = Launch.which(settings.tmux) else { throw BenchmarkError("tmux not found (scripts/setup.sh installs it)") }
        let dos = settings.dos.hasPrefix("/") ? settings.dos : FileManager.default.currentDirectoryPath + "/" + settings.dos
        guard FileManager.default.isExecutableFile(atPath: dos) else { throw BenchmarkError("\(dos): no dos binary (swift build -c release --product dos)") }
        let work = (settings.work as NSString).appendingPathComponent("tmux")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let run = TmuxRun(
            dos: dos, tmux: tmux, directory: directory, work: work, dataSet: try manifest(directory), loadRate: settings.loadRate,
            loadSeconds: settings.loadSeconds, filterCycles: max(1, settings.filterCycles / 3), startupOnly: settings.startupOnly)
        return try await run.run()
    }

    // MARK: Results between processes (one JSON line; NaN written as a string)

    static func emit(_ metrics: [String: Double]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        print(String(decoding: try encoder.encode(metrics), as: UTF8.self))
    }

    static func decode(_ line: String) throws -> [String: Double] {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode([String: Double].self, from: Data(line.utf8))
    }
}

/// One line about the machine the figures come from.
enum MachineDescription {
    static var current: String {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(String(format: "%.0f", memory)) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
    }
}
