import EventLog
import Events
import Foundation

extension ServiceRunner {
    /// The event id the runner gives a handler's output number `index` for the input `inputID`:
    /// a handler that issues commands can know their ids (and wait for facts about them).
    public static func outputID(handler: String, inputID: String, index: Int) -> String {
        EventID.derived(from: "\(handler)|\(inputID)|\(index)", timeOf: inputID)
    }

    /// The event id the runner gives a tick's output with `seed`.
    public static func periodicOutputID(handler: String, seed: String) -> String {
        EventID.derived(from: "\(handler)|tick|\(seed)")
    }

    /// The records of the handler's tick, if it has periodic work; a failing tick is reported
    /// and retried at the next poll, never allowed to stop the stream.
    func tickRecords() async -> [(PeriodicOutput, OutgoingRecord)] {
        guard let periodic = handler as? any PeriodicHandler else { return [] }
        do {
            return try await periodic.tick(now: Date()).compactMap { output in
                let id = Self.periodicOutputID(handler: handler.name, seed: output.seed)
                return envelope(output.output, id: id, sagaID: output.sagaID, causationID: nil, actor: nil).map { (output, $0) }
            }
        } catch {
            diagnostics.warning("\(handler.name): periodic work failed: \(error)")
            return []
        }
    }

    /// Tells the handler its tick's outputs are in the log.
    func confirmPublished(_ outputs: [PeriodicOutput]) async {
        guard !outputs.isEmpty, let periodic = handler as? any PeriodicHandler else { return }
        do {
            try await periodic.didPublish(outputs)
        } catch {
            // The handler returns them again at the next tick; their ids make that harmless.
            diagnostics.warning("\(handler.name): confirming periodic outputs failed: \(error)")
        }
    }
}
