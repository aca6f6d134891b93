import EventLog
import EventLogSQLite
import Events
import Foundation

/// Writes views and tombstones to a temporary data directory's log, as the data store would.
///
/// Entries are built from their JSON, the wire form the store publishes.
struct ViewsFixture {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-views-\(UUID().uuidString)").path
    static let topic = Topics().views

    /// A view record for the entry JSON `entry`, with the envelope fields `dos history` shows.
    static func view(_ entry: String, actor: String? = "alice", saga: String? = nil, time: Date? = nil) throws -> OutgoingRecord {
        let view = try JSONDecoder().decode(EntityView.self, from: Data(entry.utf8))
        return try record(Message(view), actor: actor, saga: saga, time: time)
    }

    static func tombstone(kind: String, id: String, version: Int, actor: String? = "alice", time: Date? = nil) throws -> OutgoingRecord {
        let json = #"{"kind":"\#(kind)","id":"\#(id)","version":\#(version),"deleted_at":"2026-03-01T10:00:00.000Z"}"#
        let tombstone = try JSONDecoder().decode(Tombstone.self, from: Data(json.utf8))
        return try record(Message(tombstone), actor: actor, saga: nil, time: time)
    }

    private static func record(_ message: Message, actor: String?, saga: String?, time: Date?) throws -> OutgoingRecord {
        let event = try message.cloudEvent(source: "/test/store", time: time, sagaID: saga, actor: actor)
        return OutgoingRecord(topic: topic, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event))
    }

    static func provider(_ id: String, version: Int = 1, name: String, published: Bool = false, website: String? = nil) -> String {
        let site = website.map { #","website":"\#($0)""# } ?? ""
        return #"{"kind":"provider","id":"\#(id)","version":\#(version),"name":"\#(name)","published":\#(published),"updated_at":"2026-02-0\#(version)T09:30:00.000Z"\#(site)}"#
    }

    static func service(_ id: String, version: Int = 1, provider: String, name: String, venues: [String] = []) -> String {
        let venueList = venues.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"kind":"service","id":"\#(id)","version":\#(version),"provider_id":"\#(provider)","name":"\#(name)","status":"active","venue_ids":[\#(venueList)]}"#
    }

    func append(_ records: [OutgoingRecord]) async throws {
        let log = try SQLiteEventLog(directory: directory)
        _ = try await log.append(records)
        await log.close()
    }

    func log() throws -> SQLiteEventLog { try SQLiteEventLog(directory: directory) }
}
