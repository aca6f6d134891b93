import Events
import Foundation
import ServiceKit

/// How an output is kept in the database: its message in a CloudEvent envelope, whose id and
/// source are placeholders (the runner gives the real ones when it publishes).
enum RecordedMessage {
    struct Unreadable: Error, CustomStringConvertible {
        let reason: String
        var description: String { "a recorded saga output cannot be read: \(reason)" }
    }

    static func encode(_ output: OutgoingMessage) throws -> Data {
        let event = try output.message.cloudEvent(id: "recorded", source: "/dos/sagas", subject: output.subject)
        return Data(CloudEventCodec.encode(event))
    }

    static func decode(_ data: Data) throws -> OutgoingMessage {
        switch CloudEventCodec.decode(Array(data)) {
        case .failure(let error):
            throw Unreadable(reason: error.reason)
        case .success(let event):
            switch MessageDecoder.decode(event) {
            case .success(.known(let message, _)): return OutgoingMessage(message, subject: event.subject)
            case .success(.unknown(_, let reason)): throw Unreadable(reason: reason)
            case .failure(let error): throw Unreadable(reason: "\(error)")
            }
        }
    }
}
