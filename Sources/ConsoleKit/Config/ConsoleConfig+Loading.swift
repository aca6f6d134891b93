import Yams

/// Reading `config.yaml`:
///
///     theme: light
///     readonly: false
///     mouse: true
///     review_after_days: 180
///     tail_capacity: 10000
///     keys:
///       quit: [q, ctrl-c]
///       page_down: ctrl-d
extension ConsoleConfig {
    static let fileKeys = ["theme", "readonly", "mouse", "review_after_days", "tail_capacity", "keys"]

    /// Reads the config file; a missing file is the default config, anything else wrong is an error.
    public static func load(file path: String) throws(ConfigLoadError) -> ConsoleConfig {
        switch TextFile.read(path) {
        case .text(let yaml): return try parse(yaml: yaml, file: path)
        case .missing: return ConsoleConfig()
        case .unusable(let reason): throw ConfigLoadError(file: path, message: reason)
        }
    }

    /// Reads config YAML; `file` is only for error messages. An empty document is the default config.
    public static func parse(yaml: String, file: String) throws(ConfigLoadError) -> ConsoleConfig {
        do throws(YAMLProblem) {
            return try read(yaml: yaml)
        } catch {
            throw ConfigLoadError(file: file, keyPath: error.keyPath, message: error.message)
        }
    }

    private static func read(yaml: String) throws(YAMLProblem) -> ConsoleConfig {
        var config = ConsoleConfig()
        for (key, value) in try YAMLFields.rootEntries(of: yaml, expecting: "a mapping of settings") {
            switch key {
            case "theme":
                config.theme = YAMLFields.isNull(value) ? nil : try YAMLFields.string(value, at: key)
            case "readonly":
                config.readOnly = try YAMLFields.bool(value, at: key)
            case "mouse":
                config.mouse = try YAMLFields.bool(value, at: key)
            case "review_after_days":
                config.reviewAfterDays = try int(value, at: key, in: reviewAfterDaysRange)
            case "tail_capacity":
                config.tailCapacity = try int(value, at: key, in: tailCapacityRange)
            case "keys":
                config.keys = try readKeys(value)
            default:
                throw YAMLProblem(keyPath: key, message: "unknown setting (use " + fileKeys.joined(separator: ", ") + ")")
            }
        }
        return config
    }

    private static func int(_ node: Node, at path: String, in range: ClosedRange<Int>) throws(YAMLProblem) -> Int {
        let value = try YAMLFields.int(node, at: path)
        guard range.contains(value) else {
            throw YAMLProblem(keyPath: path, message: "\(value) is out of range (\(range.lowerBound)...\(range.upperBound))")
        }
        return value
    }

    /// `keys: { action: [key, …] }`; an action with an empty list has no keys.
    private static func readKeys(_ node: Node) throws(YAMLProblem) -> [String: [KeySpec]] {
        var keys: [String: [KeySpec]] = [:]
        for (action, value) in try YAMLFields.entries(of: node, at: "keys", expecting: "a mapping of actions to keys") {
            let actionPath = YAMLFields.path("keys", action)
            guard !action.isEmpty else { throw YAMLProblem(keyPath: "keys", message: "an action name is empty") }
            let texts = try YAMLFields.strings(value, at: actionPath)
            var specs: [KeySpec] = []
            for (index, text) in texts.enumerated() {
                let keyPath = actionPath + (value.sequence == nil ? "" : "[\(index)]")
                guard let spec = KeySpec(text) else {
                    throw YAMLProblem(keyPath: keyPath, message: "unknown key \(YAMLProblem.quoted(text)) (\(KeySpec.syntaxHint))")
                }
                specs.append(spec)
            }
            keys[action] = specs
        }
        return keys
    }
}
