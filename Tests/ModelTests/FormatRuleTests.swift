import Foundation
import Model
import Testing

struct FormatRuleTests {
    @Test("plausible e-mail addresses pass", arguments: [
        "a@b.co", "first.last+tag@example.org", "o'brien@example.co.uk", "x@sub-domain.example.com",
        "用户@例子.广告", "JOSÉ@EXAMPLE.ES", "a_b-c@x1.example.io",
    ])
    func acceptsEmail(address: String) {
        #expect(Contact(name: "C", email: address).validate() == [])
    }

    @Test("malformed e-mail addresses fail", arguments: [
        "plainaddress", "@example.com", "a@", "a@b", "a b@example.com", "a@@example.com", "a@b@example.com",
        "a@example..com", "a@-example.com", "a@example-.com", "a@example.c", ".a@example.com", "a.@example.com",
        "a..b@example.com", "Name <a@example.com>", "a@example.123", "a@exam_ple.com", "a,b@example.com",
        String(repeating: "l", count: 65) + "@example.com",
    ])
    func refusesEmail(address: String) {
        #expect(Contact(name: "C", email: address).validate()
            == [FieldError(field: "email", message: "is not a valid email address")])
    }

    @Test("absolute http and https addresses with a host pass", arguments: [
        "https://example.org", "http://example.org/path?q=1#top", "HTTPS://EXAMPLE.ORG", "https://sub.example.co.uk:8443/x",
        "https://bücher.de", "http://192.168.0.1/", "https://[2001:db8::1]/", "https://user@example.org/",
        "https://example.org/wiki/Café_(ÉÉ)", "https://example.org?x=1",
    ])
    func acceptsWebAddress(address: String) {
        #expect(Provider(name: "P", website: address).validate() == [])
    }

    @Test("other schemes, missing hosts, bad ports and spaces fail", arguments: [
        "javascript:alert(1)", "JavaScript://example.org/%0Aalert(1)", "ftp://example.org", "example.org",
        "www.example.org", "https://", "http:///path", "https://exa mple.org", "https://example.org/a b",
        "https://localhost", "https://example.org:99999", "https://example.org:port", "//example.org",
        "mailto:a@example.org", "https:example.org", "data:text/html,x", "https://a@b@example.org",
        "https://-example.org", "https://example.org.", "https://999.1.1.1/", "https://[not-ipv6]/",
    ])
    func refusesWebAddress(address: String) {
        #expect(Provider(name: "P", website: address).validate()
            == [FieldError(field: "website", message: "is not a valid http or https URL")])
    }

    @Test("phone numbers with 7 to 15 digits and an optional extension pass", arguments: [
        "020 7946 0000", "+44 20 7946 0000", "+44 (0)20 7946 0000", "(020) 7946-0000", "020.7946.0000",
        "0207946000 ext 123", "020 7946 0000 x12", "020 7946 0000 ext. 4", "020 7946 0000 EXT 99", "1234567",
        "+123456789012345", "020 7946 0000 x123456",
    ])
    func acceptsPhone(number: String) {
        #expect(Provider(name: "P", phone: number).validate() == [])
    }

    @Test("phone numbers with too few or many digits or stray characters fail", arguments: [
        "123456", "+1234567890123456", "020 7946 0000 ext", "44+20 7946 0000", "++44 20 7946 0000",
        "020 7946 0000 ext 1234567", "020) 7946 0000", "(020 7946 0000", "((020)) 7946 0000", "call me",
        "020/7946/0000", "020 7946 0000 y123", "０２０ ７９４６ ００００", "+", "020 7946 0000 x 1 2",
    ])
    func refusesPhone(number: String) {
        #expect(Provider(name: "P", phone: number).validate()
            == [FieldError(field: "phone", message: "is not a valid phone number (7 to 15 digits, optional extension)")])
    }

    @Test("UK postcodes in the standard format pass", arguments: [
        "SW1A 1AA", "sw1a1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "GIR 0AA", "gir0aa",
        "W1A 0AX", " SW1A 1AA ",
    ])
    func acceptsUKPostcode(postcode: String) {
        #expect(Venue(name: "V", postcode: postcode, country: "GB").validate() == [])
    }

    @Test("malformed UK postcodes fail", arguments: [
        "SW1A 1A", "12345", "ABC 123", "SW1A  1AA", "Q1 1AA", "SW1A 1AC", "SW1A-1AA", "1AA SW1A", "SW1A1AA1",
    ])
    func refusesUKPostcode(postcode: String) {
        #expect(Venue(name: "V", postcode: postcode, country: "GB").validate()
            == [FieldError(field: "postcode", message: "is not a valid UK postcode")])
    }

    @Test("other countries' postcodes are only checked for length and characters", arguments: [
        ("US", "12345"), ("FR", "75008"), ("NL", "1012 JS"), ("IE", "D02 X285"), ("JP", "100-0001"),
    ])
    func acceptsForeignPostcode(country: String, postcode: String) {
        #expect(Venue(name: "V", postcode: postcode, country: country).validate() == [])
    }

    @Test("assigned ISO 3166-1 alpha-2 codes pass", arguments: ["GB", "gb", "US", "FR", "JP", "AQ", "SS", "BQ", " de "])
    func acceptsCountry(code: String) {
        #expect(Venue(name: "V", country: code).validate() == [])
    }

    @Test("unassigned or malformed country codes fail", arguments: ["XX", "EU", "UN", "XK", "GBR", "G", "United Kingdom", "1A"])
    func refusesCountry(code: String) {
        #expect(Venue(name: "V", country: code).validate()
            == [FieldError(field: "country", message: "is not an ISO 3166-1 alpha-2 country code")])
    }

    @Test func ukIsRefusedWithASuggestionOfGB() throws {
        let errors = Venue(name: "V", country: "uk").validate()
        #expect(errors.fields == ["country"])
        #expect(try #require(errors.message(for: "country")).contains("\"GB\""))
    }

    @Test func countryIsRequired() {
        #expect(Venue(name: "V").validate() == [FieldError(field: "country", message: "is required")])
    }

    @Test("active ISO 4217 codes pass", arguments: ["GBP", "eur", "USD", "JPY", "XCG", "ZWG", "CHF"])
    func acceptsCurrency(code: String) {
        #expect(CostOption(option: "O", amount: 5, currency: code).validate() == [])
    }

    @Test("withdrawn, unknown or malformed currency codes fail", arguments: ["GBX", "ABC", "HRK", "POUNDS", "£", "US"])
    func refusesCurrency(code: String) {
        #expect(CostOption(option: "O", amount: 5, currency: code).validate()
            == [FieldError(field: "currency", message: "is not an ISO 4217 currency code")])
    }
}
