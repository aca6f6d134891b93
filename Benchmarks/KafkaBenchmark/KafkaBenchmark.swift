import BenchmarkSupport
import EventLog
import EventLogKafka
import Events
import Foundation

/// `KafkaBenchmark`: dos against kcat on the same broker and topic layout.
///
///     KafkaBenchmark [--events 1000000] [--runs 3] [--dos PATH] [--tansu PATH] [--mock PATH]
///                    [--sagas 5000]
///     KafkaBenchmark consume --brokers B --topic T --count N    one of "ours" consume runs
///
/// 1. Starts Tansu (memory) on a free port, writes `--events` CloudEvents of about 300 bytes to
///    a file, and in each run, on fresh topics of three partitions: produces them with
///    `dos log publish` and with `kcat -P` (idempotent, acks=all, linger 5 ms), then reads them
///    back with this program's consume mode (a dos reader decoding every envelope) and with
///    `kcat -C`. The order of the two tools alternates from run to run.
/// 2. Saga throughput: librdkafka's mock cluster (Tansu's group coordinator loses a departed
///    leader), the four services as separate `dos serve` processes, `dos apply` of `--sagas`
///    providers, timed until every saga has completed.
@main
struct KafkaBenchmark {
    struct Settings {
        var events = 1_000_000
        var runs = 3
        var sagas = 5_000
        var dos = ".build/release/dos"
        var tansu = ".venv-kafka/bin/tansu"
        var mock = ".build/release/dos-kafka-mock"
        var mode = "run"
        var brokers = ""
        var topic = ""
        var count = 0
    }

    static func main() async {
        do {
            let settings = try parse(Array(CommandLine.arguments.dropFirst()))
            if settings.mode == "consume" {
                try await consume(brokers: settings.brokers, topic: settings.topic, count: settings.count)
            } else {
                try await run(settings)
            }
        } catch {
            note("KafkaBenchmark: \(error)")
            exit(1)
        }
    }

