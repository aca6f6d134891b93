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
        /// Escaped cell texts, one per column.
        var cells: [String]
        /// Lower-cased UTF-8 of every cell, for the filter.
        var search: [UInt8]
        /// The sort column's key (lower-cased UTF-8, numbers zero-padded), then the name's, then the id.
        var sortKey: [UInt8]
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
        let end = directory.journalEnd(kind: kind)
        guard end != journalMark else { return false }
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

    private mutating func rebuild(_ directory: DirectoryModel) {
        byID.removeAll(keepingCapacity: true)
        ordered = directory.rows(kind: kind).values.map { makeRow($0.entity, directory) }
        for row in ordered { byID[row.id] = row }
        ordered.sort(by: precedes)
        refilter()
    }

    private mutating func update(_ id: UUID, _ directory: DirectoryModel) {
        if let old = byID.removeValue(forKey: id), let at = position(of: old), at < ordered.count, ordered[at].id == id {
            ordered.remove(at: at)
        } else if let stale = ordered.firstIndex(where: { $0.id == id }) {
            ordered.remove(at: stale)
        }
        guard let entity = directory.entry(kind: kind, id: id) else { return }
        let row = makeRow(entity, directory)
        byID[id] = row
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
        let cells = columns.map { TerminalText.escape($0.value(entity, directory)) }
        var search: [UInt8] = []
        for cell in cells {
            search += cell.lowercased().utf8
            search.append(0x20)
        }
        return Row(id: entity.id, cells: cells, search: search, sortKey: sortKey(cells))
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
