import DosCommandLine
import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import ServiceKit

/// `PipelineBenchmark`: commands in, readable views out, on the embedded log.
///
///     PipelineBenchmark [--commands 20000] [--runs 3] [--latency-commands 1000] [--dos PATH]
///
/// Throughput: create commands published in batches of 100 while the services run — all in this
/// process, then each in its own `dos serve` process — timed until the last view is on the views
/// topic. Latency: one command every 5 ms (200/s); the delay from publishing a command to its
/// view being readable, taken by a follower of the views topic.
@main
struct PipelineBenchmark {
    struct Settings {
        var commands = 20_000
        var runs = 3
        var latencyCommands = 1_000
        var dos = "dos"
    }

    static func main() async {
        do {
            let settings = try parse(Array(CommandLine.arguments.dropFirst()))
            try await run(settings)
        } catch {
            FileHandle.standardError.write(Data("PipelineBenchmark: \(error)\n".utf8))
            exit(1)
        }
    }

    static func parse(_ arguments: [String]) throws -> Settings {
        var settings = Settings()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw PipelineError("\(flag) needs a value") }
            switch flag {
            case "--commands": settings.commands = try positive(value, flag)
            case "--runs": settings.runs = try positive(value, flag)
            case "--latency-commands": settings.latencyCommands = try positive(value, flag)
            case "--dos": settings.dos = value
            default: throw PipelineError("unknown option \(flag)")
            }
        }
        return settings
    }

    static func positive(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw PipelineError("\(flag) takes a positive whole number") }
        return value
    }

    static func run(_ settings: Settings) async throws {
        var inProcess: [Double] = [], separate: [Double] = [], p50s: [Double] = [], p99s: [Double] = []
        for run in 1...settings.runs {
            inProcess.append(try await Throughput.measure(commands: settings.commands, services: .inProcess))
            report("run \(run): in one process \(Int(inProcess.last ?? 0)) commands/s")
            separate.append(try await Throughput.measure(commands: settings.commands, services: .processes(settings.dos)))
            report("run \(run): one process per service \(Int(separate.last ?? 0)) commands/s")
            let latency = try await Latency.measure(commands: settings.latencyCommands)
            p50s.append(latency.p50)
            p99s.append(latency.p99)
            report("run \(run): latency p50 \(String(format: "%.1f", latency.p50)) ms, p99 \(String(format: "%.1f", latency.p99)) ms")
        }
        print("| measure | median | min – max |")
        print("| --- | ---: | ---: |")
        for (name, values) in [
            ("commands → views, services in one process (commands/s)", inProcess),
            ("commands → views, one process per service (commands/s)", separate),
            ("command → view latency at 200/s, p50 (ms)", p50s),
            ("command → view latency at 200/s, p99 (ms)", p99s),
        ] {
            let sorted = values.sorted()
            let median = sorted[sorted.count / 2]
            print("| \(name) | \(format(median)) | \(format(sorted.first ?? 0)) – \(format(sorted.last ?? 0)) |")
        }
    }

    static func format(_ value: Double) -> String { value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value) }

    static func report(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}

struct PipelineError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
