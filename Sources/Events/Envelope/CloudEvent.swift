import Foundation

/// One CloudEvents 1.0 event: the envelope every message in dos travels in.
///
/// Attribute names on the wire are the CloudEvents ones (`specversion`, `datacontenttype`…);
/// the dos extensions are `sagaid`, `causationid`, `actor` and `entityversion`.
public struct CloudEvent: Sendable, Equatable {
    /// Always "1.0" for events this module decodes.
    public var specVersion: String
    /// Unique per `source`; consumers dedupe on it.
    public var id: String
    /// Who produced the event, e.g. "dos/validator".
    public var source: String
    /// The catalogue's type name with its schema version, e.g. "dos.command.provider.create.v1".
    public var type: String
    public var time: Date?
    /// The entity id (or saga id for saga messages).
    public var subject: String?
    public var dataContentType: String?
    public var dataSchema: String?
    public var data: EventData?
    /// `sagaid`: correlates every message of one saga.
    public var sagaID: String?
    /// `causationid`: the id of the event that caused this one.
    public var causationID: String?
    /// `actor`: who asked for the change.
    public var actor: String?
    /// `entityversion`: the entity version the event is about.
    public var entityVersion: Int?
    /// Any other extension attribute, kept so that events pass through unchanged.
    public var extensions: [String: ExtensionValue]

    public init(
        specVersion: String = CloudEvent.specVersion,
        id: String,
        source: String,
        type: String,
        time: Date? = nil,
        subject: String? = nil,
        dataContentType: String? = nil,
        dataSchema: String? = nil,
        data: EventData? = nil,
        sagaID: String? = nil,
        causationID: String? = nil,
        actor: String? = nil,
        entityVersion: Int? = nil,
        extensions: [String: ExtensionValue] = [:]
    ) {
        self.specVersion = specVersion
        self.id = id
        self.source = source
        self.type = type
        self.time = time
        self.subject = subject
        self.dataContentType = dataContentType
        self.dataSchema = dataSchema
        self.data = data
        self.sagaID = sagaID
        self.causationID = causationID
        self.actor = actor
        self.entityVersion = entityVersion
        self.extensions = extensions
    }

    /// The only CloudEvents version this module reads and writes.
    public static let specVersion = "1.0"
}
