import DosCommandLine
import Foundation
import HSDS
import Model

/// What an import has to publish: the records that can go in whole, as create and update
/// commands in waves (an entry's references are published a wave before it), and the
/// records that cannot, with their reasons. Entries equal to the directory's are left alone,
/// which is what makes importing the same data twice publish nothing.
public struct ImportPlan: Sendable {
    public struct Step: Sendable {
        public var command: PlannedCommand
        /// The records this entry came from (an entry shared by several records has several).
        public var records: [RecordRef]
        public var links: [EntityKey]
    }

    public struct RecordRef: Hashable, Sendable {
        public var kind: HSDSRecordKind
        public var id: String
    }

    public private(set) var waves: [[Step]] = []
    public private(set) var unchanged = 0
    public private(set) var rejections: [RecordReasons] = []
    /// Records that went in with something left out.
    public private(set) var notes: [RecordReasons] = []

    public var commandCount: Int { waves.reduce(0) { $0 + $1.count } }

    /// `current` answers what the directory holds now (the views).
    public init(records: [HSDSMappedRecord], current: (EntityKey) -> Entity?) {
        var chosen: [EntityKey: Entity] = [:]
        var owners: [EntityKey: [RecordRef]] = [:]
        var accepted: [RecordRef: [EntityKey]] = [:]
        var acceptedOrder: [RecordRef] = []
        var rejectedReasons: [RecordRef: [String]] = [:]
        var rejectedOrder: [RecordRef] = []

        func reject(_ record: RecordRef, _ reasons: [String]) {
            if rejectedReasons[record] == nil { rejectedOrder.append(record) }
            for reason in reasons where !(rejectedReasons[record] ?? []).contains(reason) { rejectedReasons[record, default: []].append(reason) }
        }
        var notedOrder: [RecordRef] = []
        var noted: [RecordRef: [String]] = [:]
        func note(_ record: RecordRef, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            if noted[record] == nil { notedOrder.append(record) }
            for line in lines where !(noted[record] ?? []).contains(line) { noted[record, default: []].append(line) }
        }

        // 1. Each record alone: its problems, then each entry's own rules, then ids it
        //    shares with earlier records but with other content.
        for record in records {
            let ref = RecordRef(kind: record.kind, id: record.id)
            if accepted[ref] != nil {
                // The same record again (an organization nested in each of its services):
                // accepted only if it says the same.
                let same = record.problems.isEmpty && record.entities.allSatisfy { chosen[EntityKey($0.kind, $0.id)] == $0.normalized() }
                if !same { reject(ref, ["the id appears again with other content: the first copy is imported, this one is not"]) }
                continue
            }
            if rejectedReasons[ref] != nil { continue }
            var reasons = record.problems.lines
            var entries: [EntityKey: Entity] = [:]
            for entity in record.entities {
                let key = EntityKey(entity.kind, entity.id)
                let normal = entity.normalized()
                for error in entity.validate() { reasons.append("\(key.kind.rawValue) \(Self.short(entity.id)): \(error)") }
                if let earlier = chosen[key] ?? entries[key], earlier != normal {
                    let other = owners[key]?.first.map { "\($0.kind.rawValue) \($0.id)" } ?? "this record"
                    reasons.append("duplicate id \(entity.id.uuidString.lowercased()): a \(key.kind.rawValue) with other content is in \(other)")
                }
                entries[key] = normal
            }
            guard reasons.isEmpty else {
                reject(ref, reasons)
                continue
            }
            for (key, entity) in entries {
                chosen[key] = entity
                owners[key, default: []].append(ref)
            }
            accepted[ref] = record.entities.map { EntityKey($0.kind, $0.id) }
            acceptedOrder.append(ref)
            note(ref, record.notes)
        }

        // 2. References: to an entry of this import or of the directory. A record whose
        //    entry refers to neither is rejected, and so, in turn, are records that needed it.
        var changed = true
        while changed {
            changed = false
            for ref in acceptedOrder where accepted[ref] != nil {
                var reasons: [String] = []
                for key in accepted[ref] ?? [] {
                    guard var entity = chosen[key] else { continue }
                    // Soft references: a term without its parent, or a venue without its
                    // organization, still stands in dos; the reference is left out and said.
                    for link in entity.links where Self.isSoft(link, of: entity) && chosen[link.target] == nil && current(link.target) == nil {
                        entity = Self.dropping(link, from: entity)
                        chosen[key] = entity
                        note(ref, ["\(key.kind.rawValue) \(Self.short(key.id)): \(link.field) names \(link.target), which is neither in this import nor in the directory: imported without it"])
                    }
                    for link in entity.links where chosen[link.target] == nil && current(link.target) == nil {
                        reasons.append("\(key.kind.rawValue) \(Self.short(key.id)): \(link.field) names \(link.target), which is neither in this import nor in the directory")
                    }
                }
                guard !reasons.isEmpty else { continue }
                reject(ref, reasons)
                accepted[ref] = nil
                changed = true
                // Entries only this record brought leave with it.
                for (key, list) in owners where list.contains(ref) {
                    let rest = list.filter { $0 != ref && accepted[$0] != nil }
                    if rest.isEmpty { chosen[key] = nil; owners[key] = nil } else { owners[key] = rest }
                }
            }
        }

        // 3. Against the directory: create, update (against the version read) or leave alone.
        var levels: [EntityKey: Int] = [:]
        func level(_ key: EntityKey, depth: Int = 0) -> Int {
            if let known = levels[key] { return known }
            guard let entity = chosen[key], depth < 64 else { return 0 }
            let own = entity.links.filter { chosen[$0.target] != nil }.map { level($0.target, depth: depth + 1) + 1 }.max() ?? 0
            levels[key] = own
            return own
        }
        var waves: [Int: [Step]] = [:]
        // Each entry once, in the order the records brought them.
        var orderedKeys: [EntityKey] = []
        var seen: Set<EntityKey> = []
        for ref in acceptedOrder where accepted[ref] != nil {
            for key in accepted[ref] ?? [] where chosen[key] != nil && seen.insert(key).inserted { orderedKeys.append(key) }
        }
        for key in orderedKeys {
            guard let candidate = chosen[key] else { continue }
            let command: PlannedCommand
            if let existing = current(key) {
                let merged = Self.keepingDirectoryFields(of: existing, in: candidate)
                if merged.normalized() == existing.normalized() {
                    unchanged += 1
                    continue
                }
                command = .change(.update, merged, expectedVersion: existing.version)
            } else {
                command = .change(.create, candidate, expectedVersion: nil)
            }
            let step = Step(command: command, records: owners[key] ?? [], links: candidate.links.map(\.target))
            waves[level(key), default: []].append(step)
        }
        self.waves = waves.keys.sorted().compactMap { waves[$0] }
        notes = notedOrder.filter { accepted[$0] != nil }.map { RecordReasons(kind: $0.kind.rawValue, recordID: $0.id, reasons: noted[$0] ?? []) }
        rejections = rejectedOrder.map { RecordReasons(kind: $0.kind.rawValue, recordID: $0.id, reasons: rejectedReasons[$0] ?? []) }
    }

