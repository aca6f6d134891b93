import Foundation
import HSDS

/// A place records come from: the importer's plugin point. A source only reads and finds
/// records; mapping, checking and publishing are the same for every source, so a new source
/// (another API, a web page) is one new type conforming to this protocol.
public protocol ImportSource: Sendable {
    /// How reports name the source ("services.json", "https://api.example.org").
    var name: String { get }

    /// Every record the source holds. Parts that cannot be read (a malformed record, a page
    /// that keeps failing) are returned as rejections, not thrown: only a source that cannot
    /// be read at all throws.
    func read(progress: any ImportProgress) async throws -> ImportBatch
}

/// What a source read.
public struct ImportBatch: Sendable {
    public var records: [HSDSSourceRecord]
    /// Parts of the input that hold nothing dos imports (an API's root document, a taxonomy).
    public var skipped: [HSDSSkippedPart]
    /// Parts that should have been records but could not be read.
    public var rejections: [RecordReasons]

    public init(records: [HSDSSourceRecord] = [], skipped: [HSDSSkippedPart] = [], rejections: [RecordReasons] = []) {
        self.records = records
        self.skipped = skipped
        self.rejections = rejections
    }

    public mutating func add(_ other: ImportBatch) {
        records += other.records
        skipped += other.skipped
        rejections += other.rejections
    }
}

/// A source that cannot be read at all (missing file, unreachable API, not JSON).
public struct ImportSourceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads a whole file of a source, refusing one over `limit` bytes rather than exhausting memory,
/// and anything that is not a regular file (a symbolic link is followed and its target judged).
func readSourceFile(_ path: String, limit: Int) throws -> Data {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
    guard attributes?[.type] as? FileAttributeType == .typeRegular else { throw ImportSourceError("\(path) is not a regular file") }
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    guard size <= limit else { throw ImportSourceError("\(path) is \(size) bytes, over the limit of \(limit)") }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: resolved))
    } catch {
        throw ImportSourceError("cannot read \(path): \((error as NSError).localizedDescription)")
    }
}
