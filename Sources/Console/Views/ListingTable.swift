import ConsoleKit
import DosCommandLine
import Foundation
import Model
import TerminalSafety

/// The rows of one kind's listing, sorted and filtered, kept in step with the directory by
/// its journal: a few changes move their rows (binary search), many are merged in one pass,
/// so 100,000 entries stay cheap to update live, to sort and to filter per keystroke.
struct ListingTable: Sendable {
    /// One entry's row. A class so the sorted order, the id index and the filter results
    /// share one copy and moving a row moves a pointer.
    ///
    /// Rows keep only what sorting and filtering need; the cells on screen are made from the
    /// entry when drawn (a few dozen rows, not 100,000 copies of every cell).
    ///
    /// Unchecked Sendable: rows are changed only on the UI thread, and read by the two-core
    /// filter scan only while that thread waits for it.
    final class Row: @unchecked Sendable {
        let id: UUID
        /// Lower-cased UTF-8 of every cell as shown (escaped), for the filter.
        let search: [UInt8]
        /// `TextFilter.mask(of: search)` and `pairMask(of: search)`: most rows fail a filter on these alone.
        let searchMask: UInt64
        let pairMask: UInt64
        /// The sort column's key (lower-cased UTF-8, numbers zero-padded), then the name's.
        var sortKey: [UInt8] = []
        /// Ids of other entries its cells name.
        let references: [UUID]
        /// Whether it passes `flagsFilter` (kept per row so live changes need not re-test every row).
        var passes = true

        init(id: UUID, shown: [String], references: [UUID]) {
            self.id = id
            var search: [UInt8] = []
            for cell in shown {
                search += cell.lowercased().utf8
                search.append(0x20)
            }
            self.search = search
            searchMask = TextFilter.mask(of: search)
            pairMask = TextFilter.pairMask(of: search)
            self.references = references
        }
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
    /// The filter the rows' `passes` flags were computed for.
    private var flagsFilter = TextFilter("")
    /// Results of recent filters on the current rows: backspacing returns to one at once.
    private var filterCache: [String: [Int]] = [:]
    private var journalMark = -1
    /// Where this listing read the journals of the kinds it names, and which rows name whom.
    private var referenceMarks: [EntityKind: Int] = [:]
    private var referrers: [UUID: Set<UUID>] = [:]
    /// Above this many changes at once, merging beats moving rows one by one.
    private static let mergeThreshold = 32

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
        guard let row = byID[id], let at = position(of: row), at < ordered.count, ordered[at] === row else { return nil }
        guard let passing else { return at }
        // `passing` is sorted: binary search it too.
        var low = 0, high = passing.count
        while low < high {
            let middle = (low + high) / 2
            if passing[middle] < at { low = middle + 1 } else { high = middle }
        }
        return low < passing.count && passing[low] == at ? low : nil
    }

    // MARK: Keeping up with the directory

    /// Brings the rows up to date with the directory; returns true when anything changed.
    @discardableResult
    mutating func sync(with directory: DirectoryModel) -> Bool {
        let end = directory.journalEnd(kind: kind)
        if journalMark < 0 {
            rebuild(directory)
            return true
        }
        var changed: Set<UUID> = []
        if end != journalMark {
            guard let ids = directory.changes(kind: kind, since: journalMark) else {
                rebuild(directory)
                return true
            }
            changed.formUnion(ids)
            journalMark = end
        }
        // Rows that name an entry that changed elsewhere (a renamed provider) are remade too.
        for referenced in ListingColumns.referencedKinds(for: kind) {
            let referencedEnd = directory.journalEnd(kind: referenced)
            let mark = referenceMarks[referenced] ?? referencedEnd
            referenceMarks[referenced] = referencedEnd
            guard mark != referencedEnd else { continue }
            guard let ids = directory.changes(kind: referenced, since: mark) else {
                rebuild(directory)
                return true
            }
            for id in Set(ids) { changed.formUnion(referrers[id] ?? []) }
        }
        guard !changed.isEmpty else { return false }
        if changed.count > max(Self.mergeThreshold, ordered.count / 2) {
            rebuild(directory)
        } else if changed.count > Self.mergeThreshold {
            merge(changed, directory)
        } else {
            for id in changed { move(id, directory) }
        }
        rowsChanged()
        return true
    }

