/// Attribute values that recur in nearly every event (the catalogue's type names, the one
/// content type), kept as one shared string each: decoding them allocates nothing.
struct RecurringStrings: Sendable {
    /// By UTF-8 length, each value with its bytes (so matching is a length check and a memcmp).
    private let byLength: [[(value: String, bytes: [UInt8])]]

    init(_ values: [String]) {
        var byLength = Array(repeating: [(value: String, bytes: [UInt8])](), count: (values.map(\.utf8.count).max() ?? 0) + 1)
        for value in Set(values) { byLength[value.utf8.count].append((value, Array(value.utf8))) }
        self.byLength = byLength
    }

    /// The shared string whose bytes are exactly `bytes`, if it is one of these.
    func value(matching bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count < byLength.count else { return nil }
        for candidate in byLength[bytes.count] where candidate.bytes.withUnsafeBufferPointer({ memoryEquals($0, bytes) }) {
            return candidate.value
        }
        return nil
    }

    static let typeNames = RecurringStrings(MessageType.catalogue.map(\.typeName))
    static let contentTypes = RecurringStrings(["application/json"])

    /// `candidate` itself when its bytes are exactly `bytes` (a record's id or key, which the
    /// envelope repeats), so the decoded event shares its storage.
    static func same(_ candidate: String?, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let candidate, candidate.utf8.count == bytes.count else { return nil }
        let equal = candidate.utf8.withContiguousStorageIfAvailable { memoryEquals($0, bytes) } ?? candidate.utf8.elementsEqual(bytes)
        return equal ? candidate : nil
    }
}
