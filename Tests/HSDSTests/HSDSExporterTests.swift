import Events
import Foundation
import Model
import Testing
@testable import HSDS

@Suite struct HSDSExporterTests {
    /// What the import of service_full.json gives, as a directory would hold it (validated and
    /// normalised, coordinates dropped).
    static func importedEntities() throws -> [Entity] {
        var seen: Set<EntityKey> = []
        return try HSDSImportMapperTests.records("service_full.json").flatMap(\.entities)
            .filter { seen.insert(EntityKey($0.kind, $0.id)).inserted }
            .map { $0.normalized() }
    }

    @Test func exportedJSONMapsBackToTheSameEntries() throws {
        let entities = try Self.importedEntities()
        let exporter = HSDSExporter(directory: HSDSDirectory(entities))
        let document = try JSONValue(parsing: exporter.document().jsonBytes)
        let mapper = HSDSImportMapper()
        var again: [EntityKey: Entity] = [:]
        for entity in HSDSDocument.records(in: document).records.flatMap(mapper.map).flatMap(\.entities) {
            again[EntityKey(entity.kind, entity.id)] = entity.normalized()
        }
        for entity in entities {
            #expect(again[EntityKey(entity.kind, entity.id)] == entity, "\(entity.kind) changed on the way round")
        }
        #expect(again.count == entities.count)
    }

    @Test func theCSVPackageMapsBackToTheSameEntries() throws {
        let entities = try Self.importedEntities()
        let package = HSDSTabular.tables(from: HSDSExporter(directory: HSDSDirectory(entities)))
        var tables: [String: CSVTable] = [:]
        for (file, table) in package.tables {
            let name = try #require(HSDSTabular.tables.first { $0.file == file }?.name)
            tables[name] = try CSVTable(parsing: table.text)
        }
        let mapper = HSDSImportMapper()
        var again: [EntityKey: Entity] = [:]
        for entity in HSDSDocument.records(in: HSDSTabular.document(from: tables)).records.flatMap(mapper.map).flatMap(\.entities) {
            again[EntityKey(entity.kind, entity.id)] = entity.normalized()
        }
        for entity in entities {
            #expect(again[EntityKey(entity.kind, entity.id)] == entity, "\(entity.kind) changed on the way round")
        }
    }

    @Test func unpublishedEntriesStayOutUnlessAsked() throws {
        let provider = Provider(name: "Hidden", published: false)
        let service = Service(providerID: provider.id, name: "Quiet", published: false)
        let directory = HSDSDirectory([.provider(provider), .service(service)])
        #expect(HSDSExporter(directory: directory).services.isEmpty)
        #expect(HSDSExporter(directory: directory).organizations.isEmpty)
        #expect(HSDSExporter(directory: directory, includesUnpublished: true).services.map(\.id) == [service.id])
    }
}