    static func parse(_ arguments: [String]) throws -> Settings {
        var settings = Settings()
        var remaining = arguments[...]
        if remaining.first == "consume" {
            settings.mode = "consume"
            remaining = remaining.dropFirst()
        }
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw LaunchError("\(flag) needs a value") }
            switch flag {
            case "--events": settings.events = Int(value) ?? settings.events
            case "--runs": settings.runs = Int(value) ?? settings.runs
            case "--sagas": settings.sagas = Int(value) ?? settings.sagas
            case "--dos": settings.dos = value
            case "--tansu": settings.tansu = value
            case "--mock": settings.mock = value
            case "--brokers": settings.brokers = value
            case "--topic": settings.topic = value
            case "--count": settings.count = Int(value) ?? 0
            default: throw LaunchError("unknown option \(flag)")
            }
        }
        return settings
    }

    static func note(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Runs a shell command line (for redirections); fails on a non-zero status.
    static func shell(_ line: String) throws {
        let status = try Launch.run("/bin/sh", ["-c", line])
        guard status == 0 else { throw LaunchError("\(line): exit \(status)") }
    }

    // MARK: Consume (ours): every envelope decoded

    static func consume(brokers: String, topic: String, count: Int) async throws {
        let log = try KafkaEventLog(settings: KafkaSettings(brokers: brokers, partitions: 3))
        let reader = try await log.reader(topics: [topic], from: .beginning)
        var read = 0, undecodable = 0
        while read < count {
            let batch = try await reader.poll(maxRecords: 10_000, timeout: .seconds(10))
            if batch.isEmpty { throw LaunchError("consume: stopped at \(read) of \(count)") }
            // Decoded on both cores, as the console's feed decodes a long replay.
            undecodable += await withTaskGroup(of: Int.self) { group in
                let half = batch.count / 2
                for part in [batch[..<half], batch[half...]] {
                    group.addTask {
                        part.reduce(0) { failed, record in
                            if case .failure = CloudEventCodec.decode(record.payload) { return failed + 1 }
                            return failed
                        }
                    }
                }
                return await group.reduce(0, +)
            }
            read += batch.count
        }
        await reader.close()
        await log.close()
        guard undecodable == 0 else { throw LaunchError("consume: \(undecodable) undecodable envelopes") }
    }

    // MARK: The run

    static func run(_ settings: Settings) async throws {
        guard let kcat = Launch.which("kcat") else { throw LaunchError("kcat not found (scripts/setup.sh installs it)") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dos-kafka-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let events = (work as NSString).appendingPathComponent("events.jsonl")
        try writeEvents(settings.events, to: events)
        let self_ = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

        let port = 19_400 + Int(getpid() % 500)
        let brokers = "127.0.0.1:\(port)"
        let url = "tcp://\(brokers)"
        let tansu = try Background(settings.tansu, ["broker", "--listener-url", url, "--advertised-listener-url", url, "--silent"])
        defer { tansu.stop() }
        try await Task.sleep(for: .seconds(1))
        let admin = try KafkaEventLog(settings: KafkaSettings(brokers: brokers, partitions: 3))

        var produce: [String: [Double]] = [:], consume: [String: [Double]] = [:]
        for run in 1...settings.runs {
            let ours = "bench.dos.\(run)", theirs = "bench.kcat.\(run)"
            try await admin.createTopics([ours, theirs])
            let kcatProduce = "\(kcat) -P -b \(brokers) -t \(theirs) -l -X enable.idempotence=true -X acks=all -X linger.ms=5 \(events) 2>/dev/null"
            let dosProduce = "\(settings.dos) log publish --brokers \(brokers) --data-dir \(work)/data --topic \(ours) --quiet < \(events)"
            let kcatConsume = "\(kcat) -C -b \(brokers) -t \(theirs) -o beginning -c \(settings.events) -q > /dev/null 2>&1"
            let dosConsume = "\(self_) consume --brokers \(brokers) --topic \(ours) --count \(settings.events)"
            // Alternate which goes first: the broker's memory grows as the run goes on.
            let order = run % 2 == 1 ? [("dos", dosProduce, dosConsume), ("kcat", kcatProduce, kcatConsume)]
                : [("kcat", kcatProduce, kcatConsume), ("dos", dosProduce, dosConsume)]
            for (tool, producing, _) in order { produce[tool, default: []].append(try seconds { try shell(producing) }) }
            for (tool, _, consuming) in order { consume[tool, default: []].append(try seconds { try shell(consuming) }) }
            note("run \(run): produce dos \(format(produce["dos"]?.last)) s, kcat \(format(produce["kcat"]?.last)) s; "
                + "consume dos \(format(consume["dos"]?.last)) s, kcat \(format(consume["kcat"]?.last)) s")
        }
        await admin.close()
        tansu.stop()

        let sagaRates = try await sagaThroughput(settings, work: work)

        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(settings.events) events of about \(averageLine(events)) bytes; \(settings.runs) runs")
        print("")
        print("| phase | dos (s) | kcat (s) | dos events/s | kcat events/s | dos/kcat |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for (phase, times) in [("produce", produce), ("consume", consume)] {
            let ours = Statistics.median(times["dos"] ?? []), theirs = Statistics.median(times["kcat"] ?? [])
            let n = Double(settings.events)
            print("| \(phase) | \(format(ours)) | \(format(theirs)) | \(Int(n / ours)) | \(Int(n / theirs)) | \(String(format: "%.2f", theirs / ours)) |")
        }
        print("")
        print("saga throughput (\(settings.sagas) create-provider sagas, services as four processes, mock cluster): "
            + "median \(Int(Statistics.median(sagaRates))) sagas/s (\(sagaRates.map { String(Int($0)) }.joined(separator: ", ")))")
    }

    static func format(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }

    static func averageLine(_ path: String) -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        return size / max(1, text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 })
    }

    /// CloudEvents as `dos log publish` takes them: about 300 bytes each.
    static func writeEvents(_ count: Int, to path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let file = FileHandle(forWritingAtPath: path) else { throw LaunchError("cannot write \(path)") }
        defer { try? file.close() }
        var chunk = ""
        for index in 0..<count {
            let id = UUID().uuidString.lowercased(), subject = UUID().uuidString.lowercased()
            chunk += #"{"specversion":"1.0","id":"\#(id)","source":"/bench","type":"dos.command.create.provider.v1","subject":"\#(subject)","time":"2026-11-27T15:00:00.000Z","datacontenttype":"application/json","data":{"kind":"provider","name":"Provider \#(index)"}}"# + "\n"
            if index % 10_000 == 9_999 {
                file.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        file.write(Data(chunk.utf8))
    }

    // MARK: Sagas end to end

    static func sagaThroughput(_ settings: Settings, work: String) async throws -> [Double] {
        var rates: [Double] = []
        for run in 1...settings.runs {
            let mock = try Background(settings.mock, ["3", "100"], captureOutput: true)
            defer { mock.stop() }
            let brokers = try mock.firstLine(prefix: "bootstrap ")
            for topic in Topics().all { try mock.send("topic \(topic) 12 3") }
            let data = "\(work)/sagas-\(run)"
            let services = try ["validator", "store", "notifications", "sagas"].map { service in
                try Background(settings.dos, ["serve", service, "--brokers", brokers, "--data-dir", data], environment: ["XDG_STATE_HOME": data])
            }
            defer { for service in services { service.stop() } }
            try await Task.sleep(for: .seconds(2))
            let json = "\(work)/providers-\(run).json"
            try Data(("[" + (0..<settings.sagas).map { #"{"kind":"provider","name":"Bulk \#(run)-\#($0)"}"# }.joined(separator: ",") + "]").utf8)
                .write(to: URL(fileURLWithPath: json))
            let elapsed = try seconds {
                try shell("XDG_STATE_HOME=\(data) \(settings.dos) apply -f \(json) --timeout 120 --brokers \(brokers) --data-dir \(data) > /dev/null")
            }
            rates.append(Double(settings.sagas) / elapsed)
            note("sagas run \(run): \(settings.sagas) in \(format(elapsed)) s")
        }
        return rates
    }
}

/// A program running in the background (a broker, a service) until stopped.
final class Background: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], captureOutput: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input
        process.standardOutput = captureOutput ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func firstLine(prefix: String) throws -> String {
        var buffer = Data()
        while !buffer.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw LaunchError("no output from \(process.executableURL?.path ?? "?")") }
            buffer += chunk
        }
        let line = String(decoding: buffer.prefix { $0 != 10 }, as: UTF8.self)
        guard line.hasPrefix(prefix) else { throw LaunchError("unexpected output: \(line)") }
        return String(line.dropFirst(prefix.count))
    }

    /// A command to the mock cluster, answered by one line.
    func send(_ command: String) throws {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        var buffer = Data()
        while !buffer.contains(10) { buffer += output.fileHandleForReading.availableData }
    }

    /// SIGTERM, then SIGKILL after 10 s (Foundation's `waitUntilExit` can hang in async code).
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<1_000 where process.isRunning { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
