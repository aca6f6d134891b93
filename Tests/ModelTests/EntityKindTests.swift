import Model
import Testing

struct EntityKindTests {
    @Test("names, plurals and aliases are recognised in any case", arguments: [
        ("provider", EntityKind.provider), ("Providers", .provider), ("ORGANIZATION", .provider),
        ("service", .service), ("svc", .service), ("Services", .service),
        ("venue", .venue), ("locations", .venue),
        ("contact", .contact), ("contacts", .contact),
        ("event", .event), ("events", .event), ("schedule", .event),
        ("costoption", .costoption), ("cost-option", .costoption), ("costoptions", .costoption), ("Cost_Options", .costoption),
        ("eligibility", .eligibility), ("eligibilities", .eligibility),
        ("taxonomy", .taxonomy), ("taxonomies", .taxonomy), ("terms", .taxonomy), ("term", .taxonomy),
        (" venues ", .venue),
    ])
    func recognisesName(name: String, kind: EntityKind) {
        #expect(EntityKind(name: name) == kind)
    }

    @Test("unknown names are not a kind", arguments: ["", "widget", "provid", "service s", "costoptionz"])
    func rejectsUnknownName(name: String) {
        #expect(EntityKind(name: name) == nil)
    }

    @Test func everyKindIsFoundByItsRawValueAndPluralName() {
        for kind in EntityKind.allCases {
            #expect(EntityKind(name: kind.rawValue) == kind)
            #expect(EntityKind(name: kind.pluralName) == kind)
        }
    }

    @Test func rawValuesAndPluralNamesAreTheWireNames() {
        #expect(EntityKind.allCases.map(\.rawValue)
            == ["provider", "service", "venue", "contact", "event", "costoption", "eligibility", "taxonomy"])
        #expect(EntityKind.allCases.map(\.pluralName)
            == ["providers", "services", "venues", "contacts", "events", "costoptions", "eligibilities", "taxonomy"])
    }

    @Test func onlyProvidersAndServicesArePublishable() {
        #expect(EntityKind.allCases.filter(\.isPublishable) == [.provider, .service])
    }
}
