/// A record on its way into the log.
public struct OutgoingRecord: Sendable, Hashable {
    public var topic: String
    /// Records with the same key keep their order (Kafka: they share a partition).
    public var key: String?
    /// The record's unique id: appending the same id to the same topic twice stores it once.
    public var id: String
    /// A slice, so that a writer holding many records in one buffer (`dos log publish` reads
    /// its input in blocks) hands them over without a copy each.
    public var payload: ArraySlice<UInt8>

    public init(topic: String, key: String?, id: String, payload: [UInt8]) {
        self.init(topic: topic, key: key, id: id, payload: payload[...])
    }

    public init(topic: String, key: String?, id: String, payload: ArraySlice<UInt8>) {
        self.topic = topic
        self.key = key
        self.id = id
        self.payload = payload
    }
}

/// Where an appended record landed.
public struct AppendResult: Sendable, Hashable {
    public var topic: String
    public var position: LogPosition
    /// True when a record with the same id was already in the topic; `position` is then the earlier copy's.
    public var wasDuplicate: Bool

    public init(topic: String, position: LogPosition, wasDuplicate: Bool) {
        self.topic = topic
        self.position = position
        self.wasDuplicate = wasDuplicate
    }
}

/// A batch handed to the log whose acknowledgement may still be on its way (`EventLog.startAppend`).
public struct PendingAppend: Sendable {
    private let wait: @Sendable () async throws -> [AppendResult]

    public init(wait: @escaping @Sendable () async throws -> [AppendResult]) {
        self.wait = wait
    }

    /// A batch already appended.
    public init(finished results: [AppendResult]) {
        wait = { results }
    }

    /// Where each record landed, once all are acknowledged; throws if any could not be.
    public func results() async throws -> [AppendResult] {
        try await wait()
    }
}
