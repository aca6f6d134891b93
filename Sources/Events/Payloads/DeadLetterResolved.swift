import Foundation

/// What became of a dead letter: someone discarded it, or retried it onto its origin topic.
/// The dead-letter topic is append-only and shared, so this is itself a message on it
/// (`dos.deadletter.resolved.v1`), keyed by the letter's id; no service consumes it.
public struct DeadLetterResolved: Codable, Sendable, Equatable {
    public enum Resolution: String, Codable, Sendable, CaseIterable {
        case discarded, retried
    }

    /// The CloudEvent id of the `dos.deadletter.v1` message this resolves.
    public var deadLetterID: String
    public var resolution: Resolution
    /// Who resolved it (the `actor` of the command line, e.g. "cli:alice").
    public var by: String
    public var at: Date
    /// Free text: the reason given for a discard, where a retry's copy went.
    public var note: String?

    public init(deadLetterID: String, resolution: Resolution, by: String, at: Date, note: String? = nil) {
        self.deadLetterID = deadLetterID
        self.resolution = resolution
        self.by = by
        self.at = at
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case deadLetterID = "dead_letter_id", resolution, by, at, note
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        deadLetterID = try container.decode(String.self, forKey: .deadLetterID)
        resolution = try container.decode(Resolution.self, forKey: .resolution)
        by = try container.decode(String.self, forKey: .by)
        at = try container.decodeDate(forKey: .at)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deadLetterID, forKey: .deadLetterID)
        try container.encode(resolution, forKey: .resolution)
        try container.encode(by, forKey: .by)
        try container.encodeDate(at, forKey: .at)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
