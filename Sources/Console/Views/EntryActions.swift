import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model

/// What the entry keys do wherever an entry is selected (listing, detail, review queue).
enum EntryActions {
    static func perform(_ action: ConsoleAction, on entity: Entity, context: ConsoleContext) -> ViewResponse {
        switch action {
        case .open:
            return .push(DetailView(kind: entity.kind, id: entity.id))
        case .history:
            return .push(HistoryView.make(kind: entity.kind, id: entity.id))
        case .json:
            return .push(TextView.entryJSON(kind: entity.kind, id: entity.id))
        case .copy:
            context.clipboard = prettyJSON(entity)
            context.say("copied \(entity.kind.rawValue) \"\(entity.displayName)\" as JSON")
        case .edit:
            return .push(FormView.edit(entity, context: context))
        case .delete:
            return .push(DeleteConfirmView(entity: entity))
        case .publish:
            let publishing = !(entity.published ?? false)
            send(publishing ? .publish : .unpublish, entity, verb: publishing ? "publish" : "unpublish", context: context)
        case .flag:
            let flagging = !entity.metadata.flagged
            send(flagging ? .flag : .unflag, entity, verb: flagging ? "flag" : "unflag", context: context)
        case .markReviewed:
            // An update carrying the entry as it is: the store records a new version, and the
            // new updated_at takes it off the review queue.
            guard let sagaID = context.publish(.change(.update, entity, expectedVersion: entity.version)) else { break }
            context.track(sagaID, label: "mark \"\(entity.displayName)\" reviewed")
        default:
            return .unhandled
        }
        return .handled
    }

    private static func send(_ action: CommandAction, _ entity: Entity, verb: String, context: ConsoleContext) {
        let reference = EntityReference(kind: entity.kind, id: entity.id, expectedVersion: entity.version)
        guard let sagaID = context.publish(.reference(action, reference, name: entity.displayName)) else { return }
        context.track(sagaID, label: "\(verb) \"\(entity.displayName)\"")
    }

    static func prettyJSON(_ entity: Entity) -> String {
        guard let data = try? entity.jsonData(pretty: true) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
