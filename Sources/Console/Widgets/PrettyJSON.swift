import Events

/// JSON indented for reading, members in the order they came (the envelope's order, not
/// sorted). Strings stay JSON-escaped, so control characters show as `\u001b`.
enum PrettyJSON {
    static func lines(_ value: JSONValue) -> [String] {
        var lines: [String] = []
        write(value, indent: "", prefix: "", suffix: "", into: &lines)
        return lines
    }

    /// The payload as lines: pretty when it is JSON, else the bytes shown escaped.
    static func lines(payload: [UInt8]) -> [String] {
        guard let value = try? JSONValue(parsing: payload) else {
            return ["(not JSON: \(payload.count) bytes)"] + String(decoding: payload, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines(value)
    }

    private static func write(_ value: JSONValue, indent: String, prefix: String, suffix: String, into lines: inout [String]) {
        switch value {
        case .object(let members) where !members.isEmpty:
            lines.append(indent + prefix + "{")
            for (index, member) in members.enumerated() {
                let comma = index == members.count - 1 ? "" : ","
                write(member.value, indent: indent + "  ", prefix: scalar(.string(member.key)) + ": ", suffix: comma, into: &lines)
            }
            lines.append(indent + "}" + suffix)
        case .array(let items) where !items.isEmpty:
            lines.append(indent + prefix + "[")
            for (index, item) in items.enumerated() {
                write(item, indent: indent + "  ", prefix: "", suffix: index == items.count - 1 ? "" : ",", into: &lines)
            }
            lines.append(indent + "]" + suffix)
        default:
            lines.append(indent + prefix + scalar(value) + suffix)
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        String(decoding: value.jsonBytes, as: UTF8.self)
    }
}
