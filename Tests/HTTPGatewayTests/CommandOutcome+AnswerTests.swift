import DosCommandLine
import EventLog
import Events
import Foundation
@testable import HTTPGateway
import Model
import Testing

/// A saga's outcome to the status of the answer, from its facts.
@Suite struct CommandOutcomeAnswerTests {
    let provider = Entity.provider(Provider(name: "Acme"))

    func outcome(_ stage: SagaStage?, reason: String? = nil) -> CommandOutcome {
        var outcome = CommandOutcome(command: .change(.create, provider, expectedVersion: nil), sagaID: "saga-1")
        guard let stage else { return outcome }
        var trace = SagaTrace(id: "saga-1", kind: "create-provider")
        let at = Date()
        trace.apply(.started, SagaProgress(sagaID: "saga-1", sagaKind: "create-provider", at: at))
        trace.apply(stage, SagaProgress(sagaID: "saga-1", sagaKind: "create-provider", reason: reason, at: at))
        outcome.trace = trace
        return outcome
    }

    func rejected(_ reason: StoreRejected.Reason) -> CommandOutcome {
        var failed = outcome(.failed, reason: "store rejected")
        failed.rejection = StoreRejected(
            commandID: "command-1", kind: .provider, entityID: provider.id, reason: reason, message: "refused",
            expectedVersion: 1, currentVersion: 2, missingReferences: [provider.id],
            dependents: [StoreRejected.Dependent(kind: .service, id: provider.id)])
        return failed
    }

    @Test func aCompletedSagaIsNoFailure() {
        #expect(outcome(.completed).failure == nil)
    }

    @Test func validationFailureIs422WithItsFields() {
        var failed = outcome(.failed, reason: "validation failed: email")
        let errors = [FieldError(field: "email", message: "is not an email address")]
        failed.validationFailure = ValidationFailed(commandID: "command-1", kind: .provider, entityID: provider.id, errors: errors)
        let answer = failed.failure
        #expect(answer?.status.code == 422)
        #expect(answer?.body.fields == errors)
        #expect(answer?.body.sagaID == "saga-1")
    }

    @Test func storeRejectionsMapByReason() {
        let expected: [StoreRejected.Reason: Int] = [
            .conflict: 409, .hasDependents: 409, .missingReference: 404, .notFound: 404, .invalid: 422,
        ]
        #expect(Set(expected.keys) == Set(StoreRejected.Reason.allCases))
        for (reason, status) in expected {
            let answer = rejected(reason).failure
            #expect(answer?.status.code == status, "\(reason)")
            #expect(answer?.body.reason == reason.rawValue)
            #expect(answer?.body.error == "refused")
        }
        #expect(rejected(.conflict).failure?.body.currentVersion == 2)
        #expect(rejected(.missingReference).failure?.body.missingReferences == [provider.id])
        #expect(rejected(.conflict).failure?.body.missingReferences == nil)
        #expect(rejected(.hasDependents).failure?.body.dependents?.first?.kind == "service")
    }

    @Test func sagasThatNeverEndedOrEndedWithoutAFact() {
        var waiting = outcome(nil)
        waiting.interruption = .noService(timeout: .seconds(10))
        #expect(waiting.failure?.status.code == 503)
        var stalled = outcome(.stepStarted)
        stalled.interruption = .stalled(after: .seconds(60))
        #expect(stalled.failure?.status.code == 504)
        #expect(outcome(.timedOut, reason: "no answer from the store").failure?.status.code == 504)
        #expect(outcome(.failed, reason: "something else").failure?.status.code == 500)
    }

    @Test func settledOnceTheAnswerIsRead() throws {
        var completed = outcome(.completed)
        #expect(!completed.isSettled)
        let record = try StreamFixture.record(StreamFixture.view(.provider(Provider(id: provider.id, version: 1, name: "Acme"))))
        if case .success(let change) = ViewChange.read(record) { completed.changes.append(change) }
        #expect(completed.isSettled)

        #expect(!outcome(.failed).isSettled)
        #expect(rejected(.conflict).isSettled)
        #expect(outcome(.timedOut).isSettled)
        #expect(!outcome(.stepCompleted).isSettled)
    }
}
