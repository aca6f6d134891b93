import Foundation
import HSDS

/// A folder holding an HSDS CSV datapackage: `datapackage.json` naming the tables, and the
/// tables joined by their `*_id` columns. A table that is missing is read as empty.
public struct HSDSCSVSource: ImportSource {
    public let folder: String
    /// Tables are read whole; beyond this size they are refused.
    public static let maximumTableSize = 1 << 30

    public init(folder: String) { self.folder = folder }

    public var name: String { folder }

    public func read(progress: any ImportProgress) async throws -> ImportBatch {
        progress.phase("reading the datapackage in \(folder)")
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        let packageURL = base.appendingPathComponent("datapackage.json")
        let packageData = FileManager.default.fileExists(atPath: packageURL.path) ? try readSourceFile(packageURL.path, limit: 16 << 20) : nil
        var tables: [String: CSVTable] = [:]
        var batch = ImportBatch()
        let resources = HSDSTabular.resources(inDataPackage: packageData)
        let listed = HSDSTabular.listedResources(inDataPackage: packageData)
        guard packageData != nil || resources.values.contains(where: { FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path) }) else {
            throw ImportSourceError("\(folder) holds neither datapackage.json nor any HSDS table")
        }
        for (resource, path) in resources.sorted(by: { $0.key < $1.key }) where HSDSTabular.tables.contains(where: { $0.name == resource }) {
            // A path in the datapackage must stay inside the folder.
            let url = base.appendingPathComponent(path)
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."),
                  url.resolvingSymlinksInPath().path.hasPrefix(base.resolvingSymlinksInPath().path + "/")
            else {
                throw ImportSourceError("\(path): the datapackage names a file outside its folder")
            }
            // A table the package lists but that is missing or unreadable would silently drop
            // every row joined to it (a service's schedules): the whole import stops instead.
            guard FileManager.default.fileExists(atPath: url.path) else {
                if packageData != nil, listed.contains(resource) { throw ImportSourceError("\(path) is listed in datapackage.json but missing") }
                continue
            }
            do {
                let text = String(decoding: try readSourceFile(url.path, limit: Self.maximumTableSize), as: UTF8.self)
                tables[resource] = try CSVTable(parsing: text)
            } catch let error as CSVTable.ParseError {
                throw ImportSourceError("\(path) is not a readable CSV table: \(error)")
            }
        }
        let found = HSDSDocument.records(in: HSDSTabular.document(from: tables))
        batch.records = found.records
        batch.skipped = found.skipped
        return batch
    }
}
