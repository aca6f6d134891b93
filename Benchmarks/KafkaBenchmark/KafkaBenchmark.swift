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
///     KafkaBenchmark decode [--events 1000000] [--runs 3]        the envelope decoder alone
///
/// 1. Writes `--events` CloudEvents of about 300 bytes to a file. Each run starts a fresh Tansu
///    (memory) on a free port with topics of three partitions and produces the events with
///    `dos log publish` and with `kcat -P` (idempotent, acks=all, linger 5 ms), then reads them
///    back with this program's consume mode (a dos reader decoding every envelope) and with
///    `kcat -C`. kcat writes the same records dos does (key and a 36-byte id header), and also
///    the bare lines for reference. The tools' order alternates from run to run.
/// 2. Saga throughput: librdkafka's mock cluster (Tansu's group coordinator loses a departed
///    leader), the four services as separate `dos serve` processes, `dos apply` of `--sagas`
///    providers, timed until every saga has completed.
///
/// `decode` times `CloudEventCodec.decode` over the same events held in memory, on one core:
/// the share of a consume that is dos's own work.
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
            } else if settings.mode == "decode" {
                try decode(settings)
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
        if let mode = remaining.first, mode == "consume" || mode == "decode" {
            settings.mode = mode
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
        // As the services read: every envelope decoded (it carries the event's id), so the
        // record ids in the headers are not needed.
        let reader = try await log.reader(topics: [topic], from: .beginning, recordIDs: .notNeeded)
        var read = 0, undecodable = 0
        // The next batch is fetched while this one is decoded.
        var batch = try await reader.poll(maxRecords: 10_000, timeout: .seconds(10))
        while true {
            if batch.isEmpty { throw LaunchError("consume: stopped at \(read) of \(count)") }
            read += batch.count
            let current = batch, more = read < count
            async let next = more ? reader.poll(maxRecords: 10_000, timeout: .seconds(10)) : []
            for index in current.indices {
                if case .failure = CloudEventCodec.decode(current[index].payload) { undecodable += 1 }
            }
            batch = try await next
            if !more { break }
        }
        await reader.close()
        await log.close()
        guard undecodable == 0 else { throw LaunchError("consume: \(undecodable) undecodable envelopes") }
    }

    // MARK: Decode alone

    static func decode(_ settings: Settings) throws {
        let envelopes = (0..<settings.events).map { Array(eventLine($0, id: UUID().uuidString.lowercased(), subject: UUID().uuidString.lowercased()).utf8) }
        var times: [Double] = []
        for _ in 0..<max(1, settings.runs) {
            var undecodable = 0
            times.append(seconds {
                for envelope in envelopes where !isDecoded(CloudEventCodec.decode(envelope)) { undecodable += 1 }
            })
            guard undecodable == 0 else { throw LaunchError("decode: \(undecodable) undecodable envelopes") }
        }
        let median = Statistics.median(times)
        print("decode: \(settings.events) envelopes of about \(envelopes.first?.count ?? 0) bytes, \(times.count) runs: "
            + "median \(format(median)) s, \(String(format: "%.3f", median / Double(settings.events) * 1e6)) µs each")
    }

    static func isDecoded(_ result: Result<CloudEvent, EnvelopeError>) -> Bool {
        if case .success = result { return true }
        return false
    }

    // MARK: The run

    /// How each tool produces and consumes, as shell command lines.
    struct Tool {
        var name: String
        var produce: String
        var consume: String
    }

    static func run(_ settings: Settings) async throws {
        guard let kcat = Launch.which("kcat") else { throw LaunchError("kcat not found (scripts/setup.sh installs it)") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dos-kafka-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let events = (work as NSString).appendingPathComponent("events.jsonl")
        let keyed = (work as NSString).appendingPathComponent("keyed.txt")
        try writeEvents(settings.events, to: events, keyedTo: keyed)
        let self_ = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

        let port = 19_400 + Int(getpid() % 500)
        let brokers = "127.0.0.1:\(port)"
        let url = "tcp://\(brokers)"
        let count = settings.events
        // kcat writes the same records as dos (the entity id as key, a 36-byte "dos-id" header:
        // static, as kcat cannot take one per line), and, for reference, the bare lines.
        let produceFlags = "-X enable.idempotence=true -X acks=all -X linger.ms=5"
        let header = "dos-id=" + String(repeating: "0", count: 36)
        let tools = [
            Tool(name: "dos",
                 produce: "\(settings.dos) log publish --brokers \(brokers) --data-dir \(work)/data --topic bench.dos --quiet < \(events)",
                 consume: "\(self_) consume --brokers \(brokers) --topic bench.dos --count \(count)"),
            Tool(name: "kcat",
                 produce: "\(kcat) -P -b \(brokers) -t bench.kcat -K '\t' -H \(header) -l \(produceFlags) \(keyed) 2>/dev/null",
                 consume: "\(kcat) -C -b \(brokers) -t bench.kcat -o beginning -c \(count) -q > /dev/null 2>&1"),
            Tool(name: "kcat-bare",
                 produce: "\(kcat) -P -b \(brokers) -t bench.bare -l \(produceFlags) \(events) 2>/dev/null",
                 consume: "\(kcat) -C -b \(brokers) -t bench.bare -o beginning -c \(count) -q > /dev/null 2>&1"),
        ]

        var produce: [String: [Double]] = [:], consume: [String: [Double]] = [:]
        for run in 1...settings.runs {
            // A fresh broker per run: Tansu keeps every record in memory.
            let tansu = try Background(settings.tansu, ["broker", "--listener-url", url, "--advertised-listener-url", url, "--silent"])
            defer { tansu.stop() }
            try await Task.sleep(for: .seconds(1))
            let admin = try KafkaEventLog(settings: KafkaSettings(brokers: brokers, partitions: 3))
            try await admin.createTopics(["bench.dos", "bench.kcat", "bench.bare"])
            await admin.close()
            // Alternate which goes first: the broker's memory grows as the run goes on.
            let order = run % 2 == 1 ? tools : tools.reversed()
            for tool in order { produce[tool.name, default: []].append(try seconds { try shell(tool.produce) }) }
            for tool in order { consume[tool.name, default: []].append(try seconds { try shell(tool.consume) }) }
            tansu.stop()
            note("run \(run): " + tools.map { "\($0.name) produce \(format(produce[$0.name]?.last)) s, consume \(format(consume[$0.name]?.last)) s" }.joined(separator: "; "))
        }

        let sagaRates = try await sagaThroughput(settings, work: work)

        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(count) events of about \(averageLine(events)) bytes; \(settings.runs) runs, medians")
        print("")
        print("| phase | dos (s) | kcat, same records (s) | dos / kcat | kcat, bare lines (s) | dos / kcat bare |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for (phase, times) in [("produce", produce), ("consume", consume)] {
            let ours = Statistics.median(times["dos"] ?? []), same = Statistics.median(times["kcat"] ?? [])
            let bare = Statistics.median(times["kcat-bare"] ?? [])
            print("| \(phase) | \(format(ours)) | \(format(same)) | \(String(format: "%.2f", same / ours)) | \(format(bare)) | \(String(format: "%.2f", bare / ours)) |")
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

    /// CloudEvents as `dos log publish` takes them (about 300 bytes each), and the same lines
    /// keyed for `kcat -K '\t'` (the subject, as dos keys them, a tab, the line).
    static func writeEvents(_ count: Int, to path: String, keyedTo keyedPath: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        _ = FileManager.default.createFile(atPath: keyedPath, contents: nil)
        guard let file = FileHandle(forWritingAtPath: path), let keyedFile = FileHandle(forWritingAtPath: keyedPath) else {
            throw LaunchError("cannot write \(path)")
        }
        defer {
            try? file.close()
            try? keyedFile.close()
        }
        var chunk = "", keyedChunk = ""
        for index in 0..<count {
            let id = UUID().uuidString.lowercased(), subject = UUID().uuidString.lowercased()
            let line = eventLine(index, id: id, subject: subject) + "\n"
            chunk += line
            keyedChunk += subject + "\t" + line
            if index % 10_000 == 9_999 {
                file.write(Data(chunk.utf8))
                keyedFile.write(Data(keyedChunk.utf8))
                chunk = ""
                keyedChunk = ""
            }
        }
        file.write(Data(chunk.utf8))
        keyedFile.write(Data(keyedChunk.utf8))
    }

    /// One benchmark event: a provider-create command of about 300 bytes.
    static func eventLine(_ index: Int, id: String, subject: String) -> String {
        #"{"specversion":"1.0","id":"\#(id)","source":"/bench","type":"dos.command.provider.create.v1","subject":"\#(subject)","time":"2026-11-27T15:00:00.000Z","datacontenttype":"application/json","data":{"kind":"provider","name":"Provider \#(index)"}}"#
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
