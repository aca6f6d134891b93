import ConsoleKit

/// Keys to actions: the defaults with the config file's overrides. A view says which actions
/// it offers; a key resolves to the first of those it is bound to.
public struct Keymap: Sendable {
    public private(set) var keys: [ConsoleAction: [Key]]

    public init() {
        keys = Dictionary(uniqueKeysWithValues: ConsoleAction.allCases.map { ($0, $0.defaultKeys) })
    }

    /// Applies `keys:` from the config; unknown action names are reported, not ignored silently.
    public init(overrides: [String: [KeySpec]]) throws(KeymapError) {
        self.init()
        for (name, specs) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = ConsoleAction(rawValue: name) else {
                throw KeymapError(message: "keys.\(name): unknown action (known: \(ConsoleAction.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            keys[action] = specs.map(\.key)
        }
    }

    public func keys(for action: ConsoleAction) -> [Key] { keys[action] ?? [] }

    /// The action `key` triggers among `offered`, in their order of preference.
    public func action(for key: Key, among offered: [ConsoleAction]) -> ConsoleAction? {
        offered.first { keys[$0]?.contains(key) ?? false }
    }

    /// "enter", "ctrl-d", "G": how help and hints name the keys of an action.
    public func label(for action: ConsoleAction) -> String {
        keys(for: action).map { KeySpec(key: $0).description }.joined(separator: "/")
    }
}

public struct KeymapError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
