import TerminalSafety

/// A key as written in the config and shown in help: `ctrl-d`, `enter`, `G`, `space`, `pgdn`.
/// Parsing and printing share one table, so what help shows can always be typed back.
public struct KeySpec: Hashable, Sendable, CustomStringConvertible {
    public var key: Key

    public init(key: Key) {
        self.key = key
    }

    /// Reads a key. Names are case-insensitive (`Enter`, `Ctrl-D`); a single character is
    /// itself, case kept (`G` is shift-g). Accepts `ctrl-x`/`ctrl+x`, `shift-x` for a capital,
    /// `f1`–`f12`, and a few aliases (`escape`, `return`, `pageup`, `pagedown`, `backtab`, `del`).
    public init?(_ text: String) {
        if text.count == 1, let character = text.first, !Self.isUnprintable(character) {
            self.init(key: .character(character))
            return
        }
        let trimmed = text.trimmingWhitespace()
        let name = trimmed.lowercased()
        if trimmed.count == 1, let character = trimmed.first, !Self.isUnprintable(character) {
            self.init(key: .character(character))
        } else if let key = Self.namedKeys[name] {
            self.init(key: key)
        } else if let letter = Self.letter(after: ["ctrl-", "ctrl+", "c-"], in: name) {
            self.init(key: .control(letter))
        } else if let letter = Self.letter(after: ["shift-", "shift+"], in: name) {
            self.init(key: .character(Character(letter.uppercased())))
        } else if let number = Self.functionNumber(in: name) {
            self.init(key: .function(number))
        } else {
            return nil
        }
    }

    /// The canonical text, as help shows it; `KeySpec(description)` gives this key back.
    public var description: String {
        switch key {
        case .character(" "): "space"
        case .character(let character): TerminalText.escape(String(character))
        case .control(let letter): "ctrl-" + letter.lowercased()
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .function(let number): "f\(number)"
        }
    }

    /// A short reminder of the syntax, for error messages.
    public static let syntaxHint = "use a character, a name like enter, esc, tab, space, pgdn, f1, or ctrl-a…ctrl-z"

    /// The function keys a binding may name.
    public static let functionKeys = 1...12

    private static let namedKeys: [String: Key] = [
        "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab,
        "shift-tab": .backTab, "shift+tab": .backTab, "backtab": .backTab,
        "backspace": .backspace,
        "delete": .delete, "del": .delete,
        "space": .character(" "),
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "page-up": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "page-down": .pageDown, "pgdown": .pageDown,
    ]

    /// The letter in `ctrl-d` (given the prefixes), lowercased; nil unless it is one ASCII letter.
    private static func letter(after prefixes: [String], in name: String) -> Character? {
        for prefix in prefixes where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            return letter
        }
        return nil
    }

    /// The 5 in `f5`: digits only, no leading zero, within `functionKeys`.
    private static func functionNumber(in name: String) -> Int? {
        let digits = name.dropFirst()
        guard name.hasPrefix("f"), digits.first != "0", !digits.isEmpty,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits), functionKeys.contains(number) else { return nil }
        return number
    }

    /// Controls and other characters a terminal would act on cannot be bound as characters.
    private static func isUnprintable(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: TerminalText.isUnsafe)
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
