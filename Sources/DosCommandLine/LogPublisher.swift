import TerminalSafety
import EventLog
import Events
import Foundation

/// `dos log publish`: CloudEvents as JSON lines in, records appended to one topic (like `kcat -P`).
///
/// A bad line is reported with its number and skipped; the rest still go in. Lines are appended in
/// batches as they arrive, each batch in one transaction, so a position printed with
/// `--print-positions` means the event is durable.
///
/// When the log itself fails, nothing more is sent; every batch already sent is waited for, and
/// the report says which line is the first not known to be stored.
public struct LogPublisher {
    public struct Report: Sendable, Equatable {
        public var published = 0
        public var duplicates = 0
        public var rejectedLines: [Int] = []
        /// Why publishing stopped, when the log (or the input) failed.
        public var failure: String?
        /// The first line not known to be stored, when the log failed. Lines after it may be
        /// stored too (their positions were printed if so).
        public var firstUnstoredLine: Int?
    }

    let log: any EventLog
    let topic: String
    let printPositions: Bool
    static let maximumBatch = 20_000
    /// Batches sent but not yet acknowledged while more input waits: the next batch is read
    /// and checked while these travel.
    static let batchesInFlight = 4

    public init(log: any EventLog, topic: String, printPositions: Bool) {
        self.log = log
        self.topic = topic
        self.printPositions = printPositions
    }

    /// Lines checked as CloudEvents: the records to append (with their line numbers) and the rejections.
    struct CheckedLines: Sendable {
        var lineNumbers: [Int] = []
        var records: [OutgoingRecord] = []
        var rejections: [(line: Int, reason: String)] = []
    }

    /// Records handed to the log, their acknowledgement still to come.
    private struct SentBatch {
        var lineNumbers: [Int]
        var records: [OutgoingRecord]
        var pending: PendingAppend
    }

    public func run(input descriptor: Int32, output: OutputWriter, errors: OutputWriter) async throws -> Report {
        guard RecordRules.isValidTopicName(topic) else { throw EventLogError.invalidTopicName(topic) }
        let rounds = CheckedRounds(descriptor: descriptor, topic: topic, maximumLines: Self.maximumBatch)
        var report = Report()
        var sent: [[SentBatch]] = []
        // The next round is read and checked while this one is handed to the log.
        var next = Task { try await rounds.next() }
        do {
            while true {
                let round = try await next.value
                if !round.isLast { next = Task { try await rounds.next() } }
                // Each part goes to the log as it is, in order.
                var batches: [SentBatch] = []
                var refusal: (any Error)?
                for part in round.parts where refusal == nil {
                    for rejection in part.rejections { reject(rejection.line, rejection.reason, report: &report, errors: errors) }
                    guard !part.records.isEmpty else { continue }
                    do {
                        batches.append(SentBatch(lineNumbers: part.lineNumbers, records: part.records, pending: try await log.startAppend(part.records)))
                    } catch {
                        report.firstUnstoredLine = part.lineNumbers.first
                        refusal = error
                    }
                }
                sent.append(batches)
                if let refusal { throw refusal }
                // With nothing more to read yet, everything sent is acknowledged before waiting for input.
                while sent.count > (round.moreWaiting ? Self.batchesInFlight : 0) {
                    // One batch at a time: after a failure, the rest stay for the wait below.
                    while let batch = sent[0].first {
                        sent[0].removeFirst()
                        do {
                            try await acknowledge(batch, report: &report, output: output)
                        } catch {
                            report.firstUnstoredLine = batch.lineNumbers.first
                            throw error
                        }
                    }
                    sent.removeFirst()
                }
                if round.isLast { break }
            }
        } catch {
            next.cancel()
            report.failure = String(describing: error)
        }
        // After a failure: every batch already sent is waited for (its positions printed once
        // stored), and the first one that was not says where publishing stopped.
        for batch in sent.joined() {
            do {
                try await acknowledge(batch, report: &report, output: output)
            } catch {
                report.failure = report.failure ?? String(describing: error)
                report.firstUnstoredLine = min(report.firstUnstoredLine ?? .max, batch.lineNumbers.first ?? .max)
            }
        }
        return report
    }

    private func acknowledge(_ batch: SentBatch, report: inout Report, output: OutputWriter) async throws {
        let results = try await batch.pending.results()
        for (index, result) in results.enumerated() {
            if result.wasDuplicate { report.duplicates += 1 } else { report.published += 1 }
            if printPositions { output.line(Self.acknowledgement(line: batch.lineNumbers[index], id: batch.records[index].id, result: result)) }
        }
        output.flush()
    }

