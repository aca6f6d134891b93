import Foundation

/// Collects the problems of one entity, field by field, so `validate()` reports all of them.
///
/// Within one field the length and character checks both report; a format check (e-mail,
/// web address, phone, postcode) runs only when those passed, since its message would add nothing.
struct FieldValidator {
    private(set) var errors: [FieldError] = []

    mutating func add(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    /// Checks a text field's presence, length and characters.
    /// - Returns: whether the field holds text with no problem, so a format check may follow.
    @discardableResult
    mutating func text(
        _ value: String?, field: String, limit: Int, required: Bool = false, multiline: Bool = false
    ) -> Bool {
        guard let value, !TextRules.isBlank(value) else {
            if required { add(field, "is required") }
            return false
        }
        var clean = true
        if value.count > limit {
            add(field, "must be at most \(limit) characters")
            clean = false
        }
        if let scalar = TextRules.forbiddenScalar(in: value, multiline: multiline) {
            add(field, TextRules.message(for: scalar))
            clean = false
        }
        return clean
    }

    mutating func email(_ value: String?, field: String = "email") {
        if text(value, field: field, limit: ValidationLimits.email), let value, !EmailAddress.isValid(value) {
            add(field, "is not a valid email address")
        }
    }

    mutating func webAddress(_ value: String?, field: String = "website", required: Bool = false) {
        if text(value, field: field, limit: ValidationLimits.webAddress, required: required),
           let value, !WebAddress.isValid(value) {
            add(field, "is not a valid http or https URL")
        }
    }

    mutating func phone(_ value: String?, field: String = "phone") {
        if text(value, field: field, limit: ValidationLimits.phone), let value, !PhoneNumber.isValid(value) {
            add(field, "is not a valid phone number (7 to 15 digits, optional extension)")
        }
    }

    mutating func required(_ value: UUID?, field: String) {
        if value == nil { add(field, "is required") }
    }

    /// A list of references must not name the same entry twice.
    mutating func distinct(_ identifiers: [UUID], field: String) {
        var seen: Set<UUID> = []
        for (index, identifier) in identifiers.enumerated() where !seen.insert(identifier).inserted {
            add("\(field)[\(index)]", "is listed more than once")
        }
    }

    /// The common fields every entity carries.
    mutating func metadata(_ metadata: EntityMetadata) {
        if metadata.version < 0 { add("version", "must not be negative") }
        if let created = metadata.createdAt, let updated = metadata.updatedAt, updated < created {
            add("updated_at", "must not be before created_at")
        }
    }
}
