import Foundation

extension EventID {
    /// A deterministic id for an event derived from another: the same `seed` always gives the
    /// same id, so a service that processes a redelivered message publishes outputs the log
    /// already has, and they are stored once. When `timeOf` is a UUIDv7, its millisecond leads
    /// the new id, so derived ids stay time-ordered for the log's dedupe index.
    ///
    /// The result is an RFC 9562 version 8 (custom) UUID: 48 bits of milliseconds (or of hash),
    /// then 74 bits of a 128-bit FNV-1a hash of the seed.
    public static func derived(from seed: String, timeOf source: String? = nil) -> String {
        let (high, low) = hash128(seed)
        var milliseconds = high >> 16
        if let source, let time = timestamp(of: source), isVersion7(source) {
            milliseconds = UInt64(max(0, (time.timeIntervalSince1970 * 1000).rounded(.down)))
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * index)) }
        bytes[6] = 0x80 | UInt8(truncatingIfNeeded: (high >> 8) & 0x0F)  // version 8
        bytes[7] = UInt8(truncatingIfNeeded: high)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: (low >> 56) & 0x3F)  // variant 10
        for index in 9..<16 { bytes[index] = UInt8(truncatingIfNeeded: low >> (8 * (15 - index))) }
        return format(bytes)
    }

    private static func isVersion7(_ id: String) -> Bool {
        let characters = Array(id.utf8)
        return characters.count == 36 && characters[14] == UInt8(ascii: "7")
    }

    /// Two 64-bit FNV-1a hashes with different offset bases: plenty for telling ids apart, and
    /// stable across processes and versions (Swift's `Hasher` is seeded per process).
    private static func hash128(_ text: String) -> (UInt64, UInt64) {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = second ^ (second >> 29)
        }
        return (first ^ (first >> 31), second)
    }

    private static func format(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
