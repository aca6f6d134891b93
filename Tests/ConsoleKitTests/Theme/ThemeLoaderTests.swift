import ConsoleKit
import XCTest

final class ThemeLoaderTests: XCTestCase {
    private let file = "themes/x.yaml"

    /// The error parsing `yaml` gives, or a failure when it parses.
    private func problem(_ yaml: String) -> ThemeLoadError? {
        do {
            let theme = try ThemeLoader.parse(yaml: yaml, name: "x", file: file)
            XCTFail("expected an error, loaded \(theme.name)")
            return nil
        } catch {
            return error
        }
    }

    private func parse(_ yaml: String) throws -> Theme {
        try ThemeLoader.parse(yaml: yaml, name: "x", file: file)
    }

    func testReadsColoursAndAttributes() throws {
        let theme = try parse("""
            name: mine
            roles:
              body: { fg: white, bg: default }
              header: { fg: black, bg: cyan, bold: true, underline: true, reverse: false, dim: true }
              selection: { fg: bright_white, bg: "#5FAFFF" }
              dim: { fg: gray }
            """)
        XCTAssertEqual(theme.name, "mine")
        XCTAssertEqual(theme.style(.body), RoleStyle(foreground: .named(.white)))
        XCTAssertEqual(theme.style(.header), RoleStyle(foreground: .named(.black), background: .named(.cyan), bold: true, underline: true, dim: true))
        XCTAssertEqual(theme.style(.selection), RoleStyle(foreground: .named(.brightWhite), background: .rgb(0x5F, 0xAF, 0xFF)))
        XCTAssertEqual(theme.style(.dim).foreground, .named(.brightBlack))
    }

    func testNameComesFromTheCallerWhenTheFileHasNone() throws {
        XCTAssertEqual(try parse("roles: { body: {} }").name, "x")
    }

    func testRolesLeftOutLookLikeBody() throws {
        let theme = try parse("roles: { body: { fg: green, bold: true } }")
        XCTAssertEqual(theme.styles.count, 1)
        XCTAssertEqual(theme.style(.selection), theme.style(.body))
        XCTAssertEqual(theme.missingRoles.count, Role.allCases.count - 1)
    }

    func testWithoutBodyEveryRoleIsPlain() throws {
        let theme = try parse("roles: { title: { bold: true } }")
        XCTAssertEqual(theme.style(.title), RoleStyle(bold: true))
        XCTAssertEqual(theme.style(.selection), .plain)
    }

    func testColoursLeftOutOfARoleComeFromBodyWhereverBodyIsWritten() throws {
        let theme = try parse("""
            roles:
              title: { fg: yellow, bold: true }
              status_bar: { bg: blue }
              body: { fg: bright_white, bg: black }
            """)
        XCTAssertEqual(theme.style(.title), RoleStyle(foreground: .named(.yellow), background: .named(.black), bold: true))
        XCTAssertEqual(theme.style(.statusBar), RoleStyle(foreground: .named(.brightWhite), background: .named(.blue)))
    }

    func testPaletteNamesColoursForTheRoles() throws {
        let theme = try parse("""
            palette: { accent: "#005faf", ok: green }
            roles:
              selection: { fg: bright_white, bg: accent }
              status_good: { fg: ok }
            """)
        XCTAssertEqual(theme.style(.selection).background, .rgb(0x00, 0x5F, 0xAF))
        XCTAssertEqual(theme.style(.statusGood).foreground, .named(.green))
    }

    // MARK: - Rejected files

    func testUnknownColourNamesFileAndKeyPath() {
        XCTAssertEqual(
            problem("roles:\n  selection: { fg: purpel }")?.description,
            "themes/x.yaml: roles.selection.fg: unknown colour \"purpel\" (use a name, #rrggbb or default)")
    }

    func testUnknownColourListsThePalette() {
        XCTAssertEqual(
            problem("palette: { b: blue, a: red }\nroles: { body: { bg: c } }")?.message,
            "unknown colour \"c\" (use a name, #rrggbb, default or one of the palette: a, b)")
    }

    func testMalformedHexColours() {
        for bad in ["#12345", "#1234567", "#ggggg0", "5fafff", "#５fafff"] {
            XCTAssertEqual(problem("roles: { body: { fg: \"\(bad)\" } }")?.keyPath, "roles.body.fg", bad)
        }
    }

    func testUnquotedHexIsACommentAndTheMessageSaysToQuoteIt() {
        let error = problem("roles:\n  selection:\n    bg: #5fafff\n")
        XCTAssertEqual(error?.keyPath, "roles.selection.bg")
        XCTAssertEqual(error?.message, "expected a colour, got nothing (quote #rrggbb colours: \"#5fafff\")")
    }

    func testUnknownRole() {
        XCTAssertEqual(
            problem("roles: { selektion: { fg: red } }")?.description,
            "themes/x.yaml: roles.selektion: unknown role (the roles are listed in themes/README.md)")
    }

    func testUnknownStyleKey() {
        XCTAssertEqual(
            problem("roles: { body: { fg: red, italic: true } }")?.description,
            "themes/x.yaml: roles.body.italic: unknown key (use fg, bg, bold, underline, reverse, dim)")
    }

    func testUnknownTopLevelKey() {
        XCTAssertEqual(
            problem("name: x\ncolours: {}\nroles: {}")?.description,
            "themes/x.yaml: colours: unknown key (use name, palette, roles)")
    }

