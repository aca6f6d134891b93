import Yams

/// Strict reading of the small YAML files the console owns (themes, config): each value must
/// have the expected shape, and each problem names the key path where it was found.
///
/// YAML 1.1 quirks are refused on purpose: only `true`/`false` are booleans (not `yes`/`on`),
/// and numbers are plain decimals (not octal `010` or sexagesimal `1:30`).
enum YAMLFields {
    typealias Entries = [(key: String, value: Node)]

    /// The entries of the document's top-level mapping, in file order; an empty file has none.
    static func rootEntries(of yaml: String, expecting shape: String) throws(YAMLProblem) -> Entries {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw YAMLSyntaxProblem.problem(for: error)
        }
        guard let root, !isNull(root) else { return [] }
        guard case .mapping = root else {
            throw YAMLProblem(keyPath: "", message: "expected \(shape), got \(kind(of: root))")
        }
        return try entries(of: root, at: "", expecting: shape)
    }

    /// The entries of a mapping, in file order, with their keys as text.
    static func entries(of node: Node, at path: String, expecting shape: String) throws(YAMLProblem) -> Entries {
        guard case .mapping(let mapping) = node else {
            throw YAMLProblem(keyPath: path, message: "expected \(shape), got \(kind(of: node))")
        }
        var result: Entries = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLProblem(keyPath: path, message: "keys must be plain names, got \(kind(of: key))")
            }
            result.append((scalar.string, value))
        }
        return result
    }

    /// `parent.key`, or just `key` at the top.
    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : parent + "." + key
    }

    /// A text value; `~`, `null` and nothing at all are a missing value.
    static func string(_ node: Node, at path: String) throws(YAMLProblem) -> String {
        guard case .scalar(let scalar) = node else {
            throw YAMLProblem(keyPath: path, message: "expected text, got \(kind(of: node))")
        }
        guard !isNull(node) else { throw YAMLProblem(keyPath: path, message: "missing value") }
        return scalar.string
    }

    /// `true` or `false`, unquoted, in any case.
    static func bool(_ node: Node, at path: String) throws(YAMLProblem) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        throw YAMLProblem(keyPath: path, message: "expected true or false, got \(describe(node))")
    }

    /// A decimal whole number, unquoted, `_` allowed as a separator (`1_000_000`).
    static func int(_ node: Node, at path: String) throws(YAMLProblem) -> Int {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            let digits = scalar.string.filter { $0 != "_" }
            if let value = Int(digits) { return value }
        }
        throw YAMLProblem(keyPath: path, message: "expected a whole number, got \(describe(node))")
    }

    /// A list of texts; a single text is a list of one (`quit: q` as well as `quit: [q, ctrl-c]`).
    static func strings(_ node: Node, at path: String) throws(YAMLProblem) -> [String] {
        if case .sequence(let sequence) = node {
            var result: [String] = []
            for (index, element) in sequence.enumerated() {
                result.append(try string(element, at: path + "[\(index)]"))
            }
            return result
        }
        return [try string(node, at: path)]
    }

    /// True for `~`, `null` and an empty plain value.
    static func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    /// A value as quoted text for a message, or what kind of thing it is.
    static func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node, !isNull(node) { return YAMLProblem.quoted(scalar.string) }
        return kind(of: node)
    }

    /// "a list", "a mapping", "nothing", "text": for "expected X, got Y" messages.
    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar: isNull(node) ? "nothing" : "text"
        }
    }
}
