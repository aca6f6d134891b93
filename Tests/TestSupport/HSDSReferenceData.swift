import Foundation

/// Where the Open Referral HSDS 3.0 schemas and examples are: `shared/hsds` beside the
/// repository (the workplace's layout, and /work/shared/hsds on its machines), or the folder
/// `DOS_HSDS_DIR` names. They are the standard's own files, read in place and never copied
/// into the project (their licence is CC BY-SA; see shared/hsds/SOURCES.md).
public enum HSDSReferenceData {
    public static let directory: URL = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates: [URL] = []
        if let named = ProcessInfo.processInfo.environment["DOS_HSDS_DIR"], !named.isEmpty { candidates.append(URL(fileURLWithPath: named)) }
        candidates.append(repository.deletingLastPathComponent().appendingPathComponent("shared/hsds"))
        candidates.append(URL(fileURLWithPath: "/work/shared/hsds"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("schema-3.0").path) } ?? candidates[0]
    }()

    public static var examples: URL { directory.appendingPathComponent("examples") }
    public static var schemas: URL { directory.appendingPathComponent("schema-3.0") }
}
