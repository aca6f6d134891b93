import TerminalSafety
import Model

/// KIND as `dos get` and `dos history` take it: any spelling `EntityKind(name:)` accepts.
public enum EntryKindName {
    /// The plurals, as the commands document them.
    public static let list = EntityKind.allCases.map(\.pluralName).joined(separator: ", ")

    public static func parse(_ text: String) -> EntityKind? { EntityKind(name: text) }

    /// Why `text` is not a kind, naming every kind so a typo is answered with the choices; nil if it is one.
    public static func problem(with text: String) -> String? {
        parse(text) == nil ? "unknown kind \"\(TerminalText.escape(text))\"; use one of: \(list)" : nil
    }
}
