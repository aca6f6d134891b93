import ConsoleKit
import DosCommandLine
import Foundation
import Model
import TerminalSafety

/// The rows of one kind's listing, sorted and filtered, kept in step with the directory by
/// its journal: a change moves one row (binary search), so 100,000 entries stay cheap to
/// update live and to filter per keystroke.
struct ListingTable {
    struct Row {
        var id: UUID
        /// Cell texts as they are (the screen escapes them, in their own colour), one per column.
        var cells: [String]
        /// Lower-cased UTF-8 of every cell, for the filter.
        var search: [UInt8]
        /// The sort column's key (lower-cased UTF-8, numbers zero-padded), then the name's, then the id.
        var sortKey: [UInt8]
        /// Ids of other entries its cells name.
        var references: [UUID]
    }

    let kind: EntityKind
    let columns: [ListingColumn]
    private(set) var sortColumn = 0
    private(set) var ascending = true
    private(set) var filter = TextFilter("")
    private var byID: [UUID: Row] = [:]
    /// All rows in sort order.
    private(set) var ordered: [Row] = []
    /// Indexes into `ordered` that pass the filter; nil when nothing is filtered.
    private var passing: [Int]?
    private var journalMark = -1
    /// Where this listing read the journals of the kinds it names, and which rows name whom.
    private var referenceMarks: [EntityKind: Int] = [:]
    private var referrers: [UUID: Set<UUID>] = [:]

    init(kind: EntityKind) {
        self.kind = kind
        columns = ListingColumns.columns(for: kind)
    }

    var count: Int { passing?.count ?? ordered.count }
    var total: Int { ordered.count }

    func row(at index: Int) -> Row? {
        if let passing { return index < passing.count ? ordered[passing[index]] : nil }
        return index < ordered.count ? ordered[index] : nil
    }

    func index(of id: UUID) -> Int? {
        if let passing { return passing.firstIndex { ordered[$0].id == id } }
        return ordered.firstIndex { $0.id == id }
    }

    /// Brings the rows up to date with the directory; returns true when anything changed.
    @discardableResult
    mutating func sync(with directory: DirectoryModel) -> Bool {
        let renamed = syncReferences(directory)
        let end = directory.journalEnd(kind: kind)
        guard end != journalMark else { return renamed }
        if journalMark < 0 || directory.changes(kind: kind, since: journalMark) == nil {
            rebuild(directory)
        } else if let changed = directory.changes(kind: kind, since: journalMark) {
            let unique = Set(changed)
            if unique.count > max(2_000, ordered.count / 8) {
                rebuild(directory)
            } else {
                for id in unique { update(id, directory) }
                refilter()
            }
        }
        journalMark = end
        return true
    }

    /// Rows that name an entry that changed elsewhere (a renamed provider) are remade.
    private mutating func syncReferences(_ directory: DirectoryModel) -> Bool {
        var changed = false
        for referenced in ListingColumns.referencedKinds(for: kind) {
            let end = directory.journalEnd(kind: referenced)
            let mark = referenceMarks[referenced] ?? end
            referenceMarks[referenced] = end
            guard mark != end, journalMark >= 0 else { continue }
            guard let ids = directory.changes(kind: referenced, since: mark) else {
                rebuild(directory)
                return true
            }
            let affected = Set(ids.flatMap { referrers[$0] ?? [] })
            guard !affected.isEmpty else { continue }
            for id in affected { update(id, directory) }
            changed = true
        }
        if changed { refilter() }
        return changed
    }

    private mutating func rebuild(_ directory: DirectoryModel) {
        byID.removeAll(keepingCapacity: true)
        referrers.removeAll(keepingCapacity: true)
        ordered = directory.rows(kind: kind).values.map { makeRow($0.entity, directory) }
        for row in ordered {
            byID[row.id] = row
            for reference in row.references { referrers[reference, default: []].insert(row.id) }
        }
        ordered.sort(by: precedes)
        refilter()
    }

    private mutating func update(_ id: UUID, _ directory: DirectoryModel) {
        let old = byID.removeValue(forKey: id)
        for reference in old?.references ?? [] { referrers[reference]?.remove(id) }
        if let old, let at = position(of: old), at < ordered.count, ordered[at].id == id {
            ordered.remove(at: at)
        } else if let stale = ordered.firstIndex(where: { $0.id == id }) {
            ordered.remove(at: stale)
        }
        guard let entity = directory.entry(kind: kind, id: id) else { return }
        let row = makeRow(entity, directory)
        byID[id] = row
        for reference in row.references { referrers[reference, default: []].insert(id) }
        ordered.insert(row, at: position(of: row) ?? ordered.count)
    }

    /// The first index whose row does not precede `row` (where it is, or would go).
    private func position(of row: Row) -> Int? {
        var low = 0, high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(ordered[middle], row) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func precedes(_ left: Row, _ right: Row) -> Bool {
        if left.sortKey != right.sortKey {
            return ascending ? left.sortKey.lexicographicallyPrecedes(right.sortKey) : right.sortKey.lexicographicallyPrecedes(left.sortKey)
        }
        return left.id.uuidString < right.id.uuidString
    }

    private func makeRow(_ entity: Entity, _ directory: DirectoryModel) -> Row {
        let cells = columns.map { $0.value(entity, directory) }
        // Search and sort see what the screen shows: the escaped text.
        let shown = cells.map(TerminalText.escape)
        var search: [UInt8] = []
        for cell in shown {
            search += cell.lowercased().utf8
            search.append(0x20)
        }
        return Row(id: entity.id, cells: cells, search: search, sortKey: sortKey(shown), references: ListingColumns.references(of: entity))
    }

    private func sortKey(_ cells: [String]) -> [UInt8] {
        let column = columns[sortColumn]
        var key: [UInt8]
        let cell = cells[sortColumn]
        if column.numeric, let number = Double(cell) {
            // Zero-padded so bytes sort as numbers do (non-negative values in listings).
            key = Array(String(format: "%020.4f", max(0, number)).utf8)
        } else {
            key = Array(cell.lowercased().utf8)
        }
        key.append(0)
        key += cells[0].lowercased().utf8
        return key
    }

    mutating func setFilter(_ text: String) {
        let next = TextFilter(text)
        let previous = filter
        filter = next
        if next.isEmpty {
            passing = nil
        } else if let current = passing, next.narrows(previous), !previous.isEmpty {
            passing = current.filter { next.matches(ordered[$0].search) }
        } else {
            refilter()
        }
    }

    private mutating func refilter() {
        guard !filter.isEmpty else { passing = nil; return }
        passing = ordered.indices.filter { filter.matches(ordered[$0].search) }
    }

    mutating func sort(by column: Int, ascending: Bool, directory: DirectoryModel) {
        sortColumn = max(0, min(columns.count - 1, column))
        self.ascending = ascending
        rebuild(directory)
    }
}
