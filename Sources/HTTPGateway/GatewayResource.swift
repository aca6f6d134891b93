import Foundation
import Model

/// One collection of the REST gateway: the path it answers on and the entries it holds.
///
/// `/type` is the taxonomy, and `/type/category` (…`/deliverable`, `/tag`, `/function`, `/type`)
/// the terms of one vocabulary: a term written there gets that vocabulary.
public struct GatewayResource: Sendable, Hashable, CustomStringConvertible {
    public var kind: EntityKind
    /// Set for `/type/{vocabulary}`.
    public var vocabulary: Vocabulary?

    public init(kind: EntityKind, vocabulary: Vocabulary? = nil) {
        self.kind = kind
        self.vocabulary = vocabulary
    }

    /// The first path segment of each kind, as the original design names them.
    public static let segments: [(segment: String, kind: EntityKind)] = [
        ("provider", .provider), ("service", .service), ("venue", .venue), ("contact", .contact), ("event", .event),
        ("cost-option", .costoption), ("eligibility", .eligibility), ("type", .taxonomy),
    ]

    /// The resource `/segment` names; nil for anything else.
    public init?(segment: String) {
        guard let kind = Self.segments.first(where: { $0.segment == segment })?.kind else { return nil }
        self.init(kind: kind)
    }

    /// The collection's path: `/provider`, `/type/category`.
    public var path: String {
        let base = "/" + (Self.segments.first { $0.kind == kind }?.segment ?? kind.rawValue)
        return vocabulary.map { base + "/" + $0.rawValue } ?? base
    }

    /// The path of one entry of the collection.
    public func path(of id: UUID) -> String { path + "/" + id.uuidString.lowercased() }

    public var description: String { path }

    /// Whether `entity` belongs to this collection (a term of another vocabulary does not).
    public func contains(_ entity: Entity) -> Bool {
        guard entity.kind == kind else { return false }
        guard let vocabulary else { return true }
        if case .taxonomy(let term) = entity { return term.vocabulary == vocabulary }
        return false
    }

    /// Every collection path, for the index and for "unknown resource" answers.
    public static var allPaths: [String] {
        segments.map { "/" + $0.segment } + Vocabulary.allCases.map { "/type/" + $0.rawValue }
    }
}
