import Model

/// One HSDS record as dos entries: the record's own entry and every entry nested in it
/// (a service's schedules, cost options, contacts, locations, eligibility and taxonomy terms).
/// It is imported whole or not at all, so problems anywhere in it reject all of it.
public struct HSDSMappedRecord: Sendable {
    public var kind: HSDSRecordKind
    /// The record's HSDS id as written, or where it was found when it has none.
    public var id: String
    public var entities: [Entity]
    public var problems: HSDSProblems
    /// What was left out while the rest went in (coordinates off the globe, say).
    public var notes: [String] = []
    /// A copy nested in another record (a service's organization), often a summary: when the
    /// record itself is also there, the record wins.
    public var isNested = false

    public init(kind: HSDSRecordKind, id: String, entities: [Entity] = [], problems: HSDSProblems = HSDSProblems()) {
        self.kind = kind
        self.id = id
        self.entities = entities
        self.problems = problems
    }
}
