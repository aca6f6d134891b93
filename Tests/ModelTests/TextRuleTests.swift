import Foundation
import Model
import Testing

/// One text field of one kind: how to put a value in it, and the field name errors use.
struct TextFieldProbe: Sendable, CustomTestStringConvertible {
    let field: String
    let kind: EntityKind
    let make: @Sendable (String) -> Entity

    var testDescription: String { "\(kind.rawValue).\(field)" }

    /// A valid value for the field once `|` is removed; tests put a character in its place.
    let template: String
    func entity(inserting text: String) -> Entity {
        make(template.replacingOccurrences(of: "|", with: text))
    }

    static let all: [TextFieldProbe] = [
        .init(field: "name", kind: .provider, make: { .provider(Provider(name: $0)) }, template: "Food|Bank"),
        .init(field: "description", kind: .provider, make: { .provider(Provider(name: "P", description: $0)) }, template: "Open|daily"),
        .init(field: "website", kind: .provider, make: { .provider(Provider(name: "P", website: $0)) }, template: "https://exa|mple.org"),
        .init(field: "email", kind: .provider, make: { .provider(Provider(name: "P", email: $0)) }, template: "help|@example.org"),
        .init(field: "phone", kind: .provider, make: { .provider(Provider(name: "P", phone: $0)) }, template: "020 7946|0000"),
        .init(field: "name", kind: .service, make: { .service(Service(providerID: UUID(), name: $0)) }, template: "Food|parcels"),
        .init(field: "description", kind: .service, make: { .service(Service(providerID: UUID(), name: "S", description: $0)) }, template: "Three|days"),
        .init(field: "name", kind: .venue, make: { .venue(Venue(name: $0, country: "GB")) }, template: "Hall|one"),
        .init(field: "address_lines[1]", kind: .venue, make: { .venue(Venue(name: "V", addressLines: ["Unit 4", $0], country: "GB")) }, template: "12 High|Street"),
        .init(field: "city", kind: .venue, make: { .venue(Venue(name: "V", city: $0, country: "GB")) }, template: "Lon|don"),
        .init(field: "postcode", kind: .venue, make: { .venue(Venue(name: "V", postcode: $0, country: "FR")) }, template: "750|08"),
        .init(field: "country", kind: .venue, make: { .venue(Venue(name: "V", country: $0)) }, template: "G|B"),
        .init(field: "details", kind: .venue, make: { .venue(Venue(name: "V", country: "GB", details: $0)) }, template: "Side|door"),
        .init(field: "name", kind: .contact, make: { .contact(Contact(name: $0)) }, template: "Amara|Okafor"),
        .init(field: "position", kind: .contact, make: { .contact(Contact(name: "C", position: $0)) }, template: "Co|ordinator"),
        .init(field: "social_links.mastodon", kind: .contact, make: { .contact(Contact(name: "C", socialLinks: ["mastodon": $0])) }, template: "https://social.example/@a|b"),
        .init(field: "details", kind: .event, make: { .event(ServiceEvent(details: $0, venueID: UUID(), startsAt: Date())) }, template: "Drop|in"),
        .init(field: "option", kind: .costoption, make: { .costOption(CostOption(option: $0)) }, template: "Free|entry"),
        .init(field: "currency", kind: .costoption, make: { .costOption(CostOption(option: "O", amount: 1, currency: $0)) }, template: "GB|P"),
        .init(field: "description", kind: .eligibility, make: { .eligibility(Eligibility(description: $0)) }, template: "Adults|only"),
        .init(field: "name", kind: .taxonomy, make: { .taxonomy(TaxonomyTerm(name: $0, vocabulary: .tag)) }, template: "Fo|od"),
        .init(field: "code", kind: .taxonomy, make: { .taxonomy(TaxonomyTerm(name: "T", vocabulary: .tag, code: $0)) }, template: "BD|1800"),
    ]
}

struct TextRuleTests {
    /// ESC, NUL, DEL, a C1 control (CSI), a bidirectional override and an isolate.
    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\u{0}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{2066}"]

    @Test("every text field refuses control and bidirectional characters, naming the code point",
          arguments: TextFieldProbe.all, forbidden)
    func refusesForbiddenScalar(probe: TextFieldProbe, scalar: Unicode.Scalar) {
        let errors = probe.entity(inserting: String(Character(scalar))).validate()
        let codePoint = String(format: "U+%04X", scalar.value)
        let expected = scalar.value >= 0x2000
            ? "must not contain bidirectional control characters (found \(codePoint))"
            : "must not contain control characters (found \(codePoint))"
        #expect(errors.contains(FieldError(field: probe.field, message: expected)), "\(errors)")
    }

    @Test("every probe is valid without the forbidden character", arguments: TextFieldProbe.all)
    func probeIsValidWithoutForbiddenScalar(probe: TextFieldProbe) {
        #expect(probe.entity(inserting: "").validate() == [])
    }

    @Test func socialLinkPlatformNamesAreCheckedAndEscapedInTheFieldName() {
        let contact = Contact(name: "C", socialLinks: ["x\u{1B}y": "https://example.org/a"])
        #expect(contact.validate() == [FieldError(
            field: #"social_links.x\u{1B}y"#, message: "platform name must not contain control characters (found U+001B)")])
    }

    @Test func addressLinesAreCheckedOneByOne() {
        let venue = Venue(name: "V", addressLines: ["ok", "bad\u{202E}", "also\u{0}bad"], country: "GB")
        #expect(venue.validate().fields == ["address_lines[1]", "address_lines[2]"])
    }

    @Test("newline and tab are allowed in descriptions and details only")
    func newlineAndTabOnlyInMultilineFields() {
        #expect(Provider(name: "P", description: "Line one\n\tLine two").validate() == [])
        #expect(Venue(name: "V", country: "GB", details: "Ring\tbell\nthen wait").validate() == [])
        #expect(Provider(name: "Food\nBank").validate()
            == [FieldError(field: "name", message: "must not contain control characters (found U+000A)")])
        #expect(Provider(name: "Food\tBank").validate()
            == [FieldError(field: "name", message: "must not contain control characters (found U+0009)")])
        #expect(CostOption(option: "Free\nentry").validate().fields == ["option"])
    }

    @Test func carriageReturnsInMultilineFieldsBecomeNewlines() {
        let provider = Provider(name: "P", description: "one\r\ntwo\rthree")
        #expect(Array(provider.normalized().description?.unicodeScalars ?? "".unicodeScalars)
            == Array("one\ntwo\nthree".unicodeScalars))
        #expect(provider.validate() == [])
    }

    @Test("zero-width, wide, emoji and combining characters are accepted", arguments: [
        "Caf\u{200B}e", "a\u{200D}b", "\u{FEFF}Name", "漢字の名前", "👨‍👩‍👧 Family hub", "🇬🇧 Help", "Cafe\u{301}", "한국어",
        "مركز المساعدة", "Ζωή",
    ])
    func acceptsUnusualButHarmlessText(text: String) {
        #expect(Provider(name: text, description: text).validate() == [])
        #expect(Contact(name: text, position: text, socialLinks: [text: "https://example.org"]).validate() == [])
    }
}
