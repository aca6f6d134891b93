import Events
import Foundation
import HSDS

/// An HSDS 3.0 JSON file: one record, an array of records, or a page object (`contents`).
public struct HSDSFileSource: ImportSource {
    public let path: String
    /// Files are read whole; beyond this size they are refused rather than exhausting memory.
    public static let maximumSize = 1 << 30

    public init(path: String) { self.path = path }

    public var name: String { path }

    public func read(progress: any ImportProgress) async throws -> ImportBatch {
        progress.phase("reading \(path)")
        let data = try readSourceFile(path, limit: Self.maximumSize)
        return try Self.batch(from: data, name: path)
    }

    /// The records of one JSON document (also what each page of an API gives).
    static func batch(from data: Data, name: String) throws -> ImportBatch {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: data, limits: JSONLimits(maximumDepth: 64, maximumSize: maximumSize))
        } catch {
            throw ImportSourceError("\(name) is not valid JSON: \(error)")
        }
        let found = HSDSDocument.records(in: document)
        return ImportBatch(records: found.records, skipped: found.skipped)
    }
}
