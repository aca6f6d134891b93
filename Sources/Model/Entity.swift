import Foundation

/// Any one entry of the directory: the type that travels in commands, views and the console.
public enum Entity: Equatable, Hashable, Identifiable, Sendable {
    case provider(Provider)
    case service(Service)
    case venue(Venue)
    case contact(Contact)
    case event(ServiceEvent)
    case costOption(CostOption)
    case eligibility(Eligibility)
    case taxonomy(TaxonomyTerm)

    /// Wraps any entity struct; nil only for a type that is not one of the eight.
    public init?(_ record: any EntityRecord) {
        switch record {
        case let value as Provider: self = .provider(value)
        case let value as Service: self = .service(value)
        case let value as Venue: self = .venue(value)
        case let value as Contact: self = .contact(value)
        case let value as ServiceEvent: self = .event(value)
        case let value as CostOption: self = .costOption(value)
        case let value as Eligibility: self = .eligibility(value)
        case let value as TaxonomyTerm: self = .taxonomy(value)
        default: return nil
        }
    }

    /// The wrapped struct, for code that handles every kind alike.
    public var record: any EntityRecord {
        switch self {
        case .provider(let value): value
        case .service(let value): value
        case .venue(let value): value
        case .contact(let value): value
        case .event(let value): value
        case .costOption(let value): value
        case .eligibility(let value): value
        case .taxonomy(let value): value
        }
    }

    public var kind: EntityKind { type(of: record).kind }
    public var id: UUID { record.id }
    public var version: Int { record.version }
    /// A one-line name for listings: the name, or the first line of the text for unnamed kinds.
    public var displayName: String { record.displayName }

    /// Whether the entry is public; nil for kinds that are never published on their own.
    public var published: Bool? {
        switch self {
        case .provider(let value): value.published
        case .service(let value): value.published
        default: nil
        }
    }

    /// The common fields (id, version, times, flagged), read or set together.
    public var metadata: EntityMetadata {
        get { record.metadata }
        set {
            switch self {
            case .provider(var value): value.metadata = newValue; self = .provider(value)
            case .service(var value): value.metadata = newValue; self = .service(value)
            case .venue(var value): value.metadata = newValue; self = .venue(value)
            case .contact(var value): value.metadata = newValue; self = .contact(value)
            case .event(var value): value.metadata = newValue; self = .event(value)
            case .costOption(var value): value.metadata = newValue; self = .costOption(value)
            case .eligibility(var value): value.metadata = newValue; self = .eligibility(value)
            case .taxonomy(var value): value.metadata = newValue; self = .taxonomy(value)
            }
        }
    }

    /// Every problem with the normalised entry, in field order; empty when it is valid.
    public func validate() -> [FieldError] { record.validate() }

    /// The entry with its text NFC-normalised and single-line fields trimmed.
    public func normalized() -> Entity {
        switch self {
        case .provider(let value): .provider(value.normalized())
        case .service(let value): .service(value.normalized())
        case .venue(let value): .venue(value.normalized())
        case .contact(let value): .contact(value.normalized())
        case .event(let value): .event(value.normalized())
        case .costOption(let value): .costOption(value.normalized())
        case .eligibility(let value): .eligibility(value.normalized())
        case .taxonomy(let value): .taxonomy(value.normalized())
        }
    }
}
