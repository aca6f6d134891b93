import Events
import Foundation
import Model

/// Turns a validated registration into the create commands the saga issues, one at a time.
enum RegistrationPlan {
    /// Provider, contact, venue, then each service, with the references between them filled
    /// in: the venue and services belong to the provider, and each service lists the new venue
    /// and contact. The provider's main contact and venue are left unset, because they do not
    /// exist yet when the provider is created (an update could set them at the end).
    static func commands(for registration: RegisterProvider) -> [EntityCommand] {
        var provider = registration.provider
        let ownIDs = Set([registration.contact?.id, registration.venue?.id].compactMap { $0 })
        if let id = provider.mainContactID, ownIDs.contains(id) { provider.mainContactID = nil }
        if let id = provider.mainVenueID, ownIDs.contains(id) { provider.mainVenueID = nil }
        var commands = [EntityCommand(entity: .provider(provider))]
        if let contact = registration.contact { commands.append(EntityCommand(entity: .contact(contact))) }
        if var venue = registration.venue {
            venue.providerID = provider.id
            commands.append(EntityCommand(entity: .venue(venue)))
        }
        for var service in registration.services {
            service.providerID = provider.id
            if let venue = registration.venue, !service.venueIDs.contains(venue.id) { service.venueIDs.append(venue.id) }
            if let contact = registration.contact, !service.contactIDs.contains(contact.id) {
                service.contactIDs.append(contact.id)
            }
            commands.append(EntityCommand(entity: .service(service)))
        }
        return commands
    }
}
