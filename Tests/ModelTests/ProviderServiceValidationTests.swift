import Foundation
import Model
import Testing

struct ProviderServiceValidationTests {
    @Test("the fixtures are valid", arguments: Fixtures.all)
    func fixtureIsValid(entity: Entity) {
        #expect(entity.validate() == [])
    }

    @Test func providerReportsEveryProblemInFieldOrder() {
        let provider = Provider(
            version: -1, name: "", description: String(repeating: "d", count: 10_001),
            website: "javascript:alert(1)", email: "not-an-address", phone: "12")
        #expect(provider.validate() == [
            FieldError(field: "version", message: "must not be negative"),
            FieldError(field: "name", message: "is required"),
            FieldError(field: "description", message: "must be at most 10000 characters"),
            FieldError(field: "website", message: "is not a valid http or https URL"),
            FieldError(field: "email", message: "is not a valid email address"),
            FieldError(field: "phone", message: "is not a valid phone number (7 to 15 digits, optional extension)"),
        ])
    }

    @Test func lengthAndCharacterProblemsInOneFieldAreBothReported() {
        let name = String(repeating: "n", count: 200) + "\u{1B}"
        #expect(Provider(name: name).validate() == [
            FieldError(field: "name", message: "must be at most 200 characters"),
            FieldError(field: "name", message: "must not contain control characters (found U+001B)"),
        ])
    }

    @Test func updatedAtMustNotPrecedeCreatedAt() {
        var provider = Fixtures.provider
        provider.updatedAt = provider.createdAt?.addingTimeInterval(-1)
        #expect(provider.validate() == [FieldError(field: "updated_at", message: "must not be before created_at")])
    }

    @Test func serviceNeedsProviderAndName() {
        #expect(Service().validate() == [
            FieldError(field: "provider_id", message: "is required"),
            FieldError(field: "name", message: "is required"),
        ])
        #expect(Service(providerID: UUID(), name: "Advice").validate() == [])
    }

    @Test func serviceDefaultsToActive() {
        #expect(Service().status == .active)
    }

    @Test func serviceStatusUsesTheHSDSValues() {
        #expect(ServiceStatus.allCases.map(\.rawValue) == ["active", "inactive", "defunct", "temporarily closed"])
    }

    @Test func serviceReportsReferencesListedTwice() {
        let venue = UUID()
        let term = UUID()
        let service = Service(providerID: UUID(), name: "S", venueIDs: [venue, UUID(), venue], taxonomyIDs: [term, term])
        #expect(service.validate() == [
            FieldError(field: "venue_ids[2]", message: "is listed more than once"),
            FieldError(field: "taxonomy_ids[1]", message: "is listed more than once"),
        ])
    }

    @Test func serviceChecksItsContactFields() {
        let service = Service(providerID: UUID(), name: "S", website: "ftp://example.org", email: "a@b", phone: "abc")
        #expect(service.validate().fields == ["website", "email", "phone"])
    }

    @Test func entityValidatesThroughTheWrappedStruct() {
        #expect(Entity.provider(Provider()).validate() == [FieldError(field: "name", message: "is required")])
        #expect(Entity.service(Service(providerID: UUID())).validate().fields == ["name"])
    }
}
