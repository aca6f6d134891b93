import Foundation

/// Writes notifications into a mail-drop folder, one file per notification.
///
/// The file name comes from the delivery id, and each file is written to a temporary name and
/// renamed into place: a redelivered notification replaces its own file whole, and a reader
/// never sees half a message.
struct MailDropWriter: Sendable {
    /// The message file's name for a delivery.
    static func fileName(deliveryID: String) -> String { "\(deliveryID).eml" }

    func write(_ message: MailMessage, to folder: String) -> DeliveryOutcome {
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        let name = Self.fileName(deliveryID: message.deliveryID)
        let final = directory.appendingPathComponent(name)
        // A leading dot keeps mail readers from picking up the temporary file.
        let temporary = directory.appendingPathComponent(".\(name).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                return .failed(reason: "cannot create \(temporary.path)")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(message.text.utf8))
            // On disk before the rename, so a crash leaves the old file or the whole new one.
            try handle.synchronize()
            guard rename(temporary.path, final.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return .failed(reason: "cannot rename into \(final.path): \(reason)")
            }
            return .sent
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return .failed(reason: "cannot write to the mail-drop folder \(folder): \(error.localizedDescription)")
        }
    }
}
