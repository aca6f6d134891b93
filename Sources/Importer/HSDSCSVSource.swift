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
        let packageData = try? Data(contentsOf: packageURL)
        var tables: [String: CSVTable] = [:]
        var batch = ImportBatch()
        let resources = HSDSTabular.resources(inDataPackage: packageData)
        guard packageData != nil || resources.values.contains(where: { FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path) }) else {
            throw ImportSourceError("\(folder) holds neither datapackage.json nor any HSDS table")
        }
        for (resource, path) in resources.sorted(by: { $0.key < $1.key }) where HSDSTabular.tables.contains(where: { $0.name == resource }) {
            // A path in the datapackage must stay inside the folder.
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                batch.rejections.append(RecordReasons(kind: "table", recordID: path, reasons: ["the datapackage names a path outside its folder"]))
                continue
            }
            let url = base.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                let text = String(decoding: try readSourceFile(url.path, limit: Self.maximumTableSize), as: UTF8.self)
                tables[resource] = try CSVTable(parsing: text)
            } catch {
                batch.rejections.append(RecordReasons(kind: "table", recordID: path, reasons: ["cannot be read: \(error)"]))
            }
        }
        let found = HSDSDocument.records(in: HSDSTabular.document(from: tables))
        batch.records = found.records
        batch.skipped = found.skipped
        return batch
    }
}
