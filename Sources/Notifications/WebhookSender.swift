import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs a change's CloudEvent to a webhook, retrying connection errors, timeouts and 5xx
/// answers with exponential backoff; any other answer is final.
struct WebhookSender: Sendable {
    /// The header that carries the delivery id, so a receiver can drop a repeat.
    static let idempotencyHeader = "Idempotency-Key"

    let policy: WebhookPolicy

    func post(_ body: [UInt8], to url: URL, deliveryID: String) async -> DeliveryOutcome {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/cloudevents+json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(deliveryID, forHTTPHeaderField: Self.idempotencyHeader)
        request.timeoutInterval = Self.seconds(policy.timeout)
        var lastReason = ""
        for attempt in 1...policy.attempts {
            switch await attemptOnce(request) {
            case .delivered: return .sent
            case .final(let reason): return .failed(reason: reason)
            case .retryable(let reason): lastReason = reason
            }
            guard attempt < policy.attempts else { break }
            do {
                try await Task.sleep(for: policy.firstBackoff * (1 << (attempt - 1)))
            } catch {
                return .failed(reason: "cancelled after \(attempt) attempts: \(lastReason)")
            }
        }
        return .failed(reason: "\(policy.attempts) attempts to POST \(url.absoluteString) failed; last: \(lastReason)")
    }

    private enum Attempt {
        case delivered
        case retryable(String)
        case final(String)
    }

    private func attemptOnce(_ request: URLRequest) async -> Attempt {
        // A session per attempt: no pooled connection outlives a failure, and nothing is shared.
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .final("the answer is not HTTP") }
            switch http.statusCode {
            case 200..<300: return .delivered
            case 500..<600: return .retryable("HTTP \(http.statusCode)")
            default: return .final("HTTP \(http.statusCode)")
            }
        } catch {
            return .retryable(error.localizedDescription)
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
