import Foundation

/// Writes an export as a CSV datapackage folder.
public enum HSDSPackageWriter {
    public static func write(_ exporter: HSDSExporter, to folder: String) throws {
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let package = HSDSTabular.tables(from: exporter)
        for (file, table) in package.tables {
            try Data(table.text.utf8).write(to: base.appendingPathComponent(file), options: .atomic)
        }
        try Data(package.dataPackage.jsonBytes).write(to: base.appendingPathComponent("datapackage.json"), options: .atomic)
    }
}
