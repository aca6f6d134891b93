@testable import Console
import Foundation
import Model
import TestSupport
import XCTest

/// Big listings are built and sorted on both cores (rows made in two chunks, two halves sorted
/// and merged): the order must be exactly the one a plain sort gives.
final class ListingTableOrderTests: XCTestCase {
    private func directory(services count: Int) -> DirectoryModel {
        var generator = SeededGenerator(seed: 42)
        let providers = (0..<50).map { index in Provider(id: UUID(), version: 1, name: "Provider \(index % 7)") }
        let statuses: [ServiceStatus] = [.active, .inactive, .defunct]
        let services = (0..<count).map { index in
            // Few distinct names, so many keys tie and the id decides.
            Service(
                id: UUID(), version: 1 + index % 5, providerID: providers[Int.random(in: 0..<providers.count, using: &generator)].id,
                name: "Service \(Int.random(in: 0..<500, using: &generator))", status: statuses[index % 3])
        }
        var directory = DirectoryModel()
        directory.restore(DirectoryModel.Restored(
            entries: providers.map(Entity.provider) + services.map(Entity.service), tombstones: [:], skipped: 0))
        return directory
    }

    private func rows(_ table: ListingTable) -> [ListingTable.Row] {
        (0..<table.count).compactMap { table.row(at: $0) }
    }

    /// What a one-thread sort by (key, id) gives.
    private func expectedOrder(_ rows: [ListingTable.Row], ascending: Bool) -> [UUID] {
        rows.sorted { left, right in
            if left.sortKey != right.sortKey {
                return ascending ? left.sortKey.lexicographicallyPrecedes(right.sortKey) : right.sortKey.lexicographicallyPrecedes(left.sortKey)
            }
            return withUnsafeBytes(of: left.id.uuid) { l in withUnsafeBytes(of: right.id.uuid) { r in l.lexicographicallyPrecedes(r) } }
        }.map(\.id)
    }

    func testABigListingIsInExactlyTheOrderOfAPlainSort() {
        let directory = directory(services: 25_000)
        var table = ListingTable(kind: .service)
        table.sync(with: directory)
        let built = rows(table)
        XCTAssertEqual(built.count, 25_000)
        XCTAssertEqual(Set(built.map(\.id)).count, 25_000, "every entry once")
        XCTAssertEqual(built.map(\.id), expectedOrder(built, ascending: true))

        // By another column (STATUS), both ways: re-keyed on both cores, then sorted again.
        table.sort(by: 1, ascending: true, directory: directory)
        let byStatus = rows(table)
        XCTAssertEqual(byStatus.map(\.id), expectedOrder(byStatus, ascending: true))
        XCTAssertTrue(byStatus.first?.sortKey.starts(with: Array("active".utf8)) ?? false)
        table.sort(by: 1, ascending: false, directory: directory)
        let reversed = rows(table)
        XCTAssertEqual(reversed.map(\.id), expectedOrder(reversed, ascending: false))
        XCTAssertTrue(reversed.first?.sortKey.starts(with: Array("inactive".utf8)) ?? false)
    }
}
