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
        var rejected = RecordReasonList(), noted = RecordReasonList()
        // Known: in this import, or in the directory.
        func isKnown(_ key: EntityKey) -> Bool { chosen[key] != nil || current(key) != nil }

        // 1. Each record alone: its problems, then each entry's own rules, then ids it
        //    shares with earlier records but with other content.
        // Records themselves before the copies nested in others (a service's organization is
        // often a summary of the organization's own record).
        let ordered = records.filter { !$0.isNested } + records.filter(\.isNested)
        for record in ordered {
            let ref = RecordRef(kind: record.kind, id: record.id)
            if accepted[ref] != nil {
                // The same record again (an organization nested in each of its services):
                // accepted only if it says the same.
                let same = record.problems.isEmpty && record.entities.allSatisfy { entity in
                    let held = chosen[EntityKey(entity.kind, entity.id)], normal = entity.normalized()
                    return held == normal || held.flatMap { Self.completing($0, with: normal) } == held
                }
                if !same {
                    if record.isNested {
                        noted.add(ref, ["a copy nested in another record differs from this record: the record is imported"])
                    } else {
                        rejected.add(ref, ["the id appears again with other content: the first copy is imported, this one is not"])
                    }
                }
                continue
            }
            if rejected.contains(ref) { continue }
            var reasons = record.problems.lines
            var entries: [EntityKey: Entity] = [:]
            for entity in record.entities {
                let key = EntityKey(entity.kind, entity.id)
                var normal = entity.normalized()
                for error in entity.validate() { reasons.append("\(key): \(error)") }
                if let earlier = chosen[key] ?? entries[key], earlier != normal {
                    if let merged = Self.completing(earlier, with: normal) {
                        normal = merged
                    } else {
                        let other = owners[key]?.first.map { "\($0.kind.rawValue) \($0.id)" } ?? "this record"
                        reasons.append("duplicate id \(entity.id.uuidString.lowercased()): a \(key.kind.rawValue) with other content is in \(other)")
                    }
                }
                entries[key] = normal
            }
            guard reasons.isEmpty else {
                rejected.add(ref, reasons)
                continue
            }
            for (key, entity) in entries {
                chosen[key] = entity
                owners[key, default: []].append(ref)
            }
            accepted[ref] = record.entities.map { EntityKey($0.kind, $0.id) }
            acceptedOrder.append(ref)
            noted.add(ref, record.notes)
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
                    for link in entity.links where Self.isSoft(link, of: entity) && !isKnown(link.target) {
                        entity = Self.dropping(link, from: entity)
                        chosen[key] = entity
                        noted.add(ref, ["\(key): \(link.field) names \(link.target), which is neither in this import nor in the directory: imported without it"])
                    }
                    for link in entity.links where !isKnown(link.target) {
                        reasons.append("\(key): \(link.field) names \(link.target), which is neither in this import nor in the directory")
                    }
                }
                guard !reasons.isEmpty else { continue }
                rejected.add(ref, reasons)
                let keys = accepted[ref] ?? []
                accepted[ref] = nil
                changed = true
                // Entries only this record brought leave with it.
                for key in Set(keys) {
                    let rest = (owners[key] ?? []).filter { $0 != ref && accepted[$0] != nil }
                    if rest.isEmpty { chosen[key] = nil; owners[key] = nil } else { owners[key] = rest }
                }
            }
        }

        // 3. Against the directory: create, update (against the version read) or leave alone.
        let levels = Self.levels(of: chosen)
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
            waves[levels[key] ?? 0, default: []].append(step)
        }
        self.waves = waves.keys.sorted().compactMap { waves[$0] }
        notes = noted.list { accepted[$0] != nil }
        rejections = rejected.list()
    }

    /// Two copies of one location that differ only in that one names its organization (a
    /// location nested in a service need not say, the organization's copy does): the fuller one.
    static func completing(_ first: Entity, with second: Entity) -> Entity? {
        guard case .venue(var a) = first, case .venue(var b) = second, (a.providerID == nil) != (b.providerID == nil) else { return nil }
        let provider = a.providerID ?? b.providerID
        a.providerID = provider
        b.providerID = provider
        return a == b ? .venue(a) : nil
    }

    /// Each entry's wave: one after the latest of the entries of this import it refers to
    /// (Kahn's order, so any depth of taxonomy works). Entries in a reference cycle go last;
    /// the store decides about them.
    static func levels(of entries: [EntityKey: Entity]) -> [EntityKey: Int] {
        var waiting: [EntityKey: Int] = [:]
        var dependents: [EntityKey: [EntityKey]] = [:]
        for (key, entity) in entries {
            let targets = Set(entity.links.map(\.target).filter { entries[$0] != nil && $0 != key })
            waiting[key] = targets.count
            for target in targets { dependents[target, default: []].append(key) }
        }
        var levels: [EntityKey: Int] = [:]
        var ready = waiting.filter { $0.value == 0 }.map(\.key)
        for key in ready { levels[key] = 0 }
        while let key = ready.popLast() {
            for dependent in dependents[key] ?? [] {
                levels[dependent] = max(levels[dependent] ?? 0, (levels[key] ?? 0) + 1)
                waiting[dependent, default: 0] -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        let last = (levels.values.max() ?? 0) + 1
        for key in entries.keys where levels[key] == nil || (waiting[key] ?? 0) > 0 { levels[key] = last }
        return levels
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
