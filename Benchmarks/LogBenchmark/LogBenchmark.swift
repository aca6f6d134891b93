import BenchmarkSupport
import Foundation

/// `LogBenchmark`: the embedded log's throughput and delivery delay, beside the `sqlite3` tool.
///
///     LogBenchmark [--events 1000000] [--single-events 1000000] [--runs 3] [--latency-events 2000]
///                  [--ids uuidv7|random] [--batch-size 1000] [--work DIR] [--skip-reference]
///
/// Prints a Markdown table of medians (with min–max) ready for BENCHMARKS.md.
/// `LogBenchmark export LINES SQL COUNT` writes the same events as JSON lines and as an sqlite3 script.
@main
struct LogBenchmark {
    struct Settings {
        var events = 1_000_000
        var singleEvents = 1_000_000
        var runs = 3
        var latencyEvents = 2_000
        var batchSize = 1_000
        var work = FileManager.default.temporaryDirectory.appendingPathComponent("dos-bench-\(getpid())").path
        var skipReference = false
        var ids = Workload.IDs.timeOrdered
    }

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if arguments.first == "subscribe", arguments.count == 4, let count = Int(arguments[3]) {
                try await DeliveryDelay.subscribe(directory: arguments[1], topic: arguments[2], count: count)
                return
            }
            // Inputs for timing whole processes: `dos log publish < lines` against `sqlite3 db < script`.
            if arguments.first == "export", arguments.count == 4, let count = Int(arguments[3]) {
                let workload = Workload(ids: .timeOrdered)
                try SQLiteReference.writeLines(to: arguments[1], count: count, workload: workload)
                try SQLiteReference.writeInsertScript(to: arguments[2], count: count, workload: workload)
                return
            }
            try await run(parse(arguments))
        } catch {
            FileHandle.standardError.write(Data("LogBenchmark: \(error)\n".utf8))
            exit(1)
        }
    }

    static func parse(_ arguments: [String]) throws -> Settings {
        var settings = Settings()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--skip-reference" { settings.skipReference = true; continue }
            guard let value = remaining.popFirst() else { throw BenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--events": settings.events = try number(value, flag)
            case "--single-events": settings.singleEvents = try number(value, flag)
            case "--runs": settings.runs = try number(value, flag)
            case "--latency-events": settings.latencyEvents = try number(value, flag)
            case "--batch-size": settings.batchSize = try number(value, flag)
            case "--work": settings.work = value
            case "--ids":
                guard let ids = Workload.IDs(rawValue: value) else { throw BenchmarkError("--ids takes uuidv7 or random") }
                settings.ids = ids
            default: throw BenchmarkError("unknown option \(flag)")
            }
        }
        return settings
    }

    static func number(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw BenchmarkError("\(flag) takes a positive whole number") }
        return value
    }

    static func run(_ settings: Settings) async throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: settings.work, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(atPath: settings.work) }
        func freshDirectory(_ name: String) -> String {
            let path = (settings.work as NSString).appendingPathComponent(name)
            try? fileManager.removeItem(atPath: path)
            return path
        }
        report("machine: \(MachineDescription.current)")
        let workload = Workload(ids: settings.ids)
        report("events: \(settings.events) of about \(workload.event(0).line.utf8.count) bytes, \(settings.ids.rawValue) ids; runs: \(settings.runs); batch: \(settings.batchSize)")

        var batched: [Double] = [], reads: [Double] = [], singles: [Double] = []
        var p50s: [Double] = [], p99s: [Double] = [], maxima: [Double] = []
        var referenceInserts: [Double] = [], referenceReads: [Double] = []
        let readDirectory = freshDirectory("read")
        for run in 1...settings.runs {
            let directory = run == settings.runs ? readDirectory : freshDirectory("batched-\(run)")
            batched.append(try await LogPhases.batchedAppend(directory: directory, count: settings.events, batchSize: settings.batchSize, workload: workload))
            report("run \(run): batched append \(Int(batched.last ?? 0)) events/s")
            if directory != readDirectory { try? fileManager.removeItem(atPath: directory) }
        }
        for run in 1...settings.runs {
            reads.append(try await LogPhases.readAndDecode(directory: readDirectory, expected: settings.events))
            report("run \(run): read and decode \(Int(reads.last ?? 0)) events/s")
        }
        for run in 1...settings.runs {
            let directory = freshDirectory("single-\(run)")
            singles.append(try await LogPhases.singleAppends(directory: directory, count: settings.singleEvents, workload: workload))
            report("run \(run): single appends \(Int(singles.last ?? 0)) events/s")
            try? fileManager.removeItem(atPath: directory)
        }
        for run in 1...settings.runs {
            let delay = try await DeliveryDelay.measure(directory: freshDirectory("latency-\(run)"), count: settings.latencyEvents, interval: .milliseconds(2))
            p50s.append(delay.p50Microseconds)
            p99s.append(delay.p99Microseconds)
            maxima.append(delay.maxMicroseconds)
            report("run \(run): delivery delay p50 \(Int(delay.p50Microseconds)) µs, p99 \(Int(delay.p99Microseconds)) µs")
        }
        if !settings.skipReference {
            let script = (settings.work as NSString).appendingPathComponent("reference.sql")
            try SQLiteReference.writeInsertScript(to: script, count: settings.events, workload: workload)
            let database = (settings.work as NSString).appendingPathComponent("reference.sqlite")
            for run in 1...settings.runs {
                referenceInserts.append(Double(settings.events) / (try SQLiteReference.insert(database: database, script: script)))
                referenceReads.append(Double(settings.events) / (try SQLiteReference.read(database: database)))
                report("run \(run): sqlite3 insert \(Int(referenceInserts.last ?? 0)) rows/s, read \(Int(referenceReads.last ?? 0)) rows/s")
            }
        }

        print("")
        print("| measure | median | min – max | sqlite3 CLI median | ours / sqlite3 |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print(row("batched append (events/s, batches of \(settings.batchSize))", batched, reference: referenceInserts))
        print(row("single appends (events/s, one transaction each)", singles, reference: referenceInserts))
        print(row("full read with envelope decoding (events/s)", reads, reference: referenceReads))
        print(row("cross-process delivery delay p50 (µs)", p50s, reference: []))
        print(row("cross-process delivery delay p99 (µs)", p99s, reference: []))
        print(row("cross-process delivery delay max (µs)", maxima, reference: []))
    }

    static func row(_ name: String, _ values: [Double], reference: [Double]) -> String {
        let median = Statistics.median(values)
        let range = "\(format(values.min() ?? .nan)) – \(format(values.max() ?? .nan))"
        guard !reference.isEmpty else { return "| \(name) | \(format(median)) | \(range) | | |" }
        let referenceMedian = Statistics.median(reference)
        return "| \(name) | \(format(median)) | \(range) | \(format(referenceMedian)) | \(String(format: "%.2f", median / referenceMedian)) |"
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// One line about the machine the figures come from.
enum MachineDescription {
    static var current: String {
        let cpuInfo = (FileHandle(forReadingAtPath: "/proc/cpuinfo")?.readDataToEndOfFile()).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(String(format: "%.0f", memory)) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
    }
}
