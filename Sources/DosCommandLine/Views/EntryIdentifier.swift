import TerminalSafety
import Foundation

/// Finds the entry a person meant by a full id or a short prefix of one, as `git` does with hashes.
public enum EntryIdentifier {
    /// Fewer hex digits than this match too much to be a deliberate choice.
    public static let minimumPrefixDigits = 4

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String)
        case notFound(String)
        case ambiguous(String, [UUID])

        public var description: String {
            switch self {
            case .malformed(let text):
                "\"\(TerminalText.escape(text))\" is not an id: give a UUID or at least \(minimumPrefixDigits) of its leading hex digits"
            case .notFound(let text):
                "nothing has an id starting with \"\(TerminalText.escape(text))\""
            case .ambiguous(let text, let candidates):
                "\"\(TerminalText.escape(text))\" matches \(candidates.count) ids: "
                    + candidates.map { $0.uuidString.lowercased() }.sorted().joined(separator: ", ")
            }
        }
    }

    /// The one id among `ids` that `text` names; hyphens and case are ignored.
    public static func resolve(_ text: String, among ids: some Sequence<UUID>) -> Result<UUID, Failure> {
        let digits = text.lowercased().filter { $0 != "-" }
        guard digits.count >= minimumPrefixDigits, digits.allSatisfy(\.isHexDigit) else { return .failure(.malformed(text)) }
        let matches = Set(ids).filter { $0.uuidString.lowercased().filter { $0 != "-" }.hasPrefix(digits) }
        switch matches.count {
        case 0: return .failure(.notFound(text))
        case 1: return matches.first.map { .success($0) } ?? .failure(.notFound(text))
        default: return .failure(.ambiguous(text, Array(matches)))
        }
    }
}
