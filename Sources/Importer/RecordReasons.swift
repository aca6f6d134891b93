import HSDS

/// A record and what is said about it: why it was not imported (a rejection), or what was
/// left out of it when it was (a note).
public struct RecordReasons: Sendable, Equatable {
    /// "service", "organization"… or "document" for a part of the input that is not a record.
    public var kind: String
    /// The record's HSDS id as written, or where it was found.
    public var recordID: String
    public var reasons: [String]

    public init(kind: String, recordID: String, reasons: [String]) {
        self.kind = kind
        self.recordID = recordID
        self.reasons = reasons
    }
}
