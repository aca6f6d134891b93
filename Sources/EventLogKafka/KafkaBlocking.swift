import Dispatch

/// librdkafka's blocking calls (metadata, admin requests, polls with a timeout, closing) run on
/// GCD threads, never on Swift's cooperative pool, where they would stall every other task.
enum KafkaBlocking {
    private static let queue = DispatchQueue(label: "dos-kafka-blocking", attributes: .concurrent)

    static func run<Value: Sendable>(on serial: DispatchQueue? = nil, _ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            (serial ?? queue).async { continuation.resume(with: Result { try body() }) }
        }
    }
}
