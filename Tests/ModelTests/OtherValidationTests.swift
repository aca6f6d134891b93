import Foundation
import Model
import Testing

struct OtherValidationTests {
    @Test func costOptionNeedsText() {
        #expect(CostOption().validate() == [FieldError(field: "option", message: "is required")])
    }

    @Test("amounts must not be negative and need a currency", arguments: [
        (Decimal(0), "GBP", []),
        (Decimal(string: "12.50"), "EUR", []),
        (nil, nil, []),
        (nil, "GBP", []),
        (Decimal(-1), "GBP", [FieldError(field: "amount", message: "must not be negative")]),
        (Decimal(5), nil, [FieldError(field: "currency", message: "is required when amount is set")]),
        (Decimal(5), " ", [FieldError(field: "currency", message: "is required when amount is set")]),
        (Decimal.nan, "GBP", [FieldError(field: "amount", message: "must be a number")]),
    ] as [(Decimal?, String?, [FieldError])])
    func amountAndCurrency(amount: Decimal?, currency: String?, expected: [FieldError]) {
        #expect(CostOption(option: "Per session", amount: amount, currency: currency).validate() == expected)
    }

    @Test func eligibilityNeedsADescription() {
        #expect(Eligibility().validate() == [FieldError(field: "description", message: "is required")])
    }

    @Test("ages are 0 to 130 and the minimum is not above the maximum", arguments: [
        (nil, nil, []),
        (0, 130, []),
        (18, 18, []),
        (18, nil, []),
        (nil, 65, []),
        (-1, nil, [FieldError(field: "min_age", message: "must be between 0 and 130")]),
        (nil, 131, [FieldError(field: "max_age", message: "must be between 0 and 130")]),
        (65, 18, [FieldError(field: "max_age", message: "must not be less than min_age")]),
        (200, -5, [FieldError(field: "min_age", message: "must be between 0 and 130"),
                   FieldError(field: "max_age", message: "must be between 0 and 130")]),
    ] as [(Int?, Int?, [FieldError])])
    func ages(minimum: Int?, maximum: Int?, expected: [FieldError]) {
        #expect(Eligibility(description: "Who", minimumAge: minimum, maximumAge: maximum).validate() == expected)
    }

    @Test func taxonomyTermNeedsAName() {
        #expect(TaxonomyTerm(vocabulary: .category).validate() == [FieldError(field: "name", message: "is required")])
    }

    @Test func taxonomyTermCannotBeItsOwnParent() {
        let id = UUID()
        #expect(TaxonomyTerm(id: id, name: "Food", vocabulary: .category, parentID: id).validate()
            == [FieldError(field: "parent_id", message: "must not be the term itself")])
        #expect(TaxonomyTerm(id: id, name: "Food", vocabulary: .category, parentID: UUID()).validate() == [])
    }

    @Test func vocabulariesAreTheFiveNamedOnes() {
        #expect(Vocabulary.allCases.map(\.rawValue) == ["category", "type", "deliverable", "tag", "function"])
    }
}