    func testAttributesMustBeBooleans() {
        XCTAssertEqual(
            problem("roles: { header: { bold: maybe } }")?.description,
            "themes/x.yaml: roles.header.bold: expected true or false, got \"maybe\"")
        XCTAssertEqual(problem("roles: { header: { bold: 1 } }")?.keyPath, "roles.header.bold")
        XCTAssertEqual(problem("roles: { header: { bold: \"true\" } }")?.keyPath, "roles.header.bold", "a quoted true is text")
        XCTAssertEqual(problem("roles: { header: { bold: yes } }")?.keyPath, "roles.header.bold", "YAML 1.1 yes is refused")
        XCTAssertEqual(problem("roles: { header: { underline: [true] } }")?.message, "expected true or false, got a list")
    }

    func testDocumentMustBeAMapping() {
        XCTAssertEqual(problem("- body\n- header")?.description, "themes/x.yaml: expected a mapping with name and roles, got a list")
        XCTAssertEqual(problem("just text")?.description, "themes/x.yaml: expected a mapping with name and roles, got text")
    }

    func testRolesAndStylesMustBeMappings() {
        XCTAssertEqual(problem("roles: [body]")?.keyPath, "roles")
        XCTAssertEqual(problem("roles: { body: red }")?.description,
                       "themes/x.yaml: roles.body: expected a mapping like { fg: white, bg: default, bold: true }, got text")
        XCTAssertEqual(problem("roles: { body: }")?.message,
                       "expected a mapping like { fg: white, bg: default, bold: true }, got nothing")
    }

    func testEmptyFileAndMissingRolesAreRejected() {
        XCTAssertEqual(problem("")?.keyPath, "roles")
        XCTAssertEqual(problem("name: x")?.keyPath, "roles")
    }

    func testNameMustBeText() {
        XCTAssertEqual(problem("name: [a]\nroles: {}")?.description, "themes/x.yaml: name: expected text, got a list")
        XCTAssertEqual(problem("name:\nroles: {}")?.description, "themes/x.yaml: name: missing value")
    }

    func testSyntaxErrorsGiveTheLine() {
        let error = problem("name: x\nroles:\n  body: { fg: red\n")
        XCTAssertEqual(error?.file, file)
        XCTAssertTrue(error?.keyPath.hasPrefix("line ") == true, error?.description ?? "")
        XCTAssertTrue(error?.message.hasPrefix("not valid YAML") == true, error?.description ?? "")
        XCTAssertFalse(error?.description.contains("\n") == true, "one line for the status bar")
    }

    func testDuplicateKeysAreRejected() {
        let error = problem("roles:\n  body: { fg: red }\n  body: { fg: blue }\n")
        XCTAssertEqual(error?.message, "duplicate key \"body\"")
        XCTAssertTrue(error?.keyPath.hasPrefix("line ") == true)
    }

    func testPaletteMistakes() {
        XCTAssertEqual(problem("palette: { red: blue }\nroles: {}")?.description,
                       "themes/x.yaml: palette.red: \"red\" is already a colour; pick another name")
        XCTAssertEqual(problem("palette: { accent: nope }\nroles: {}")?.description,
                       "themes/x.yaml: palette.accent: unknown colour \"nope\" (use a name, #rrggbb or default)")
        XCTAssertEqual(problem("palette: { a: red, b: a }\nroles: {}")?.keyPath, "palette.b", "entries cannot refer to each other")
        XCTAssertEqual(problem("palette: { \"a b\": red }\nroles: {}")?.keyPath, "palette.a b")
    }

    func testFileTextInMessagesIsEscaped() {
        let error = problem("roles: { body: { fg: \"red\\u001b[2J\" } }")
        XCTAssertEqual(error?.message, "unknown colour \"red\\u001b[2J\" (use a name, #rrggbb or default)")
        XCTAssertFalse(error?.description.unicodeScalars.contains("\u{1b}") == true)
    }

    // MARK: - Files

    func testLoadNamesTheThemeAfterTheFileStem() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("roles: { body: { fg: red } }", to: "sunset.yaml")
        XCTAssertEqual(try ThemeLoader.load(file: path).name, "sunset")
    }

    func testLoadReportsMissingAndUnreadableFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        XCTAssertThrowsError(try ThemeLoader.load(file: folder.path + "/none.yaml")) { error in
            XCTAssertEqual((error as? ThemeLoadError)?.description, folder.path + "/none.yaml: no such file")
        }
        try folder.makeFolder("dir.yaml")
        XCTAssertThrowsError(try ThemeLoader.load(file: folder.path + "/dir.yaml")) { error in
            XCTAssertEqual((error as? ThemeLoadError)?.message, "is a directory, not a file")
        }
        let binary = folder.path + "/binary.yaml"
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: binary))
        XCTAssertThrowsError(try ThemeLoader.load(file: binary)) { error in
            XCTAssertEqual((error as? ThemeLoadError)?.message, "is not UTF-8 text")
        }
    }

    func testLoadErrorsNameThePath() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("roles: { selection: { fg: purpel } }", to: "bad.yaml")
        XCTAssertThrowsError(try ThemeLoader.load(file: path)) { error in
            XCTAssertEqual((error as? ThemeLoadError)?.description,
                           path + ": roles.selection.fg: unknown colour \"purpel\" (use a name, #rrggbb or default)")
        }
    }
}
