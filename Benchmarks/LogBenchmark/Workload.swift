import EventLog
import Foundation

/// The benchmark's events: CloudEvents of about 300 bytes, shaped like real update commands.
struct Workload: Sendable {
    static let topic = "dos.commands"

    /// How event ids are made: time-ordered UUIDv7, as dos makes them, or random (UUIDv4-like), as a
    /// foreign producer might — the worst case for the dedupe index.
    enum IDs: String, Sendable { case timeOrdered = "uuidv7", random }

    let ids: IDs

    func event(_ index: Int, sentNanoseconds: UInt64 = 0) -> (id: String, key: String, line: String) {
        let id = ids == .timeOrdered ? Self.timeOrderedID(index) : Self.uuid(index, salt: 1)
        let entity = Self.uuid(index % 10_000, salt: 2)
        let line = #"{"specversion":"1.0","id":"\#(id)","source":"/bench","type":"dos.command.provider.update.v1","time":"2026-11-27T09:20:00.123Z","subject":"\#(entity)","sagaid":"\#(Self.uuid(index, salt: 3))","entityversion":\#(index % 97),"sent":\#(sentNanoseconds),"data":{"name":"Provider \#(index)","phone":"020 7946 0000"}}"#
        return (id, entity, line)
    }

    func record(_ index: Int, sentNanoseconds: UInt64 = 0) -> OutgoingRecord {
        let event = event(index, sentNanoseconds: sentNanoseconds)
        return OutgoingRecord(topic: Self.topic, key: event.key, id: event.id, payload: Array(event.line.utf8))
    }

    /// A deterministic UUID-shaped id, so runs are comparable and the sqlite3 reference gets the same rows.
    static func uuid(_ index: Int, salt: UInt64) -> String {
        var state = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD1B5_4A32_D192_ED03
        func next() -> UInt64 {
            state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
            return state ^ (state >> 31)
        }
        let hex = String(format: "%016llx%016llx", next(), next())
        let characters = Array(hex)
        return "\(String(characters[0..<8]))-\(String(characters[8..<12]))-4\(String(characters[13..<16]))-a\(String(characters[17..<20]))-\(String(characters[20..<32]))"
    }

    /// A UUIDv7-shaped id: 48 bits of milliseconds (100 events a millisecond), then random bits.
    static func timeOrderedID(_ index: Int) -> String {
        let milliseconds = 1_795_771_788_000 + UInt64(index / 100)
        let random = uuid(index, salt: 1)
        let hex = String(format: "%012llx", milliseconds)
        return "\(hex.prefix(8))-\(hex.suffix(4))-7\(random.dropFirst(15).prefix(3))-\(random.dropFirst(19))"
    }

    /// The "sent" field of a payload written by `event`, in nanoseconds of CLOCK_REALTIME.
    static func sentNanoseconds(in payload: ArraySlice<UInt8>) -> UInt64? {
        let marker = Array(#""sent":"#.utf8)
        guard let start = payload.firstRange(of: marker)?.upperBound else { return nil }
        var value: UInt64 = 0
        for byte in payload[start...] {
            guard byte >= 0x30, byte <= 0x39 else { break }
            value = value &* 10 &+ UInt64(byte - 0x30)
        }
        return value
    }

    static func realtimeNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
