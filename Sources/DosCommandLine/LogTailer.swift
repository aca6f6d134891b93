import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// `dos log tail`: records out as JSON lines (like `kcat -C`), optionally as a consumer group.
public struct LogTailer {
    public enum Format: String, Sendable, CaseIterable {
        /// The stored CloudEvent, one per line.
        case event
        /// The event with where it sits in the log: topic, partition, position, key, id, timestamp.
        case record
    }

    public struct Options: Sendable {
        public var topics: [String]
        public var start: StartPoint
        public var group: String?
        public var follow: Bool
        public var limit: Int?
        public var format: Format

        public init(topics: [String], start: StartPoint, group: String?, follow: Bool, limit: Int?, format: Format) {
            self.topics = topics
            self.start = start
            self.group = group
            self.follow = follow
            self.limit = limit
            self.format = format
        }
    }

    static let batchSize = 500
    let log: any EventLog
    let options: Options

    public init(log: any EventLog, options: Options) {
        self.log = log
        self.options = options
    }

    /// Writes records until the end of the log (or forever with `follow`), the limit, cancellation,
    /// or the reader of our output going away. Returns how many records were written.
    @discardableResult
    public func run(output: OutputWriter) async throws -> Int {
        let consumer: (any GroupConsumer)?
        let reader: any LogReader
        if let group = options.group {
            let member = try await log.consumer(
                group: group, topics: options.topics, options: ConsumerOptions(startWithoutCommit: options.start))
            consumer = member
            reader = member
        } else {
            consumer = nil
            reader = try await log.reader(topics: options.topics, from: options.start)
        }
        do {
            let written = try await copy(from: reader, committingWith: consumer, to: output)
            await reader.close()
            return written
        } catch {
            await reader.close()
            throw error
        }
    }

    private func copy(from reader: any LogReader, committingWith consumer: (any GroupConsumer)?, to output: OutputWriter) async throws -> Int {
        var written = 0
        while !Task.isCancelled {
            let wanted = min(Self.batchSize, (options.limit ?? .max) - written)
            guard wanted > 0 else { break }
            let batch: [LogRecord]
            do {
                batch = try await reader.poll(maxRecords: wanted, timeout: options.follow ? .seconds(1) : .zero)
            } catch is CancellationError {
                break  // Ctrl-C or SIGTERM: a normal end
            }
            if batch.isEmpty {
                if options.follow { continue }
                if let consumer, await consumer.assignment().isEmpty {
                    throw TailError.groupHeldElsewhere(consumer.group)
                }
                break
            }
            for record in batch { output.line(format(record)) }
            output.flush()
            // Commit only what reached our reader: a closed pipe leaves the rest for next time.
            guard !output.isBroken else { break }
            written += batch.count
            do {
                try await consumer?.commit(batch)
            } catch is CancellationError {
                break  // written but not committed: the group gets this batch again (at-least-once)
            }
        }
        return written
    }

    /// One output line; everything in it came from the stream, so all of it is made terminal-safe.
    func format(_ record: LogRecord) -> String {
        var line: [UInt8]
        switch options.format {
        case .event:
            line = Array(record.payload)
        case .record:
            var fields: [JSONMember] = [
                JSONMember("topic", .string(record.topic)),
                JSONMember("partition", .number(String(record.position.partition))),
                JSONMember("position", .number(String(record.position.offset))),
                JSONMember("key", record.key.map { .string($0) } ?? .null),
                JSONMember("id", .string(record.id)),
                JSONMember("timestamp", .string(Timestamp.string(from: record.timestamp))),
            ]
            if (try? RawJSON(validating: record.payload)) != nil {
                line = Array(JSONValue.object(fields).jsonBytes.dropLast())  // reopen the object to embed the event as is
                line += Array(#","event":"#.utf8) + Array(record.payload) + [UInt8(ascii: "}")]
            } else {
                fields.append(JSONMember("event", .null))
                fields.append(JSONMember("payload_base64", .string(Data(record.payload).base64EncodedString())))
                line = JSONValue.object(fields).jsonBytes
            }
        }
        return String(decoding: TerminalSafeJSON.sanitize(line), as: UTF8.self)
    }
}

public enum TailError: Error, CustomStringConvertible {
    case groupHeldElsewhere(String)

    public var description: String {
        switch self {
        case .groupHeldElsewhere(let group):
            "consumer group \(group.debugDescription) is held by another running member; nothing was read (use --follow to wait for it)"
        }
    }
}
