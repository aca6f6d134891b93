import Foundation
import Model
import Testing

struct VenueContactValidationTests {
    @Test func venueNeedsNameAndCountry() {
        #expect(Venue().validate() == [
            FieldError(field: "name", message: "is required"),
            FieldError(field: "country", message: "is required"),
        ])
    }

    @Test func venueAllowsAtMostSixAddressLines() {
        let six = (1...6).map { "Line \($0)" }
        #expect(Venue(name: "V", addressLines: six, country: "GB").validate() == [])
        #expect(Venue(name: "V", addressLines: six + ["Line 7"], country: "GB").validate()
            == [FieldError(field: "address_lines", message: "must have at most 6 lines")])
    }

    @Test func blankAddressLinesAreReportedAtTheirIndex() {
        #expect(Venue(name: "V", addressLines: ["Unit 4", "  "], country: "GB").validate()
            == [FieldError(field: "address_lines[1]", message: "is required")])
    }

    @Test("coordinates must be finite, in range and come in pairs", arguments: [
        (51.5, -0.12, []),
        (nil, nil, []),
        (-90, 180, []),
        (90.0001, 0, [FieldError(field: "latitude", message: "must be between -90 and 90")]),
        (0, -180.5, [FieldError(field: "longitude", message: "must be between -180 and 180")]),
        (Double.nan, 0, [FieldError(field: "latitude", message: "must be a finite number")]),
        (0, Double.infinity, [FieldError(field: "longitude", message: "must be a finite number")]),
        (51.5, nil, [FieldError(field: "longitude", message: "is required when latitude is set")]),
        (nil, -0.12, [FieldError(field: "latitude", message: "is required when longitude is set")]),
    ] as [(Double?, Double?, [FieldError])])
    func coordinates(latitude: Double?, longitude: Double?, expected: [FieldError]) {
        #expect(Venue(name: "V", country: "GB", latitude: latitude, longitude: longitude).validate() == expected)
    }

    @Test func venueReportsEveryProblemInFieldOrder() {
        let venue = Venue(
            name: String(repeating: "v", count: 201), addressLines: [""], city: String(repeating: "c", count: 101),
            postcode: "ABC 123", country: "GB", latitude: 100, longitude: nil, details: "\u{202E}")
        #expect(venue.validate().fields
            == ["name", "address_lines[0]", "city", "postcode", "latitude", "longitude", "details"])
    }

    @Test func contactNeedsAName() {
        #expect(Contact().validate() == [FieldError(field: "name", message: "is required")])
    }

    @Test func socialLinksMustBeWebAddresses() {
        let contact = Contact(name: "C", socialLinks: [
            "mastodon": "https://social.example/@a", "twitter": "@handle", "bluesky": " ", "": "https://example.org",
        ])
        #expect(contact.validate() == [
            FieldError(field: "social_links", message: "must not have an empty platform name"),
            FieldError(field: "social_links.bluesky", message: "is required"),
            FieldError(field: "social_links.twitter", message: "is not a valid http or https URL"),
        ])
    }

    @Test func socialPlatformNamesHaveALengthLimit() {
        let platform = String(repeating: "p", count: ValidationLimits.socialPlatform + 1)
        #expect(Contact(name: "C", socialLinks: [platform: "https://example.org"]).validate()
            == [FieldError(field: "social_links.\(platform)", message: "platform name must be at most 64 characters")])
    }

    @Test func contactReportsEveryProblemInFieldOrder() {
        let contact = Contact(
            name: "", position: String(repeating: "p", count: 201), email: "x", phone: "1", website: "x",
            socialLinks: ["a": "b"])
        #expect(contact.validate().fields == ["name", "position", "email", "phone", "website", "social_links.a"])
    }
}
