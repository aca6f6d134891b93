import Foundation
import Model
import Testing

struct NormalizationTests {
    @Test func combiningMarksAreComposedToNFC() {
        let provider = Provider(name: "Cafe\u{301}", description: "Cre\u{300}me", phone: nil)
        let normalized = provider.normalized()
        #expect(Array(normalized.name.unicodeScalars) == Array("Caf\u{E9}".unicodeScalars))
        #expect(Array((normalized.description ?? "").unicodeScalars) == Array("Cr\u{E8}me".unicodeScalars))
    }

    @Test func normalizingIsAppliedToEveryKindsTextAndListElements() {
        let venue = Venue(name: " Sa\u{301}la ", addressLines: [" Calle Mayo\u{301} "], city: " Bogota\u{301} ", country: " co ")
        let normalized = venue.normalized()
        #expect(Array(normalized.addressLines[0].unicodeScalars) == Array("Calle May\u{F3}".unicodeScalars))
        #expect(Array((normalized.city ?? "").unicodeScalars) == Array("Bogot\u{E1}".unicodeScalars))
        #expect(normalized.country == "CO")
        #expect(normalized.name == "S\u{E1}la")
        let contact = Contact(name: "C", socialLinks: [" Re\u{301}seau ": " https://example.org "]).normalized()
        #expect(contact.socialLinks.keys.map { Array($0.unicodeScalars) } == [Array("R\u{E9}seau".unicodeScalars)])
        #expect(contact.socialLinks.values.first == "https://example.org")
    }

    @Test func singleLineFieldsAreTrimmedAndBlankOptionalFieldsBecomeNil() {
        let provider = Provider(name: "  Food Bank \t", description: " \n ", website: "  ", email: " a@example.org ")
        let normalized = provider.normalized()
        #expect(normalized.name == "Food Bank")
        #expect(normalized.description == nil)
        #expect(normalized.website == nil)
        #expect(normalized.email == "a@example.org")
        #expect(provider.validate() == [])
    }

    @Test("blank required fields count as missing", arguments: ["", "   ", "\t\n", "\u{00A0}", "\u{3000}"])
    func blankRequiredFieldIsMissing(blank: String) {
        #expect(Provider(name: blank).validate() == [FieldError(field: "name", message: "is required")])
        #expect(Eligibility(description: blank).validate() == [FieldError(field: "description", message: "is required")])
    }

    @Test func currencyAndCountryCodesAreUpperCased() {
        #expect(CostOption(option: "O", amount: 1, currency: " gbp ").normalized().currency == "GBP")
        #expect(Venue(name: "V", country: "gb").normalized().country == "GB")
        #expect(Venue(name: "V", country: "gb").validate() == [])
    }

    /// One user-perceived character each, though made of several scalars or wide on screen.
    @Test("length is counted in user-perceived characters of the NFC text", arguments: [
        "a", "e\u{301}", "é", "👍🏽", "👨‍👩‍👧", "🇬🇧", "漢", "\u{1100}\u{1161}\u{11A8}", "a\u{200D}",
    ])
    func lengthCountsGraphemeClusters(character: String) {
        let atLimit = String(repeating: character, count: ValidationLimits.name)
        let overLimit = atLimit + character
        #expect(Provider(name: atLimit).validate() == [])
        #expect(Provider(name: overLimit).validate()
            == [FieldError(field: "name", message: "must be at most 200 characters")])
    }

    static let limitedFields: [(String, Int, @Sendable (String) -> Entity)] = [
        ("name", ValidationLimits.name, { .contact(Contact(name: $0)) }),
        ("position", ValidationLimits.position, { .contact(Contact(name: "C", position: $0)) }),
        ("description", ValidationLimits.longText, { .service(Service(providerID: UUID(), name: "S", description: $0)) }),
        ("details", ValidationLimits.longText, { .venue(Venue(name: "V", country: "GB", details: $0)) }),
        ("address_lines[0]", ValidationLimits.addressLine, { .venue(Venue(name: "V", addressLines: [$0], country: "GB")) }),
        ("city", ValidationLimits.city, { .venue(Venue(name: "V", city: $0, country: "GB")) }),
        ("postcode", ValidationLimits.postcode, { .venue(Venue(name: "V", postcode: $0, country: "FR")) }),
        ("code", ValidationLimits.code, { .taxonomy(TaxonomyTerm(name: "T", vocabulary: .type, code: $0)) }),
        ("option", ValidationLimits.costOption, { .costOption(CostOption(option: $0)) }),
        ("name", ValidationLimits.name, { .taxonomy(TaxonomyTerm(name: $0, vocabulary: .tag)) }),
    ]

    @Test("every length limit is enforced at its boundary", arguments: limitedFields)
    func lengthLimit(field: String, limit: Int, make: @Sendable (String) -> Entity) {
        #expect(make(String(repeating: "é", count: limit)).validate() == [])
        #expect(make(String(repeating: "é", count: limit + 1)).validate()
            == [FieldError(field: field, message: "must be at most \(limit) characters")])
    }

    @Test func emailWebAddressAndPhoneHaveLengthLimits() {
        let longEmail = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 190) + ".org"
        #expect(longEmail.count == 255)
        #expect(Provider(name: "P", email: longEmail).validate()
            == [FieldError(field: "email", message: "must be at most 254 characters")])
        let longURL = "https://example.org/" + String(repeating: "p", count: 2_029)
        #expect(longURL.count == 2_049)
        #expect(Provider(name: "P", website: longURL).validate()
            == [FieldError(field: "website", message: "must be at most 2048 characters")])
        #expect(Provider(name: "P", website: String(longURL.dropLast())).validate() == [])
        let longPhone = "+44 " + String(repeating: "1 ", count: 14) + "12"
        #expect(longPhone.count == 34)
        #expect(Provider(name: "P", phone: longPhone).validate().fields == ["phone"])
    }

    @Test func validateJudgesTheNormalizedValueWithoutTheCallerNormalizing() {
        let name = String(repeating: "e\u{301}", count: ValidationLimits.name) + "   "
        #expect(name.unicodeScalars.count == 403)
        #expect(Provider(name: name).validate() == [])
    }
}
