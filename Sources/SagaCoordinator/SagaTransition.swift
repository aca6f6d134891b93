import Events
import Foundation
import Model
import ServiceKit

/// The pure core of the coordinator: applies one input (or a passed deadline) to a saga and
/// collects the messages that causes — progress for the sagas topic, commands it issues.
///
/// It never does I/O. Commands it issues need their ids before they are published (the saga
/// records which id each step waits on), so `outputID` says which id the runner will give the
/// output at a given position.
struct SagaTransition {
    let now: Date
    let stepTimeout: TimeInterval
    let outputID: (Int) -> String
    private(set) var outputs: [OutgoingMessage] = []

    init(now: Date, stepTimeout: TimeInterval, outputID: @escaping (Int) -> String) {
        self.now = now
        self.stepTimeout = stepTimeout
        self.outputID = outputID
    }

    /// A new saga for a command: started, and its first step (validation) started. A cascade
    /// delete keeps the entry it deletes as the bottom of its stack of deletions.
    mutating func start(commandID: String, sagaID: String, sagaKind: String, stepCount: Int, cascade: EntityReference? = nil) -> Saga {
        var saga = Saga(id: sagaID, kind: sagaKind, startedAt: now, stepCount: stepCount)
        if let cascade {
            saga.cascade = [EntityReference(kind: cascade.kind, id: cascade.id, expectedVersion: cascade.expectedVersion)]
        }
        emit(.started, saga)
        begin(&saga, SagaStep(name: "validate", role: .forward, commandID: commandID, startedAt: now, deadline: deadline))
        return saga
    }

    /// The saga after an outcome of the command its step at `position` waits on.
    mutating func apply(_ input: SagaInput, to saga: inout Saga, at position: Int) {
        let step = saga.steps[position]
        switch input {
        case .command:
            return
        case .validated(let fact):
            // Only validation steps end here; a composite's create and delete steps end when stored.
            guard step.name == "validate" else { return }
            complete(&saga, at: position)
            if saga.isComposite {
                guard let registration = try? fact.command.decode(RegisterProvider.self) else {
                    finish(&saga, .failed, reason: "the validated registration cannot be read")
                    return
                }
                saga.plan = RegistrationPlan.commands(for: registration)
                saga.stepCount = 1 + saga.plan.count
                issueNextCreate(&saga)
            } else {
                begin(&saga, SagaStep(name: "store", role: .forward, commandID: step.commandID, startedAt: now, deadline: deadline))
            }
        case .validationFailed(_, let reason):
            fail(&saga, at: position, reason: reason, timedOut: false)
        case .stored(_, let version):
            guard step.name != "validate" else { return }
            saga.steps[position].version = version
            complete(&saga, at: position)
            if saga.isCascade { _ = saga.cascade.popLast() }
            advance(&saga)
        case .rejected(let fact):
            if step.role == .compensation, fact.reason == .notFound {
                // Undo of an entry that is not there (a timed-out create never applied): done.
                complete(&saga, at: position)
                advance(&saga)
            } else if saga.isCascade, fact.reason == .hasDependents || (fact.reason == .notFound && step.entityID != nil) {
                cascade(fact, &saga, at: position)
            } else {
                fail(&saga, at: position, reason: "store rejected (\(fact.reason.rawValue)): \(fact.message)", timedOut: false)
            }
        }
    }

    /// The saga after its running step at `position` passed its deadline.
    mutating func timeOut(_ saga: inout Saga, at position: Int) {
        let seconds = String(format: "%g", stepTimeout)
        fail(&saga, at: position, reason: "step \(saga.steps[position].name) timed out after \(seconds)s", timedOut: true)
    }

    // MARK: - Moving on

    private var deadline: Date { now.addingTimeInterval(stepTimeout) }

