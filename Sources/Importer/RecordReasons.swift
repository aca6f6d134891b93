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

/// What is said of records, gathered as an import goes: each record listed once, in the order
/// it was first named, each line once and at most a screenful (`HSDSProblems`' rules).
struct RecordReasonList {
    private var order: [ImportPlan.RecordRef] = []
    private var lines: [ImportPlan.RecordRef: HSDSProblems] = [:]

    mutating func add(_ record: ImportPlan.RecordRef, _ reasons: [String]) {
        guard !reasons.isEmpty else { return }
        if lines[record] == nil { order.append(record) }
        for reason in reasons { lines[record, default: HSDSProblems()].add("", reason) }
    }

    /// The same reason for each of `records` (an entry several records brought).
    mutating func add(_ records: [ImportPlan.RecordRef], _ reason: String) {
        for record in records { add(record, [reason]) }
    }

    func contains(_ record: ImportPlan.RecordRef) -> Bool { lines[record] != nil }

    /// The records (those `including` lets through) with their lines.
    func list(including: (ImportPlan.RecordRef) -> Bool = { _ in true }) -> [RecordReasons] {
        order.filter(including).map { RecordReasons(kind: $0.kind.rawValue, recordID: $0.id, reasons: lines[$0]?.lines ?? []) }
    }
}
