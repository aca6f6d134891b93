import ConsoleKit
import XCTest

final class ConsoleConfigTests: XCTestCase {
    private let file = "config.yaml"

    private func problem(_ yaml: String) -> ConfigLoadError? {
        do {
            _ = try ConsoleConfig.parse(yaml: yaml, file: file)
            XCTFail("expected an error for \(yaml.debugDescription)")
            return nil
        } catch {
            return error
        }
    }

    func testDefaults() {
        let config = ConsoleConfig()
        XCTAssertNil(config.theme)
        XCTAssertFalse(config.readOnly)
        XCTAssertTrue(config.mouse)
        XCTAssertEqual(config.reviewAfterDays, 180)
        XCTAssertEqual(config.tailCapacity, 10_000)
        XCTAssertEqual(config.keys, [:])
    }

    func testReadsEverySetting() throws {
        let config = try ConsoleConfig.parse(yaml: """
            theme: light
            readonly: true
            mouse: false
            review_after_days: 90
            tail_capacity: 1_000_000
            keys:
              quit: [q, ctrl-c]
              page_down: ctrl-d
              help: []
            """, file: file)
        XCTAssertEqual(config, ConsoleConfig(
            theme: "light", readOnly: true, mouse: false, reviewAfterDays: 90, tailCapacity: 1_000_000,
            keys: [
                "quit": [KeySpec(key: .character("q")), KeySpec(key: .control("c"))],
                "page_down": [KeySpec(key: .control("d"))],
                "help": [],
            ]))
    }

    func testEmptyDocumentIsTheDefault() throws {
        XCTAssertEqual(try ConsoleConfig.parse(yaml: "", file: file), ConsoleConfig())
        XCTAssertEqual(try ConsoleConfig.parse(yaml: "# only a comment\n", file: file), ConsoleConfig())
        XCTAssertEqual(try ConsoleConfig.parse(yaml: "theme: ~", file: file), ConsoleConfig())
    }

    func testNumbersAreDecimalEvenWithALeadingZero() throws {
        XCTAssertEqual(try ConsoleConfig.parse(yaml: "review_after_days: 010", file: file).reviewAfterDays, 10)
    }

    func testUnknownSetting() {
        XCTAssertEqual(problem("them: light")?.description,
                       "config.yaml: them: unknown setting (use theme, readonly, mouse, review_after_days, tail_capacity, keys)")
    }

    func testRangesAreEnforced() {
        XCTAssertEqual(problem("review_after_days: 0")?.description, "config.yaml: review_after_days: 0 is out of range (1...3650)")
        XCTAssertEqual(problem("review_after_days: 3651")?.keyPath, "review_after_days")
        XCTAssertEqual(problem("tail_capacity: 99")?.description, "config.yaml: tail_capacity: 99 is out of range (100...1000000)")
        XCTAssertEqual(problem("tail_capacity: 1000001")?.keyPath, "tail_capacity")
        XCTAssertEqual(try ConsoleConfig.parse(yaml: "review_after_days: 1\ntail_capacity: 100", file: file).tailCapacity, 100)
    }

    func testTypesAreEnforced() {
        XCTAssertEqual(problem("readonly: maybe")?.description, "config.yaml: readonly: expected true or false, got \"maybe\"")
        XCTAssertEqual(problem("mouse: on")?.keyPath, "mouse", "YAML 1.1 on is refused")
        XCTAssertEqual(problem("review_after_days: soon")?.description, "config.yaml: review_after_days: expected a whole number, got \"soon\"")
        XCTAssertEqual(problem("review_after_days: 1.5")?.keyPath, "review_after_days")
        XCTAssertEqual(problem("review_after_days: \"90\"")?.keyPath, "review_after_days")
        XCTAssertEqual(problem("review_after_days: 99999999999999999999999")?.keyPath, "review_after_days")
        XCTAssertEqual(problem("theme: [a, b]")?.description, "config.yaml: theme: expected text, got a list")
    }

    func testBadKeysNameTheActionAndPosition() {
        XCTAssertEqual(problem("keys: { quit: [q, ctrl-] }")?.description,
                       "config.yaml: keys.quit[1]: unknown key \"ctrl-\" (\(KeySpec.syntaxHint))")
        XCTAssertEqual(problem("keys: { quit: hyper-q }")?.keyPath, "keys.quit")
        XCTAssertEqual(problem("keys: [q]")?.description, "config.yaml: keys: expected a mapping of actions to keys, got a list")
        XCTAssertEqual(problem("keys: { quit: [[q]] }")?.keyPath, "keys.quit[0]")
    }

    func testDocumentMustBeAMapping() {
        XCTAssertEqual(problem("- theme")?.description, "config.yaml: expected a mapping of settings, got a list")
    }

    func testSyntaxErrorsAreOneLineWithAPosition() {
        let error = problem("theme: light\n  mouse: [\n")
        XCTAssertTrue(error?.keyPath.hasPrefix("line ") == true, error?.description ?? "")
        XCTAssertFalse(error?.description.contains("\n") == true)
    }

    func testAMissingFileIsTheDefault() throws {
        XCTAssertEqual(try ConsoleConfig.load(file: "/nonexistent/dos/config.yaml"), ConsoleConfig())
    }

    func testLoadReadsAFileAndNamesItInErrors() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let good = try folder.write("theme: high-contrast\n", to: "good.yaml")
        XCTAssertEqual(try ConsoleConfig.load(file: good).theme, "high-contrast")
        let bad = try folder.write("mouse: 3\n", to: "bad.yaml")
        XCTAssertThrowsError(try ConsoleConfig.load(file: bad)) { error in
            XCTAssertEqual((error as? ConfigLoadError)?.description, bad + ": mouse: expected true or false, got \"3\"")
        }
        try folder.makeFolder("dir.yaml")
        XCTAssertThrowsError(try ConsoleConfig.load(file: folder.path + "/dir.yaml")) { error in
            XCTAssertEqual((error as? ConfigLoadError)?.message, "is a directory, not a file")
        }
    }

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(ConsoleConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ann"]), "/xdg/dos/config.yaml")
        XCTAssertEqual(ConsoleConfig.defaultPath(environment: ["HOME": "/home/ann"]), "/home/ann/.config/dos/config.yaml")
        XCTAssertEqual(ConsoleConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ann"]), "/home/ann/.config/dos/config.yaml")
        XCTAssertEqual(ConsoleConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ann"]),
                       "/home/ann/.config/dos/config.yaml", "a relative XDG_CONFIG_HOME is ignored, as the spec says")
        XCTAssertTrue(ConsoleConfig.defaultPath(environment: [:]).hasSuffix("/.config/dos/config.yaml"))
    }
}
