import DosCommandLine
import Events
import Foundation
import Model
import Testing

/// A saga's trace in the console checkpoint's binary form.
struct SagaTraceBinaryTests {
    /// A register-provider saga that failed at its third step and was compensated.
    static func compensatedTrace() throws -> SagaTrace {
        var ledger = SagaLedger()
        let start = Date(timeIntervalSince1970: 1_795_771_200.25)
        func progress(_ stage: SagaStage, _ step: String? = nil, _ index: Int? = nil, reason: String? = nil, after seconds: Double) {
            ledger.apply(stage, SagaProgress(
                sagaID: "saga-1", sagaKind: "register-provider", step: step, stepIndex: index, stepCount: 4,
                reason: reason, at: start.addingTimeInterval(seconds)))
        }
        progress(.started, after: 0)
        progress(.stepStarted, "create-provider", 0, after: 0.1)
        progress(.stepCompleted, "create-provider", 0, after: 0.2)
        progress(.stepStarted, "create-contact", 1, after: 0.3)
        progress(.stepFailed, "create-contact", 1, reason: "email: not an address \u{1b}[31m", after: 0.4)
        progress(.compensating, reason: "create-contact failed", after: 0.5)
        progress(.stepStarted, "delete-provider", 2, after: 0.6)
        progress(.stepCompleted, "delete-provider", 2, after: 0.7)
        progress(.compensated, after: 0.8)
        return try #require(ledger["saga-1"])
    }

    @Test func aCompensatedSagaComesBackExactly() throws {
        let trace = try Self.compensatedTrace()
        #expect(trace.state == .compensated)
        #expect(trace.steps.count == 3)
        var writer = BinaryWriter()
        trace.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try SagaTrace(from: &reader) == trace)
        #expect(reader.isAtEnd)
    }

    @Test func aRunningSagaWithNothingOptionalComesBackExactly() throws {
        let trace = SagaTrace(id: "saga-2", kind: "create-service")
        var writer = BinaryWriter()
        trace.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try SagaTrace(from: &reader) == trace)
    }

    @Test func everyTruncationIsAnError() throws {
        var writer = BinaryWriter()
        try Self.compensatedTrace().write(to: &writer)
        for length in 0..<writer.bytes.count {
            var reader = BinaryReader(Array(writer.bytes[..<length]))
            #expect(throws: BinaryReader.Malformed.self) { try SagaTrace(from: &reader) }
        }
    }

    @Test func aLedgerFromTracesKeepsTheirOrderAndDropsRepeats() throws {
        let first = try Self.compensatedTrace()
        let second = SagaTrace(id: "saga-2", kind: "create-service")
        let ledger = SagaLedger(traces: [first, second, first], skipped: 3)
        #expect(ledger.all == [first, second])
        #expect(ledger.skipped == 3)
        #expect(ledger["saga-2"] == second)
    }
}
