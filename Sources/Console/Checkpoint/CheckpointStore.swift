import Foundation
import GRDB
import Model

/// The console's checkpoint file: one SQLite database holding a `ConsoleCheckpoint` in binary
/// sections, replaced whole in one transaction, so a reader sees the old one or the new one and
/// a crash mid-save leaves the old one. Several consoles on one log may share it.
public struct CheckpointStore: Sendable {
    public struct Unreadable: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "checkpoint \(path) is unreadable (\(reason))" }
    }

    /// Its name beside the embedded log.
    public static let fileName = "console-checkpoint.sqlite"

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The checkpoint kept beside the embedded log in `dataDirectory` (it goes with the log).
    public init(dataDirectory: String) {
        self.init(path: (dataDirectory as NSString).appendingPathComponent(Self.fileName))
    }

    /// The checkpoint of a Kafka cluster's log, kept in `dataDirectory` under a name made from the
    /// brokers (a start checks the records it names are in the cluster it talks to).
    public init(dataDirectory: String, brokers: String) {
        // FNV-1a: stable across runs and builds, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in brokers.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let name = "console-checkpoint-kafka-" + String(hash, radix: 16) + ".sqlite"
        self.init(path: (dataDirectory as NSString).appendingPathComponent(name))
    }

    /// The saved checkpoint; nil when there is none, or it was written in another format.
    public func load() async throws -> ConsoleCheckpoint? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let stored: (state: [UInt8], chunks: [[UInt8]])?
        do {
            stored = try await openQueue().read { db -> (state: [UInt8], chunks: [[UInt8]])? in
                guard try db.tableExists("chunks"),
                      try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'") == ConsoleCheckpoint.format,
                      try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'entity_format'") == Entity.binaryFormat,
                      let state = try Data.fetchOne(db, sql: "SELECT body FROM chunks WHERE section = 'state'")
                else { return nil }
                let chunks = try Data.fetchAll(db, sql: "SELECT body FROM chunks WHERE section = 'entries' ORDER BY seq")
                return ([UInt8](state), chunks.map { [UInt8]($0) })
            }
        } catch {
            throw Unreadable(path: path, reason: "\(error)")
        }
        guard let stored else { return nil }
        var checkpoint = ConsoleCheckpoint()
        do {
            try checkpoint.readStateSection(stored.state)
            checkpoint.entries = try await Self.decodeInParallel(stored.chunks)
        } catch {
            throw Unreadable(path: path, reason: "\(error)")
        }
        return checkpoint
    }

    /// Replaces what is saved with `checkpoint`.
    public func save(_ checkpoint: ConsoleCheckpoint) throws {
        let state = checkpoint.stateSection()
        let chunks = checkpoint.entryChunks()
        try openQueue().write { db in
            try db.execute(sql: "DELETE FROM chunks")
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', ?), ('entity_format', ?)",
                           arguments: [ConsoleCheckpoint.format, Entity.binaryFormat])
            try db.execute(sql: "INSERT INTO chunks(section, seq, body) VALUES ('state', 0, ?)", arguments: [Data(state)])
            for (seq, chunk) in chunks.enumerated() {
                try db.execute(sql: "INSERT INTO chunks(section, seq, body) VALUES ('entries', ?, ?)", arguments: [seq, Data(chunk)])
            }
        }
    }

    private func openQueue() throws -> DatabaseQueue {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value)")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS chunks(section TEXT NOT NULL, seq INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (section, seq))")
        }
        return queue
    }

    /// Decodes the chunks on every core, keeping their order.
    private static func decodeInParallel(_ chunks: [[UInt8]]) async throws -> [Entity] {
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunks.count))
        let decoded = try await withThrowingTaskGroup(of: (Int, [[Entity]]).self) { group in
            for lane in 0 ..< lanes {
                let mine = stride(from: lane, to: chunks.count, by: lanes).map { chunks[$0] }
                group.addTask { (lane, try mine.map(ConsoleCheckpoint.entries(inChunk:))) }
            }
            var byLane: [Int: [[Entity]]] = [:]
            for try await (lane, entries) in group { byLane[lane] = entries }
            return byLane
        }
        var entries: [Entity] = []
        entries.reserveCapacity(chunks.count * ConsoleCheckpoint.entriesPerChunk)
        for index in chunks.indices {
            if let lane = decoded[index % lanes], index / lanes < lane.count { entries += lane[index / lanes] }
        }
        return entries
    }
}