    /// Every row made again, and every journal read up to its end.
    private mutating func rebuild(_ directory: DirectoryModel) {
        journalMark = directory.journalEnd(kind: kind)
        for referenced in ListingColumns.referencedKinds(for: kind) { referenceMarks[referenced] = directory.journalEnd(kind: referenced) }
        byID.removeAll(keepingCapacity: true)
        referrers.removeAll(keepingCapacity: true)
        ordered = makeRows(Array(directory.rows(kind: kind).values), directory)
        byID.reserveCapacity(ordered.count)
        for row in ordered { index(row) }
        ordered = sorted(ordered)
        rowsChanged()
    }

    /// One changed entry: out of its place, and into its new one.
    private mutating func move(_ id: UUID, _ directory: DirectoryModel) {
        if let old = unindex(id), let at = position(of: old), at < ordered.count, ordered[at] === old {
            ordered.remove(at: at)
        }
        guard let entity = directory.entry(kind: kind, id: id) else { return }
        let row = makeRow(entity, directory)
        index(row)
        ordered.insert(row, at: position(of: row) ?? ordered.count)
    }

    /// Many changed entries: find the old rows by binary search and drop them, then put the
    /// new rows (sorted) at their places, copying the rows between in runs: comparisons grow
    /// with the changes, not with the listing.
    private mutating func merge(_ ids: Set<UUID>, _ directory: DirectoryModel) {
        let gone = Set(ids.compactMap { id -> Int? in
            guard let old = unindex(id), let at = position(of: old), at < ordered.count, ordered[at] === old else { return nil }
            return at
        })
        if !gone.isEmpty {
            var kept: [Row] = []
            kept.reserveCapacity(ordered.count)
            var start = 0
            for at in gone.sorted() {
                kept.append(contentsOf: ordered[start..<at])
                start = at + 1
            }
            kept.append(contentsOf: ordered[start...])
            ordered = kept
        }
        let fresh = ids.compactMap { id in directory.entry(kind: kind, id: id).map { makeRow($0, directory) } }.sorted(by: precedes)
        guard !fresh.isEmpty else { return }
        var merged: [Row] = []
        merged.reserveCapacity(ordered.count + fresh.count)
        var start = 0
        for row in fresh {
            index(row)
            let at = max(start, position(of: row) ?? ordered.count)
            merged.append(contentsOf: ordered[start..<at])
            merged.append(row)
            start = at
        }
        merged.append(contentsOf: ordered[start...])
        ordered = merged
    }

    private mutating func index(_ row: Row) {
        byID[row.id] = row
        for reference in row.references { referrers[reference, default: []].insert(row.id) }
    }

    private mutating func unindex(_ id: UUID) -> Row? {
        guard let old = byID.removeValue(forKey: id) else { return nil }
        for reference in old.references { referrers[reference]?.remove(id) }
        return old
    }

    /// The cells of an entry, as drawn (the screen escapes them in their own colour).
    func cells(_ entity: Entity, _ directory: DirectoryModel) -> [String] {
        columns.map { $0.value(entity, directory) }
    }

