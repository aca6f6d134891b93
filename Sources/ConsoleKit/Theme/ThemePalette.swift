import Yams

/// A theme's own colour names (`accent: "#5fafff"`), so one colour used by many roles is
/// written once. Entries are plain colours; they cannot refer to each other or shadow a
/// named colour, so a role's colour always means one thing.
struct ThemePalette {
    private(set) var entries: [String: ThemeColor] = [:]

    static func read(_ node: Node, at path: String) throws(YAMLProblem) -> ThemePalette {
        var palette = ThemePalette()
        for (key, value) in try YAMLFields.entries(of: node, at: path, expecting: "a mapping of names to colours") {
            let keyPath = YAMLFields.path(path, key)
            guard ThemeColor(yamlText: key) == nil else {
                throw YAMLProblem(keyPath: keyPath, message: "\(YAMLProblem.quoted(key)) is already a colour; pick another name")
            }
            guard isValidName(key) else {
                throw YAMLProblem(keyPath: keyPath, message: "palette names use letters, digits, _ and -")
            }
            palette.entries[key] = try plainColor(value, at: keyPath, hint: "use a name, #rrggbb or default")
        }
        return palette
    }

    /// A role's `fg`/`bg`: a colour or one of this palette's names.
    func color(_ node: Node, at path: String) throws(YAMLProblem) -> ThemeColor {
        if case .scalar(let scalar) = node, let entry = entries[scalar.string] { return entry }
        let names = entries.keys.sorted()
        let hint = names.isEmpty
            ? "use a name, #rrggbb or default"
            : "use a name, #rrggbb, default or one of the palette: " + names.joined(separator: ", ")
        return try Self.plainColor(node, at: path, hint: hint)
    }

    private static func plainColor(_ node: Node, at path: String, hint: String) throws(YAMLProblem) -> ThemeColor {
        guard case .scalar(let scalar) = node, !YAMLFields.isNull(node) else {
            // `bg: #5fafff` unquoted is a comment, so the value is empty: say how to fix it.
            let got = YAMLFields.kind(of: node)
            throw YAMLProblem(keyPath: path, message: "expected a colour, got \(got) (quote #rrggbb colours: \"#5fafff\")")
        }
        guard let color = ThemeColor(yamlText: scalar.string) else {
            throw YAMLProblem(keyPath: path, message: "unknown colour \(YAMLProblem.quoted(scalar.string)) (\(hint))")
        }
        return color
    }

    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}
