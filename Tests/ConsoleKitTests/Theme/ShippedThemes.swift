import Foundation

/// The repository's `themes/` folder, found from this file's path (symlinks resolved, so it
/// also works from a scratch package that links the test sources in).
enum ShippedThemes {
    static let names = ["default-dark", "light", "high-contrast", "monochrome"]

    static var directory: String {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // Theme
            .deletingLastPathComponent()  // ConsoleKitTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
            .appendingPathComponent("themes").path
    }

    static func path(_ name: String) -> String {
        directory + "/" + name + ".yaml"
    }
}
