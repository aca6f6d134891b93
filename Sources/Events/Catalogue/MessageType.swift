import Model

/// A message type: its name and schema version, printed as the CloudEvents `type`
/// attribute, e.g. `dos.command.provider.create.v1`.
public struct MessageType: Sendable, Hashable, CustomStringConvertible {
    public var name: MessageName
    /// The schema version of the payload, 1 or more.
    public var version: Int

    /// A type at the current version of `name`.
    public init(_ name: MessageName) {
        self.init(name, version: name.currentVersion)
    }

    public init(_ name: MessageName, version: Int) {
        self.name = name
        self.version = version
    }

    public var category: MessageCategory { name.category }
    public var kind: EntityKind? { name.kind }
    /// The action of a command type.
    public var action: CommandAction? {
        if case .command(_, let action) = name { return action }
        return nil
    }
    public var currentVersion: Int { name.currentVersion }
    /// Whether this build can read the payload: newer versions are skipped, not guessed at.
    public var isSupported: Bool { version >= 1 && version <= currentVersion }

    /// The CloudEvents `type`: "dos.command.provider.create.v1".
    public var typeName: String { "\(name.dottedName).v\(version)" }
    public var description: String { typeName }

    /// Every type of the catalogue at its current version.
    public static let catalogue: [MessageType] = MessageName.all.map { MessageType($0) }

    public static func command(_ kind: EntityKind, _ action: CommandAction) -> MessageType { MessageType(.command(kind, action)) }
    public static func subscription(_ action: SubscriptionAction) -> MessageType { MessageType(.subscription(action)) }
    public static func event(_ outcome: EventOutcome) -> MessageType { MessageType(.event(outcome)) }
    public static func view(_ kind: EntityKind) -> MessageType { MessageType(.view(kind)) }
    public static func tombstone(_ kind: EntityKind) -> MessageType { MessageType(.tombstone(kind)) }
    public static func saga(_ stage: SagaStage) -> MessageType { MessageType(.saga(stage)) }
    public static let deadLetter = MessageType(.deadLetter)
    public static let deadLetterResolved = MessageType(.deadLetterResolved)

    /// Parses a type name of the catalogue at any version ≥ 1 (so that newer versions can be
    /// recognised and skipped); nil for anything else.
    public init?(typeName: String) {
        var parts = typeName.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.first == "dos", let versionPart = parts.popLast(),
              let version = Self.version(versionPart)
        else { return nil }
        let words = parts.dropFirst().map(String.init)
        let name: MessageName
        switch (words.first, words.count) {
        case ("command", 3) where words[1] == MessageName.subscriptionWord:
            guard let action = SubscriptionAction(rawValue: words[2]) else { return nil }
            name = .subscription(action)
        case ("command", 3):
            guard let kind = EntityKind(rawValue: words[1]), let action = CommandAction(rawValue: words[2]) else { return nil }
            name = .command(kind, action)
        case ("event", 2):
            guard let outcome = EventOutcome(rawValue: words[1]) else { return nil }
            name = .event(outcome)
        case ("view", 2):
            guard let kind = EntityKind(rawValue: words[1]) else { return nil }
            name = .view(kind)
        case ("view", 3):
            guard let kind = EntityKind(rawValue: words[1]), words[2] == "deleted" else { return nil }
            name = .tombstone(kind)
        case ("saga", 2):
            guard let stage = SagaStage(rawValue: words[1]) else { return nil }
            name = .saga(stage)
        case ("deadletter", 1):
            name = .deadLetter
        case ("deadletter", 2) where words[1] == MessageName.resolvedWord:
            name = .deadLetterResolved
        default:
            return nil
        }
        guard name.isInCatalogue else { return nil }
        self.init(name, version: version)
    }

    /// "v1" → 1; no sign, no leading zero, no overflow.
    private static func version(_ text: Substring) -> Int? {
        guard text.first == "v" else { return nil }
        let digits = text.dropFirst()
        guard let first = digits.first, first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
