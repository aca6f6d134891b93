import Yams

/// Reads the theme schema from YAML:
///
///     name: default-dark
///     palette: { accent: "#5fafff" }     # optional: names for colours used below
///     roles:
///       body: { fg: default, bg: default }
///       selection: { fg: black, bg: accent, bold: true }
///
/// A role's `fg`/`bg` left out take `body`'s; attributes left out are off.
enum ThemeFileReader {
    static let topLevelKeys = ["name", "palette", "roles"]
    static let styleKeys = ["fg", "bg", "bold", "underline", "reverse", "dim"]

    static func read(yaml: String, fallbackName: String) throws(YAMLProblem) -> Theme {
        let shape = "a mapping with name and roles"
        var name = fallbackName
        var palette: ThemePalette = ThemePalette()
        var rolesNode: Node?
        for (key, value) in try YAMLFields.rootEntries(of: yaml, expecting: shape) {
            switch key {
            case "name":
                name = try YAMLFields.string(value, at: key)
            case "palette":
                palette = try ThemePalette.read(value, at: key)
            case "roles":
                rolesNode = value
            default:
                throw unknownKey(at: key, allowed: topLevelKeys)
            }
        }
        guard let rolesNode else {
            throw YAMLProblem(keyPath: "roles", message: "missing: a theme maps roles to styles, e.g. roles: { body: { fg: white } }")
        }
        return Theme(name: name, styles: try readRoles(rolesNode, palette: palette))
    }

    /// Reads `body` first, whatever its place in the file, since the other roles inherit its colours.
    private static func readRoles(_ node: Node, palette: ThemePalette) throws(YAMLProblem) -> [Role: RoleStyle] {
        var nodes: [(role: Role, node: Node)] = []
        for (key, value) in try YAMLFields.entries(of: node, at: "roles", expecting: "a mapping of role names to styles") {
            guard let role = Role(rawValue: key) else {
                throw YAMLProblem(keyPath: "roles." + key, message: "unknown role (the roles are listed in themes/README.md)")
            }
            nodes.append((role, value))
        }
        var body = RoleStyle.plain
        if let bodyNode = nodes.first(where: { $0.role == .body })?.node {
            body = try readStyle(bodyNode, at: "roles.body", inheriting: .plain, palette: palette)
        }
        var styles: [Role: RoleStyle] = [:]
        for (role, value) in nodes {
            styles[role] = role == .body
                ? body
                : try readStyle(value, at: "roles." + role.rawValue, inheriting: body, palette: palette)
        }
        return styles
    }

    private static func readStyle(_ node: Node, at path: String, inheriting body: RoleStyle, palette: ThemePalette) throws(YAMLProblem) -> RoleStyle {
        var style = RoleStyle(foreground: body.foreground, background: body.background)
        let shape = "a mapping like { fg: white, bg: default, bold: true }"
        for (key, value) in try YAMLFields.entries(of: node, at: path, expecting: shape) {
            let keyPath = YAMLFields.path(path, key)
            switch key {
            case "fg": style.foreground = try palette.color(value, at: keyPath)
            case "bg": style.background = try palette.color(value, at: keyPath)
            case "bold": style.bold = try YAMLFields.bool(value, at: keyPath)
            case "underline": style.underline = try YAMLFields.bool(value, at: keyPath)
            case "reverse": style.reverse = try YAMLFields.bool(value, at: keyPath)
            case "dim": style.dim = try YAMLFields.bool(value, at: keyPath)
            default: throw unknownKey(at: keyPath, allowed: styleKeys)
            }
        }
        return style
    }

    static func unknownKey(at path: String, allowed: [String]) -> YAMLProblem {
        YAMLProblem(keyPath: path, message: "unknown key (use " + allowed.joined(separator: ", ") + ")")
    }
}