    /// `rows` in order; many are sorted in two halves on both cores, then merged.
    private func sorted(_ rows: [Row]) -> [Row] {
        guard rows.count >= 20_000 else { return rows.sorted(by: precedes) }
        let middle = rows.count / 2
        var halves: [[Row]] = [Array(rows[..<middle]), Array(rows[middle...])]
        halves.withUnsafeMutableBufferPointer { results in
            guard let base = results.baseAddress else { return }
            let slots = ResultSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                slots.set(half, slots.get(half).sorted(by: precedes))
            }
        }
        var merged: [Row] = []
        merged.reserveCapacity(rows.count)
        var left = halves[0][...], right = halves[1][...]
        while let l = left.first, let r = right.first {
            if precedes(r, l) {
                merged.append(r)
                right = right.dropFirst()
            } else {
                merged.append(l)
                left = left.dropFirst()
            }
        }
        merged += left
        merged += right
        return merged
    }

    /// Rows for many entries at once, made on both cores when there are many (a first load).
    private func makeRows(_ entries: [DirectoryModel.Row], _ directory: DirectoryModel) -> [Row] {
        let chunks = entries.count >= 20_000 ? 2 : 1
        guard chunks > 1 else { return entries.map { makeRow($0.entity, directory) } }
        var parts = [[Row]](repeating: [], count: chunks)
        let size = (entries.count + chunks - 1) / chunks
        parts.withUnsafeMutableBufferPointer { results in
            guard let base = results.baseAddress else { return }
            let slots = ResultSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * size, end = min(entries.count, start + size)
                guard start < end else { return }
                slots.set(chunk, entries[start..<end].map { makeRow($0.entity, directory) })
            }
        }
        return parts.flatMap { $0 }
    }

    private func makeRow(_ entity: Entity, _ directory: DirectoryModel) -> Row {
        let shown = cells(entity, directory).map(TerminalText.escape)
        let row = Row(id: entity.id, shown: shown, references: ListingColumns.references(of: entity))
        row.sortKey = sortKey(shown)
        row.passes = flagsFilter.matches(row.search, mask: row.searchMask, needleMask: flagsFilter.needleMask,
                                         pairMask: row.pairMask, needlePairMask: flagsFilter.needlePairMask)
        return row
    }

    // MARK: Order

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
        let order = Self.compare(left.sortKey, right.sortKey)
        if order != 0 { return ascending ? order < 0 : order > 0 }
        return Self.idPrecedes(left.id, right.id)
    }

    /// Byte order of two keys (memcmp, then the shorter first): sorting 100,000 rows compares
    /// keys about 1.7 million times.
    private static func compare(_ left: [UInt8], _ right: [UInt8]) -> Int32 {
        left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                let common = min(l.count, r.count)
                if common > 0, let lBase = l.baseAddress, let rBase = r.baseAddress {
                    let order = memcmp(lBase, rBase, common)
                    if order != 0 { return order }
                }
                return l.count == r.count ? 0 : (l.count < r.count ? -1 : 1)
            }
        }
    }

    /// Ties (equal keys) go by the id's bytes: stable across runs, and no string is made.
    private static func idPrecedes(_ left: UUID, _ right: UUID) -> Bool {
        withUnsafeBytes(of: left.uuid) { l in
            withUnsafeBytes(of: right.uuid) { r in
                guard let lBase = l.baseAddress, let rBase = r.baseAddress else { return false }
                return memcmp(lBase, rBase, 16) < 0
            }
        }
    }

    private func sortKey(_ shown: [String]) -> [UInt8] {
        let column = columns[sortColumn]
        var key: [UInt8]
        let cell = shown[sortColumn]
        if column.numeric, let number = Double(cell) {
            // Zero-padded so bytes sort as numbers do (non-negative values in listings).
            key = Array(String(format: "%020.4f", max(0, number)).utf8)
        } else {
            key = Array(cell.lowercased().utf8)
        }
        key.append(0)
        key += shown[0].lowercased().utf8
        return key
    }

    /// Re-sorts the rows it has (no row is made again): only the keys change.
    mutating func sort(by column: Int, ascending: Bool, directory: DirectoryModel) {
        sortColumn = max(0, min(columns.count - 1, column))
        self.ascending = ascending
        // Each row is re-keyed by one chunk only (rows are classes: the array is just read).
        let rows = ordered, chunks = rows.count >= 20_000 ? 2 : 1, table = self
        let size = (rows.count + chunks - 1) / max(1, chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for row in rows[min(rows.count, chunk * size) ..< min(rows.count, (chunk + 1) * size)] {
                guard let entity = directory.entry(kind: table.kind, id: row.id) else { continue }
                row.sortKey = table.sortKey(table.cells(entity, directory).map(TerminalText.escape))
            }
        }
        ordered = sorted(ordered)
        rowsChanged()
    }

    // MARK: Filter

    mutating func setFilter(_ text: String) {
        let next = TextFilter(text)
        let previous = filter
        filter = next
        if next.isEmpty {
            passing = nil
        } else if let cached = filterCache[next.source] {
            passing = cached
        } else if let current = passing, !previous.isEmpty, next.narrows(previous) {
            passing = Self.matching(next, in: ordered, among: current)
        } else {
            passing = Self.matching(next, in: ordered, among: nil)
        }
        if let passing, !next.isEmpty {
            if filterCache.count > 32 { filterCache.removeAll() }
            filterCache[next.source] = passing
        }
        // Keep the rows' flags true to the filter now shown (a plain pass, no matching), so
        // the next change from the stream need not test every row again.
        for row in ordered { row.passes = passing == nil }
        for index in passing ?? [] { ordered[index].passes = true }
        flagsFilter = next
    }

    /// Indexes of the rows that pass, among `candidates` (the previous result, when the filter
    /// narrows it) or all rows. Many candidates are tested on both cores: the first letters of a
    /// filter match most rows and must still answer within a frame.
    private static func matching(_ filter: TextFilter, in rows: [Row], among candidates: [Int]?) -> [Int] {
        let needleMask = filter.needleMask, needlePairMask = filter.needlePairMask
        let count = candidates?.count ?? rows.count
        func rowIndex(_ position: Int) -> Int { candidates?[position] ?? position }
        guard count >= 20_000 else {
            return (0..<count).map(rowIndex).filter { filter.matches(rows[$0].search, mask: rows[$0].searchMask, needleMask: needleMask,
                                                                   pairMask: rows[$0].pairMask, needlePairMask: needlePairMask) }
        }
        var passes = [Bool](repeating: false, count: count)
        let chunks = 2
        passes.withUnsafeMutableBufferPointer { results in
            guard let base = results.baseAddress else { return }
            let slots = ResultSlots(base: base)
            let size = (count + chunks - 1) / chunks
            // Each chunk writes its own part of the results; the rows are only read.
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * size, end = min(count, start + size)
                guard start < end else { return }
                for position in start..<end {
                    let row = rows[candidates?[position] ?? position]
                    slots.set(position, filter.matches(row.search, mask: row.searchMask, needleMask: needleMask,
                                                      pairMask: row.pairMask, needlePairMask: needlePairMask))
                }
            }
        }
        return passes.indices.compactMap { passes[$0] ? rowIndex($0) : nil }
    }

    /// A result array, written by parallel chunks at disjoint indexes only.
    private struct ResultSlots<Element>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
        func set(_ index: Int, _ value: Element) { (base + index).pointee = value }
        func get(_ index: Int) -> Element { (base + index).pointee }
    }

    /// The rows moved: recent filter results no longer hold, and the current one is redone —
    /// from the rows' flags when they were computed for this filter.
    private mutating func rowsChanged() {
        filterCache.removeAll()
        guard !filter.isEmpty else { passing = nil; return }
        if flagsFilter != filter {
            let needleMask = filter.needleMask
            let needlePairMask = filter.needlePairMask
            for row in ordered {
                row.passes = filter.matches(row.search, mask: row.searchMask, needleMask: needleMask, pairMask: row.pairMask, needlePairMask: needlePairMask)
            }
            flagsFilter = filter
        }
        passing = ordered.indices.filter { ordered[$0].passes }
        if let passing { filterCache[filter.source] = passing }
    }
}
