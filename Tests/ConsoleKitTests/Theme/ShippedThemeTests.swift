import ConsoleKit
import XCTest

/// The four themes in `themes/` load, cover every role, and look the way their names promise.
final class ShippedThemeTests: XCTestCase {
    private func load(_ name: String) throws -> Theme {
        do {
            return try ThemeLoader.load(file: ShippedThemes.path(name))
        } catch {
            XCTFail(error.description)
            throw error
        }
    }

    func testEveryShippedThemeLoadsUnderItsFileName() throws {
        for name in ShippedThemes.names {
            XCTAssertEqual(try load(name).name, name)
        }
    }

    func testEveryShippedThemeStylesEveryRole() throws {
        for name in ShippedThemes.names {
            XCTAssertEqual(try load(name).missingRoles, [], name)
        }
    }

    func testEveryYAMLFileInTheFolderIsAShippedTheme() {
        XCTAssertEqual(ThemeLoader.available(in: [ShippedThemes.directory]), ShippedThemes.names.sorted())
    }

    func testBuiltInThemeIsExactlyTheDefaultDarkFile() throws {
        let file = try load("default-dark")
        for role in Role.allCases {
            XCTAssertEqual(Theme.builtIn.styles[role], file.styles[role], role.rawValue)
        }
        XCTAssertEqual(Theme.builtIn, file)
    }

    func testMonochromeFallbackIsExactlyTheMonochromeFile() throws {
        let file = try load("monochrome")
        for role in Role.allCases {
            XCTAssertEqual(Theme.monochromeFallback.styles[role], file.styles[role], role.rawValue)
        }
        XCTAssertEqual(Theme.monochromeFallback, file)
    }

    func testMonochromeUsesNoColourAndStillMarksTheImportantRoles() throws {
        let theme = try load("monochrome")
        XCTAssertTrue(theme.usesOnlyDefaultColors)
        for role: Role in [.selection, .header, .statusBar] {
            XCTAssertTrue(theme.style(role).reverse, "\(role.rawValue) must stand out without colour")
        }
        for role: Role in [.statusError, .sagaFailed, .fieldError] {
            XCTAssertNotEqual(theme.style(role), theme.style(.body), role.rawValue)
        }
    }

    func testHighContrastIsBoldOnSolidColours() throws {
        let theme = try load("high-contrast")
        XCTAssertEqual(theme.style(.body).background, .named(.black))
        for role: Role in [.header, .selection, .statusError, .sagaFailed, .title, .prompt] {
            XCTAssertTrue(theme.style(role).bold, role.rawValue)
        }
        // Named colours only: the same look on 8, 16 and 256 colours.
        for role in Role.allCases {
            let style = theme.style(role)
            for color in [style.foreground, style.background] {
                if case .rgb = color { XCTFail("\(role.rawValue) uses an exact colour") }
            }
        }
    }

    /// On the terminal's own background, a dark theme must not write in black and a light
    /// theme must not write in white or the pale colours.
    func testTextOnTheTerminalBackgroundSuitsTheThemesBackground() throws {
        let unreadableOnDark: [ThemeColor] = [.named(.black)]
        let unreadableOnLight: [ThemeColor] = [.white, .brightWhite, .yellow, .brightYellow, .brightCyan, .brightGreen].map(ThemeColor.named)
        for (name, unreadable) in [("default-dark", unreadableOnDark), ("light", unreadableOnLight)] {
            let theme = try load(name)
            for role in Role.allCases where theme.style(role).background == .terminalDefault {
                XCTAssertFalse(unreadable.contains(theme.style(role).foreground), "\(name): \(role.rawValue)")
            }
        }
    }

    /// Bringing colours down must never paint a role's text in its own background colour.
    func testNoRoleLosesItsTextWhenColoursAreBroughtDown() throws {
        for name in ShippedThemes.names {
            let theme = try load(name)
            for depth in ColorDepth.allCases where depth != .none {
                for role in Role.allCases {
                    let style = theme.style(role)
                    let foreground = style.foreground.terminalIndex(for: depth)
                    let background = style.background.terminalIndex(for: depth)
                    if foreground != -1 {
                        XCTAssertNotEqual(foreground, background, "\(name) at \(depth): \(role.rawValue)")
                    }
                }
            }
        }
    }

    func testEveryRoleIsDocumentedInTheReadme() throws {
        let readme = try String(contentsOfFile: ShippedThemes.directory + "/README.md", encoding: .utf8)
        for role in Role.allCases {
            XCTAssertTrue(readme.contains("`\(role.rawValue)`"), role.rawValue)
        }
    }
}
