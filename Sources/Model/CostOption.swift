import Foundation

/// What a service costs, as text ("Free for under-16s") with an optional amount.
public struct CostOption: EntityRecord {
    public static let kind = EntityKind.costoption

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var option: String
    /// Decimal, not Double, so 19.99 stays 19.99; written as a JSON number.
    public var amount: Decimal?
    /// ISO 4217, upper case ("GBP"); required when there is an amount.
    public var currency: String?

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        option: String = "", amount: Decimal? = nil, currency: String? = nil
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.option = option
        self.amount = amount
        self.currency = currency
    }

    public var displayName: String { option }

    /// Also upper-cases the currency code, so "gbp" is accepted as "GBP".
    public func normalized() -> CostOption {
        var copy = self
        copy.option = option.normalizedLine
        copy.currency = currency.normalizedLine?.uppercased()
        return copy
    }

    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.text(entity.option, field: "option", limit: ValidationLimits.costOption, required: true)
        if let amount = entity.amount {
            if amount.isNaN {
                validator.add("amount", "must be a number")
            } else if amount < 0 {
                validator.add("amount", "must not be negative")
            }
        }
        if entity.currency == nil {
            if entity.amount != nil { validator.add("currency", "is required when amount is set") }
        } else if validator.text(entity.currency, field: "currency", limit: ValidationLimits.name),
                  let currency = entity.currency, !CurrencyCode.isActive(currency) {
            validator.add("currency", "is not an ISO 4217 currency code")
        }
        return validator.errors
    }
}

extension CostOption {
    private enum CodingKeys: String, CodingKey {
        case option, amount, currency
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            option: try container.text(.option),
            amount: try container.decodeIfPresent(Decimal.self, forKey: .amount),
            currency: try container.optionalText(.currency))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(option, forKey: .option)
        try container.encodeOrNull(amount, forKey: .amount)
        try container.encodeOrNull(currency, forKey: .currency)
    }
}
