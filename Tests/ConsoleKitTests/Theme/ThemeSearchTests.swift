import ConsoleKit
import XCTest

final class ThemeSearchTests: XCTestCase {
    private var folder: TemporaryDirectory!

    override func setUpWithError() throws {
        folder = try TemporaryDirectory()
    }

    override func tearDown() {
        folder.remove()
    }

    // MARK: - Search directories

    func testSearchOrderIsOverrideThenUserThenInstalled() {
        let directories = ThemeLoader.searchDirectories(
            environment: ["DOS_THEMES_DIR": "/custom/themes", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ann"],
            executablePath: folder.path + "/prefix/bin/dos")
        XCTAssertEqual(directories, ["/custom/themes", "/xdg/dos/themes", folder.path + "/prefix/share/dos/themes"])
    }

    func testUserThemesDefaultToHomeConfig() {
        let directories = ThemeLoader.searchDirectories(environment: ["HOME": "/home/ann"], executablePath: "/usr/local/bin/dos")
        XCTAssertEqual(directories, ["/home/ann/.config/dos/themes", "/usr/local/share/dos/themes"])
    }

    func testEmptyOverrideIsIgnored() {
        let directories = ThemeLoader.searchDirectories(environment: ["DOS_THEMES_DIR": "", "HOME": "/h"], executablePath: "/usr/bin/dos")
        XCTAssertEqual(directories.first, "/h/.config/dos/themes")
    }

    func testRepositoryThemesAreFoundAboveASwiftPMBuild() throws {
        try folder.write("// swift-tools-version:6.1", to: "repo/Package.swift")
        try folder.makeFolder("repo/themes")
        try folder.write("", to: "repo/.build/x86_64-unknown-linux-gnu/debug/dos")
        let directories = ThemeLoader.searchDirectories(
            environment: ["HOME": "/h"], executablePath: folder.path + "/repo/.build/x86_64-unknown-linux-gnu/debug/dos")
        let repositoryThemes = URL(fileURLWithPath: folder.path + "/repo/themes").resolvingSymlinksInPath().path
        XCTAssertEqual(directories.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }.dropFirst().first, repositoryThemes)
        XCTAssertEqual(directories.count, 3)
    }

    func testAThemesFolderWithoutPackageSwiftIsNotARepository() throws {
        try folder.makeFolder("opt/themes")
        try folder.write("", to: "opt/bin/dos")
        let directories = ThemeLoader.searchDirectories(environment: ["HOME": "/h"], executablePath: folder.path + "/opt/bin/dos")
        XCTAssertFalse(directories.contains { $0.hasSuffix("/opt/themes") })
    }

    // MARK: - Available names

    func testAvailableListsFileStemsSortedOnceWithTheBuiltIns() throws {
        try folder.write("roles: {}", to: "a/zebra.yaml")
        try folder.write("roles: {}", to: "a/apple.yml")
        try folder.write("not a theme", to: "a/README.md")
        try folder.write("roles: {}", to: "a/.hidden.yaml")
        try folder.write("roles: {}", to: "b/zebra.yaml")
        let names = ThemeLoader.available(in: [folder.path + "/a", folder.path + "/b", folder.path + "/missing"])
        XCTAssertEqual(names, ["apple", "default-dark", "monochrome", "zebra"])
    }

    // MARK: - Resolving

    func testResolveByNameTakesTheFirstDirectoryThatHasIt() throws {
        try folder.write("roles: { body: { fg: red } }", to: "user/sunset.yaml")
        try folder.write("roles: { body: { fg: blue } }", to: "shipped/sunset.yaml")
        let result = ThemeLoader.resolve("sunset", searchDirectories: [folder.path + "/user", folder.path + "/shipped"])
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.theme.name, "sunset")
        XCTAssertEqual(result.theme.style(.body).foreground, .named(.red))
    }

    func testResolveFindsTheShippedThemes() {
        for name in ShippedThemes.names {
            let result = ThemeLoader.resolve(name, searchDirectories: [ShippedThemes.directory])
            XCTAssertNil(result.problem, name)
            XCTAssertEqual(result.theme.name, name)
        }
    }

    func testResolveByPath() throws {
        let path = try folder.write("name: mine\nroles: { body: { bold: true } }", to: "elsewhere/mine.yaml")
        let result = ThemeLoader.resolve(path, searchDirectories: [])
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.theme.name, "mine")
        XCTAssertTrue(result.theme.style(.body).bold)
    }

    func testABrokenThemeFallsBackToTheBuiltInWithItsError() throws {
        try folder.write("roles: { selection: { fg: purpel } }", to: "user/sunset.yaml")
        try folder.write("roles: { body: {} }", to: "shipped/sunset.yaml")
        let result = ThemeLoader.resolve("sunset", searchDirectories: [folder.path + "/user", folder.path + "/shipped"])
        XCTAssertEqual(result.theme, .builtIn)
        XCTAssertEqual(result.problem?.file, folder.path + "/user/sunset.yaml", "the user's broken file is reported, not skipped")
        XCTAssertEqual(result.problem?.keyPath, "roles.selection.fg")
    }

    func testAnUnknownNameFallsBackAndListsWhatIsAvailable() throws {
        try folder.write("roles: {}", to: "t/sunset.yaml")
        let result = ThemeLoader.resolve("purple", searchDirectories: [folder.path + "/t"])
        XCTAssertEqual(result.theme, .builtIn)
        XCTAssertEqual(result.problem?.description, "purple: no such theme (available: default-dark, monochrome, sunset)")
    }

    func testAMissingPathFallsBack() {
        let result = ThemeLoader.resolve(folder.path + "/nope.yaml", searchDirectories: [])
        XCTAssertEqual(result.theme, .builtIn)
        XCTAssertEqual(result.problem?.message, "no such file")
    }

    func testBuiltInNamesWorkWithNoThemesInstalled() {
        let dark = ThemeLoader.resolve("default-dark", searchDirectories: [folder.path + "/none"])
        XCTAssertNil(dark.problem)
        XCTAssertEqual(dark.theme, .builtIn)
        let monochrome = ThemeLoader.resolve(" monochrome ", searchDirectories: [])
        XCTAssertNil(monochrome.problem)
        XCTAssertEqual(monochrome.theme, .monochromeFallback)
    }

    func testAnEmptyNameIsAProblem() {
        let result = ThemeLoader.resolve("  ", searchDirectories: [])
        XCTAssertEqual(result.theme, .builtIn)
        XCTAssertEqual(result.problem?.description, "no theme name given")
    }
}
