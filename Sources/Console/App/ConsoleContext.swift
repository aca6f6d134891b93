import ConsoleKit
import DosCommandLine
import EventLog
import Foundation
import Model

/// What views may read and do: the state folded from the stream, the clock, the keymap, and
/// the client that publishes commands and fetches what is not kept in memory.
public final class ConsoleContext {
    public var state: ConsoleState
    public let client: any StreamClient
    public var keymap: Keymap
    public var readOnly: Bool
    public var reviewAfterDays: Int
    /// The current time; tests fix it so golden screens do not move.
    public let clock: @Sendable () -> Date
    public private(set) var now: Date
    /// Results of on-demand reads (history, event payloads), by what was asked.
    public var histories: [HistoryKey: EntryHistory] = [:]
    public var payloads: [LogPosition: LogRecord] = [:]
    /// A one-line message under the view (saved, failed, copied…).
    public private(set) var flash: (text: String, isError: Bool, until: Date)?
    /// Text to put on the clipboard, picked up by the terminal after the frame.
    public var clipboard: String?
    /// The theme change asked for by `:theme`, picked up by the app.
    public var requestedTheme: String?
    public var themeNames: [String]
    /// True while drawing the frame that answers a key: views may put off heavy catching up
    /// with the stream (a listing merging changes) to the next frame, 16 ms later, so the key
    /// shows at once.
    public var isInputFrame = false

    /// Sagas started from here that the message line follows until they end.
    public struct TrackedSaga: Sendable {
        public var sagaID: String
        public var label: String
        public var sentAt: Date
    }
    public private(set) var tracked: [TrackedSaga] = []

    public struct HistoryKey: Hashable, Sendable {
        public var kind: EntityKind
        public var id: UUID
    }

    public init(
        state: ConsoleState, client: any StreamClient, keymap: Keymap = Keymap(), readOnly: Bool = false,
        reviewAfterDays: Int = 180, themeNames: [String] = [], clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.state = state
        self.client = client
        self.keymap = keymap
        self.readOnly = readOnly
        self.reviewAfterDays = reviewAfterDays
        self.themeNames = themeNames
        self.clock = clock
        now = clock()
    }

    public func tick() { now = clock() }

    public func say(_ text: String, isError: Bool = false, seconds: Double = 5) {
        flash = (text, isError, now.addingTimeInterval(seconds))
    }

    public var currentFlash: (text: String, isError: Bool)? {
        guard let flash, flash.until > now else { return nil }
        return (flash.text, flash.isError)
    }

    /// The actions a view offers, less those `--readonly` removes.
    public func allowed(_ actions: [ConsoleAction]) -> [ConsoleAction] {
        readOnly ? actions.filter { !$0.changesData } : actions
    }

    /// Publishes one command; returns its saga id, or nil (with the reason shown) when read-only.
    public func publish(_ command: PlannedCommand) -> String? {
        guard !readOnly else {
            say("read-only: changes are turned off", isError: true)
            return nil
        }
        return client.publish([command]).first
    }

    public func track(_ sagaID: String, label: String) {
        tracked.append(TrackedSaga(sagaID: sagaID, label: label, sentAt: now))
    }

    /// Turns finished tracked sagas into messages; returns the line for those still running.
    public func settleTracked() -> String? {
        var running: [String] = []
        tracked.removeAll { saga in
            if state.sagas[saga.sagaID] == nil, now.timeIntervalSince(saga.sentAt) > FormView.noAnswerAfter {
                say("\(saga.label): no service answered — are the services running?", isError: true, seconds: 10)
                return true
            }
            guard let trace = state.sagas[saga.sagaID], trace.isFinished else {
                let steps = state.sagas[saga.sagaID].map { trace in "\(trace.stepsDone)/\(trace.stepCount ?? trace.steps.count)" } ?? "sent"
                running.append("\(saga.label): \(steps)")
                return false
            }
            if trace.state == .completed {
                say("\(saga.label): done")
            } else {
                say("\(saga.label): \(trace.state.rawValue) — \(SagaOutcome.reason(trace))", isError: true, seconds: 10)
            }
            return true
        }
        return running.isEmpty ? nil : "⋯ " + running.joined(separator: "; ")
    }

    public func history(kind: EntityKind, id: UUID) -> EntryHistory? {
        let key = HistoryKey(kind: kind, id: id)
        if let history = histories[key] { return history }
        client.requestHistory(kind: kind, id: id)
        return nil
    }
}