    /// After a step completed: the next step, the next undo, or the end.
    private mutating func advance(_ saga: inout Saga) {
        switch saga.state {
        case .running:
            if saga.isComposite {
                issueNextCreate(&saga)
            } else if saga.isCascade {
                issueNextCascadeDelete(&saga)
            } else {
                finish(&saga, .completed, reason: nil)
            }
        case .compensating:
            issueNextCompensation(&saga)
        case .completed, .failed, .compensated, .timedOut:
            return
        }
    }

    private mutating func fail(_ saga: inout Saga, at position: Int, reason: String, timedOut: Bool) {
        saga.steps[position].state = timedOut ? .timedOut : .failed
        saga.steps[position].endedAt = now
        saga.steps[position].reason = reason
        emit(.stepFailed, saga, step: position, reason: reason)
        let step = saga.steps[position]
        if step.role == .compensation, let original = saga.reason {
            // Never compensate a compensation: report both and stop.
            finish(&saga, .failed, reason: "\(original); compensation failed: \(reason)")
        } else if saga.isComposite && step.name != "validate" {
            saga.reason = reason
            saga.state = .compensating
            saga.plan = []
            saga.stepCount = saga.steps.count + undoable(saga).count
            emit(.compensating, saga, reason: reason)
            issueNextCompensation(&saga)
        } else if saga.isCascade {
            finish(&saga, timedOut ? .timedOut : .failed, reason: reason + Self.deletedSoFar(saga))
        } else {
            finish(&saga, timedOut ? .timedOut : .failed, reason: reason)
        }
    }

    private mutating func finish(_ saga: inout Saga, _ state: SagaState, reason: String?) {
        saga.state = state
        saga.reason = reason
        saga.endedAt = now
        let stage: SagaStage = switch state {
        case .completed: .completed
        case .compensated: .compensated
        case .timedOut: .timedOut
        case .failed, .running, .compensating: .failed
        }
        emit(stage, saga, reason: reason)
    }

    private mutating func begin(_ saga: inout Saga, _ step: SagaStep) {
        saga.steps.append(step)
        emit(.stepStarted, saga, step: saga.steps.count - 1)
    }

    private mutating func complete(_ saga: inout Saga, at position: Int) {
        saga.steps[position].state = .completed
        saga.steps[position].endedAt = now
        emit(.stepCompleted, saga, step: position)
    }

    // MARK: - Composite sagas

    private mutating func issueNextCreate(_ saga: inout Saga) {
        guard !saga.plan.isEmpty else {
            finish(&saga, .completed, reason: nil)
            return
        }
        let command = saga.plan.removeFirst()
        let entity = command.entity
        let commandID = issue(Message(.create, command))
        begin(&saga, SagaStep(
            name: "create \(entity.kind.rawValue)", role: .forward, commandID: commandID, entityKind: entity.kind,
            entityID: entity.id, startedAt: now, deadline: deadline))
    }

    /// Forward steps whose entry exists or may yet appear (a timed-out create can still be
    /// applied, and the delete after it in the log then removes it) and is not undone yet, the
    /// latest first.
    private func undoable(_ saga: Saga) -> [SagaStep] {
        let undone = Set(saga.steps.filter { $0.role == .compensation }.compactMap(\.entityID))
        return saga.steps.reversed().filter { step in
            step.role == .forward && step.entityID != nil && (step.state == .completed || step.state == .timedOut)
                && !undone.contains(step.entityID ?? UUID())
        }
    }

    private mutating func issueNextCompensation(_ saga: inout Saga) {
        guard let step = undoable(saga).first, let kind = step.entityKind, let id = step.entityID else {
            finish(&saga, .compensated, reason: saga.reason)
            return
        }
        let commandID = issue(Message(.delete, EntityReference(kind: kind, id: id, expectedVersion: step.version)))
        begin(&saga, SagaStep(
            name: "delete \(kind.rawValue)", role: .compensation, commandID: commandID, entityKind: kind, entityID: id,
            startedAt: now, deadline: deadline))
    }

    // MARK: - Cascade deletes

