import Foundation

/// How to reach a Kafka cluster: the brokers, librdkafka properties passed through as they are
/// (so SASL and TLS work), and how topics are created when missing.
public struct KafkaSettings: Sendable, Equatable {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// `host:port,host:port` (librdkafka's `bootstrap.servers`).
    public var brokers: String
    /// librdkafka properties, e.g. from `--kafka-config FILE`; they win over dos's defaults.
    public var properties: [String: String]
    /// Partitions of a topic dos creates (what consumer groups can share).
    public var partitions: Int
    public var replicationFactor: Int

    public init(brokers: String, properties: [String: String] = [:], partitions: Int = 3, replicationFactor: Int = 1) {
        self.brokers = brokers
        self.properties = properties
        self.partitions = partitions
        self.replicationFactor = replicationFactor
    }

    /// librdkafka's log lines are printed only when its `debug` property asks for them.
    var printsLibraryLog: Bool { properties["debug"] != nil }

    /// Keys whose values never appear in a log line, a status bar or `dos doctor`.
    static func isSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["password", "secret", "token", "jaas", "credentials", "ssl.key.pem"].contains { lowered.contains($0) }
    }

    /// The properties with every secret value replaced, for messages.
    public var redactedProperties: [String: String] {
        properties.reduce(into: [:]) { shown, property in
            shown[property.key] = Self.isSecret(property.key) ? "(secret)" : property.value
        }
    }

    /// "brokers k1:9092,k2:9092" plus the security protocol when one is set: never a secret.
    public var description: String {
        var text = "brokers \(brokers)"
        if let protocolName = properties["security.protocol"] { text += " (\(protocolName))" }
        return text
    }

    /// Reads a librdkafka properties file: `key=value` lines, `#` or `!` comments, blank lines.
    public static func properties(file path: String) throws -> [String: String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Problem(description: "cannot read the Kafka properties file \(path): \(error.localizedDescription)")
        }
        var properties: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("!") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw Problem(description: "\(path):\(number + 1): expected key=value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw Problem(description: "\(path):\(number + 1): a property needs a name") }
            properties[key] = value
        }
        return properties
    }
}
