import DosCommandLine
import Events
import Foundation
import Hummingbird
import Model

extension CommandOutcome {
    /// The error answer of an outcome that is not a success; nil when the saga completed.
    ///
    /// From the facts of the saga, not the wording of its reason: the validator's `validation
    /// failed` is a 422 with its field errors; the store's `conflict` and `has_dependents` are
    /// 409, `missing_reference` and `not_found` 404, `invalid` 422. No saga started is a 503 (the
    /// command stays published and runs when the services start); a saga that stalled or timed
    /// out is a 504.
    var failure: GatewayError? {
        switch interruption {
        case .noService(let timeout)?:
            return error(.serviceUnavailable, """
                no saga started within \(timeout): no service is processing commands on this stream \
                (the command was published and runs when the services start)
                """)
        case .stalled(let limit)?:
            return error(.gatewayTimeout, "the saga made no progress for \(limit): the services stopped processing commands")
        case nil:
            break
        }
        guard let trace else { return error(.internalServerError, "the saga was not seen") }
        if trace.state == .completed { return nil }
        if let fact = validationFailure {
            return error(.unprocessableContent, "the entry is not valid", fields: fact.errors)
        }
        if let rejection { return storeRejection(rejection) }
        let reason = trace.reason ?? "no reason given"
        switch trace.state {
        case .timedOut: return error(.gatewayTimeout, "the saga timed out: \(reason)")
        case .compensated: return error(.conflict, "the saga was compensated: \(reason)")
        default: return error(.internalServerError, "the saga failed: \(reason)")
        }
    }

    private func storeRejection(_ rejection: StoreRejected) -> GatewayError {
        let status: HTTPResponse.Status
        switch rejection.reason {
        case .conflict, .hasDependents: status = .conflict
        case .missingReference, .notFound: status = .notFound
        case .invalid: status = .unprocessableContent
        }
        var answer = error(status, rejection.message)
        answer.body.reason = rejection.reason.rawValue
        answer.body.expectedVersion = rejection.expectedVersion
        answer.body.currentVersion = rejection.currentVersion
        if rejection.reason == .missingReference { answer.body.missingReferences = rejection.missingReferences }
        if rejection.reason == .hasDependents {
            answer.body.dependents = rejection.dependents.map { GatewayError.ErrorBody.Dependent(kind: $0.kind.rawValue, id: $0.id) }
        }
        return answer
    }

    private func error(_ status: HTTPResponse.Status, _ message: String, fields: [FieldError] = []) -> GatewayError {
        var answer = GatewayError(status, message, fields: fields)
        answer.body.sagaID = sagaID
        return answer
    }
}