    /// A cascade's delete was refused because others still refer to the entry: delete those
    /// first (each by the same rule), then this entry again. A delete of a dependent that is
    /// already gone (someone else deleted it) counts as done.
    private mutating func cascade(_ fact: StoreRejected, _ saga: inout Saga, at position: Int) {
        if fact.reason == .notFound {
            complete(&saga, at: position)
            _ = saga.cascade.popLast()
            advance(&saga)
            return
        }
        let pending = Set(saga.cascade.map { StoreRejected.Dependent(kind: $0.kind, id: $0.id) })
        let problem: String? = if fact.dependents.isEmpty {
            "the store did not say what kind of entries depend on it"
        } else if let loop = fact.dependents.first(where: pending.contains) {
            "\(loop.kind.rawValue) \(loop.id.uuidString.lowercased()) depends on what depends on it"
        } else if Self.deletions(saga).count + saga.cascade.count + fact.dependents.count > Saga.cascadeLimit {
            "a cascade deletes at most \(Saga.cascadeLimit) entries"
        } else {
            nil
        }
        if let problem {
            fail(&saga, at: position, reason: "store rejected (\(fact.reason.rawValue)): \(fact.message); \(problem)", timedOut: false)
            return
        }
        let names = fact.dependents.map { "\($0.kind.rawValue) \($0.id.uuidString.lowercased())" }.joined(separator: ", ")
        let reason = "still referred to by \(names): deleting \(fact.dependents.count == 1 ? "it" : "them") first"
        saga.steps[position].state = .failed
        saga.steps[position].endedAt = now
        saga.steps[position].reason = reason
        emit(.stepFailed, saga, step: position, reason: reason)
        // The first dependent named goes first: it ends on top of the stack.
        saga.cascade += fact.dependents.reversed().map { EntityReference(kind: $0.kind, id: $0.id) }
        saga.stepCount = saga.steps.count + saga.cascade.count
        issueNextCascadeDelete(&saga)
    }

    /// The delete on top of the stack, or the end: the entry and all that depended on it are gone.
    private mutating func issueNextCascadeDelete(_ saga: inout Saga) {
        guard let next = saga.cascade.last else {
            finish(&saga, .completed, reason: nil)
            return
        }
        let commandID = issue(Message(.delete, next))
        begin(&saga, SagaStep(
            name: "delete \(next.kind.rawValue)", role: .forward, commandID: commandID, entityKind: next.kind,
            entityID: next.id, startedAt: now, deadline: deadline))
    }

    /// The cascade's deletions that were applied (its own delete steps that completed).
    private static func deletions(_ saga: Saga) -> [SagaStep] {
        saga.steps.filter { $0.role == .forward && $0.state == .completed && $0.entityID != nil }
    }

    /// For the reason of a cascade that failed: what it had deleted by then, which stays deleted.
    static func deletedSoFar(_ saga: Saga) -> String {
        let deleted = deletions(saga).compactMap { step in
            step.entityKind.flatMap { kind in step.entityID.map { "\(kind.rawValue) \($0.uuidString.lowercased())" } }
        }
        guard !deleted.isEmpty else { return "; nothing was deleted" }
        return "; already deleted, and not restored (deletes are not compensated): " + deleted.joined(separator: ", ")
    }

    // MARK: - Outputs

    /// Adds a command to the outputs and returns the id it will be published with.
    private mutating func issue(_ message: Message) -> String {
        let id = outputID(outputs.count)
        outputs.append(OutgoingMessage(message))
        return id
    }

    private mutating func emit(_ stage: SagaStage, _ saga: Saga, step position: Int? = nil, reason: String? = nil) {
        let progress = SagaProgress(
            sagaID: saga.id, sagaKind: saga.kind, step: position.map { saga.steps[$0].name }, stepIndex: position,
            stepCount: saga.stepCount, reason: reason, at: now)
        outputs.append(OutgoingMessage(Message(stage, progress), subject: saga.id))
    }
}