    /// The candidate with what HSDS cannot say taken from the directory's entry: its
    /// metadata (version, times, flag), whether it is published, and a provider's main venue
    /// and contact.
    static func keepingDirectoryFields(of existing: Entity, in candidate: Entity) -> Entity {
        var merged = candidate
        merged.metadata = existing.metadata
        switch (existing, merged) {
        case (.provider(let old), .provider(var new)):
            new.published = old.published
            new.mainVenueID = old.mainVenueID
            new.mainContactID = old.mainContactID
            merged = .provider(new)
        case (.service(let old), .service(var new)):
            new.published = old.published
            merged = .service(new)
        case (.contact(let old), .contact(var new)):
            new.website = old.website
            new.socialLinks = old.socialLinks
            merged = .contact(new)
        default:
            break
        }
        return merged
    }

    static func short(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// References dos lets be empty, which an import may leave out rather than reject.
    static func isSoft(_ link: EntityLink, of entity: Entity) -> Bool {
        switch entity {
        case .taxonomy: link.field == "parent_id"
        case .venue: link.field == "provider_id"
        default: false
        }
    }

    static func dropping(_ link: EntityLink, from entity: Entity) -> Entity {
        switch entity {
        case .taxonomy(var term): term.parentID = nil; return .taxonomy(term)
        case .venue(var venue): venue.providerID = nil; return .venue(venue)
        default: return entity
        }
    }
}
