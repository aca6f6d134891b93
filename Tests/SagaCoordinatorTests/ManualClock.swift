import Foundation
import Synchronization

/// A clock for the coordinator that moves only when a test says so.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_795_771_200))

    /// The reading, in the shape `SagaCoordinatorService(clock:)` takes.
    var now: @Sendable () -> Date { { [self] in current.withLock { $0 } } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
