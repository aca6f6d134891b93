import TerminalSafety
import EventLog
import Events
import Foundation

/// `dos log publish`: CloudEvents as JSON lines in, records appended to one topic (like `kcat -P`).
///
/// A bad line is reported with its number and skipped; the rest still go in. Lines are appended in
/// batches as they arrive, each batch in one transaction, so a position printed with
/// `--print-positions` means the event is durable.
public struct LogPublisher {
    public struct Report: Sendable, Equatable {
        public var published = 0
        public var duplicates = 0
        public var rejectedLines: [Int] = []
    }

    let log: any EventLog
    let topic: String
    let printPositions: Bool
    static let maximumBatch = 20_000

    public init(log: any EventLog, topic: String, printPositions: Bool) {
        self.log = log
        self.topic = topic
        self.printPositions = printPositions
    }

    public func run(input descriptor: Int32, output: OutputWriter, errors: OutputWriter) async throws -> Report {
        guard RecordRules.isValidTopicName(topic) else { throw EventLogError.invalidTopicName(topic) }
        var reader = LineReader(descriptor: descriptor, maximumLineLength: CloudEventCodec.maximumEventSize)
        var report = Report()
        var pending: [(line: Int, record: OutgoingRecord)] = []
        let topics = Topics()
        while let lines = try reader.nextChunk() {
            for line in lines {
                switch line {
                case .tooLong(let number):
                    reject(number, "longer than \(CloudEventCodec.maximumEventSize) bytes", report: &report, errors: errors)
                case .text(let number, let bytes):
                    let trimmed = Self.trimmed(bytes)
                    if trimmed.isEmpty { continue }
                    switch CloudEventCodec.decode(trimmed) {
                    case .failure(let error):
                        reject(number, error.reason, report: &report, errors: errors)
                    case .success(let event):
                        let record = OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: Array(trimmed))
                        pending.append((number, record))
                    }
                }
            }
            // Lines already waiting join the batch (one append for many chunks: a broker round
            // trip per append is what a fast producer saves); a line typed by hand goes at once.
            if pending.count < Self.maximumBatch, Self.hasInputWaiting(descriptor) { continue }
            try await append(&pending, report: &report, output: output)
        }
        try await append(&pending, report: &report, output: output)
        return report
    }

    private func append(_ pending: inout [(line: Int, record: OutgoingRecord)], report: inout Report, output: OutputWriter) async throws {
        for start in stride(from: 0, to: pending.count, by: Self.maximumBatch) {
            let batch = pending[start..<min(start + Self.maximumBatch, pending.count)]
            let results = try await log.append(batch.map(\.record))
            for (entry, result) in zip(batch, results) {
                if result.wasDuplicate { report.duplicates += 1 } else { report.published += 1 }
                if printPositions { output.line(Self.acknowledgement(line: entry.line, id: entry.record.id, result: result)) }
            }
            output.flush()
        }
        pending.removeAll(keepingCapacity: true)
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
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
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
