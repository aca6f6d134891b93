import TerminalSafety
import Foundation
import Model

/// Entries as the Model's entry JSON, the same bytes `dos apply` reads back, made safe for a
/// terminal line by line.
public enum EntryJSON {
    /// A pretty-printed JSON array (or one object), keys sorted as in `Entity.jsonData`.
    public static func document(_ entities: [Entity]) throws -> [String] {
        // The pretty encoder writes an empty array over three lines.
        if entities.isEmpty { return ["[]"] }
        return try lines(of: encoder(pretty: true).encode(entities))
    }

    public static func document(_ entity: Entity) throws -> [String] {
        try lines(of: entity.jsonData(pretty: true))
    }

    /// One compact entry per line.
    public static func jsonLines(_ entities: [Entity]) throws -> [String] {
        try entities.map { try safe(Array($0.jsonData())) }
    }

    /// The encoder `Entity.jsonData` uses, for an array of entries.
    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Sanitised per line: JSON strings never span lines (the encoder writes `\n`), and
    /// `TerminalSafeJSON` would fold line breaks between values into spaces.
    private static func lines(of data: Data) -> [String] {
        Array(data).split(separator: 0x0A, omittingEmptySubsequences: false).map { safe(Array($0)) }
    }

    private static func safe(_ bytes: [UInt8]) -> String {
        String(decoding: TerminalSafeJSON.sanitize(bytes), as: UTF8.self)
    }
}
