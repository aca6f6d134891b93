import DosCommandLine
import EventLog
import Foundation
import Model

/// What the console folded from the state topics, as of a point in the log: every entry at its
/// newest version, the tombstones, the sagas it keeps and which entry each is about, and where
/// each state reader resumes. A start loads it and reads only what came after, instead of
/// replaying the whole log (the design's "views may checkpoint to SQLite").
///
/// Dead letters are not in it: the feed reads their topic from the beginning every time (a
/// healthy log holds few).
public struct ConsoleCheckpoint: Sendable {
    /// The layout's version (with `Entity.binaryFormat`); any other is ignored and rebuilt.
    public static let format = 2

    public var entries: [Entity] = []
    public var tombstones: [UUID: Int] = [:]
    public var skippedViews = 0
    public var sagas: [SagaTrace] = []
    public var skippedSagas = 0
    public var sagaSubjects: [String: UUID] = [:]
    /// Per state reader name (`views`, `state`).
    public var marks: [String: ReaderMark] = [:]
    public var savedAt = Date()

    public init() {}

    // MARK: Binary sections

    /// Entries per stored chunk: chunks are decoded in parallel at start.
    static let entriesPerChunk = 2_000

    /// The entries in chunks of `entriesPerChunk`, each a count then the entries.
    func entryChunks() -> [[UInt8]] {
        stride(from: 0, to: entries.count, by: Self.entriesPerChunk).map { start in
            let slice = entries[start ..< min(start + Self.entriesPerChunk, entries.count)]
            var writer = BinaryWriter(capacity: slice.count * 320)
            writer.write(UInt64(slice.count))
            for entity in slice { entity.write(to: &writer) }
            return writer.bytes
        }
    }

    static func entries(inChunk chunk: [UInt8]) throws -> [Entity] {
        var reader = BinaryReader(chunk)
        let entries = try reader.readList { try Entity(from: &$0) }
        guard reader.isAtEnd else { throw reader.malformed("bytes left over after the entries") }
        return entries
    }

    /// Everything but the entries, in one section.
    func stateSection() -> [UInt8] {
        var writer = BinaryWriter(capacity: 64 + sagas.count * 200 + sagaSubjects.count * 48)
        writer.write(skippedViews)
        writer.writeList(tombstones.sorted { $0.key.uuidString < $1.key.uuidString }) { writer, tombstone in
            writer.write(tombstone.key)
            writer.write(tombstone.value)
        }
        writer.write(skippedSagas)
        writer.writeList(sagas) { writer, trace in trace.write(to: &writer) }
        writer.writeList(Array(sagaSubjects)) { writer, subject in
            writer.write(subject.key)
            writer.write(subject.value)
        }
        writer.writeList(marks.sorted { $0.key < $1.key }) { writer, mark in
            writer.write(mark.key)
            Self.write(mark.value, to: &writer)
        }
        writer.write(savedAt)
        return writer.bytes
    }

    mutating func readStateSection(_ bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes)
        skippedViews = try reader.readInt()
        for (id, version) in try reader.readList({ (try $0.readUUID(), try $0.readInt()) }) { tombstones[id] = version }
        skippedSagas = try reader.readInt()
        sagas = try reader.readList { try SagaTrace(from: &$0) }
        for (saga, subject) in try reader.readList({ (try $0.readString(), try $0.readUUID()) }) { sagaSubjects[saga] = subject }
        for (name, mark) in try reader.readList({ (try $0.readString(), try Self.readMark(&$0)) }) { marks[name] = mark }
        savedAt = try reader.readDate()
        guard reader.isAtEnd else { throw reader.malformed("bytes left over after the state") }
    }

    /// A mark's per-partition positions and last record (a mark read back starts from the
    /// beginning where it has no position).
    private static func write(_ mark: ReaderMark, to writer: inout BinaryWriter) {
        writer.writeList(mark.positions.sorted { $0.key < $1.key }) { writer, position in
            writer.write(position.key.topic)
            writer.write(Int(position.key.partition))
            writer.write(Int(position.value))
        }
        writer.writeOptional(mark.last) { writer, last in
            writer.write(last.topic)
            writer.write(Int(last.position.partition))
            writer.write(Int(last.position.offset))
            writer.write(last.id)
        }
    }

    private static func readMark(_ reader: inout BinaryReader) throws -> ReaderMark {
        var positions: [TopicPartition: Int64] = [:]
        for (partition, offset) in try reader.readList({ reader in
            (TopicPartition(topic: try reader.readString(), partition: try readPartition(&reader)), Int64(try reader.readInt()))
        }) { positions[partition] = offset }
        let last = try reader.readOptional { reader -> (String, LogPosition, String) in
            let topic = try reader.readString()
            let position = LogPosition(partition: try readPartition(&reader), offset: Int64(try reader.readInt()))
            return (topic, position, try reader.readString())
        }
        return ReaderMark(start: .beginning, positions: positions, last: last)
    }

    private static func readPartition(_ reader: inout BinaryReader) throws -> Int32 {
        let partition = try reader.readInt()
        guard let value = Int32(exactly: partition) else { throw reader.malformed("partition \(partition) out of range") }
        return value
    }
}