    /// Checks lines on every core (each is a whole CloudEvent decode): the parts in input order.
    static func checkOnAllCores(_ blocks: [LineReader.Block], topic: String) async -> [CheckedLines] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let lineCount = blocks.reduce(0) { $0 + $1.lines.count }
        guard cores > 1, lineCount >= 1_000 else { return blocks.map { check($0.lines[...], of: $0.bytes, topic: topic) } }
        let parts = await withTaskGroup(of: (Int, CheckedLines).self) { group in
            var part = 0
            for block in blocks where !block.lines.isEmpty {
                let size = (block.lines.count + cores - 1) / cores
                for start in stride(from: 0, to: block.lines.count, by: size) {
                    let lines = block.lines[start..<min(start + size, block.lines.count)]
                    let index = part
                    group.addTask { (index, check(lines, of: block.bytes, topic: topic)) }
                    part += 1
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        return parts.keys.sorted().compactMap { parts[$0] }
    }

    static func check(_ lines: ArraySlice<LineReader.Span>, of bytes: [UInt8], topic: String) -> CheckedLines {
        var checked = CheckedLines()
        checked.records.reserveCapacity(lines.count)
        checked.lineNumbers.reserveCapacity(lines.count)
        let topics = Topics()
        for line in lines {
            switch line {
            case .tooLong(let number):
                checked.rejections.append((number, "longer than \(CloudEventCodec.maximumEventSize) bytes"))
            case .text(let number, let range):
                let trimmed = trimmed(bytes[range])
                if trimmed.isEmpty { continue }
                // The log's own limit, a little under the envelope's: refused here, line by line,
                // rather than by the log for a whole batch.
                guard trimmed.count <= RecordRules.maximumPayloadSize else {
                    checked.rejections.append((number, "\(trimmed.count) bytes, over the log's record limit of \(RecordRules.maximumPayloadSize)"))
                    continue
                }
                switch CloudEventCodec.check(trimmed) {
                case .failure(let error):
                    checked.rejections.append((number, error.reason))
                case .success(let event):
                    checked.lineNumbers.append(number)
                    checked.records.append(OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: trimmed))
                }
            }
        }
        return checked
    }

    /// Whether more input can be read at once (without waiting).
    static func hasInputWaiting(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0 && request.revents & Int16(POLLIN) != 0
    }

    private func reject(_ line: Int, _ reason: String, report: inout Report, errors: OutputWriter) {
        report.rejectedLines.append(line)
        errors.line("dos: line \(line): \(String(decoding: TerminalSafeJSON.sanitize(Array(reason.utf8)), as: UTF8.self))")
    }

    /// The line without surrounding whitespace (a trailing CR from Windows files included).
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return []
        }
        return bytes[first...last]
    }

    static func acknowledgement(line: Int, id: String, result: AppendResult) -> String {
        let fields: [(String, JSONValue)] = [
            ("line", .number(String(line))),
            ("id", .string(id)),
            ("topic", .string(result.topic)),
            ("partition", .number(String(result.position.partition))),
            ("position", .number(String(result.position.offset))),
            ("duplicate", .bool(result.wasDuplicate)),
        ]
        return String(decoding: JSONValue.object(fields.map { JSONMember($0.0, $0.1) }).jsonBytes, as: UTF8.self)
    }
}

/// The input read and checked a round at a time: as many lines as are waiting (up to
/// `maximumLines`), checked on every core. One task at a time calls `next`.
final class CheckedRounds: @unchecked Sendable {
    struct Round: Sendable {
        var parts: [LogPublisher.CheckedLines]
        /// More input could be read at once when the round was made (a pipe or file still
        /// flowing); false when the next line has to be waited for (a person typing).
        var moreWaiting: Bool
        var isLast: Bool
    }

    private var reader: LineReader
    private let descriptor: Int32
    private let topic: String
    private let maximumLines: Int
    /// `read` blocks (on a person typing, a slow pipe): never on Swift's few pool threads.
    private let readingQueue = DispatchQueue(label: "dos-publish-input")

    init(descriptor: Int32, topic: String, maximumLines: Int) {
        reader = LineReader(descriptor: descriptor, maximumLineLength: CloudEventCodec.maximumEventSize)
        self.descriptor = descriptor
        self.topic = topic
        self.maximumLines = maximumLines
    }

    /// The next round; the last one says so (the input ended).
    func next() async throws -> Round {
        var blocks: [LineReader.Block] = []
        var lines = 0
        while true {
            guard let block = try await nextBlock() else {
                return Round(parts: await LogPublisher.checkOnAllCores(blocks, topic: topic), moreWaiting: false, isLast: true)
            }
            blocks.append(block)
            lines += block.lines.count
            // Lines already waiting join the round (one append for many reads: a broker round
            // trip per append is what a fast producer saves); a line typed by hand goes at once.
            let moreWaiting = LogPublisher.hasInputWaiting(descriptor)
            if moreWaiting, lines < maximumLines { continue }
            return Round(parts: await LogPublisher.checkOnAllCores(blocks, topic: topic), moreWaiting: moreWaiting, isLast: false)
        }
    }

    private func nextBlock() async throws -> LineReader.Block? {
        try await withCheckedThrowingContinuation { continuation in
            readingQueue.async { [self] in continuation.resume(with: Result { try reader.nextBlock() }) }
        }
    }
}
