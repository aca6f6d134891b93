import Foundation
import Model
import Synchronization

/// Makes UUIDv7 ids that strictly increase, however many are asked for in one millisecond and
/// from however many threads (RFC 9562 §6.2, method 1: a fixed-length counter).
///
/// Layout, most significant bit first: 48 bits of Unix milliseconds, the version (7), a 12-bit
/// counter in `rand_a`, the variant (binary 10) and 62 random bits in `rand_b`. The counter starts
/// each new millisecond at a random value below 2048, which leaves at least 2048 ids before it
/// would run out; when it does, or when the clock steps back, the id takes the millisecond after
/// the last one used, so under a burst the time in an id may run slightly ahead of the clock.
///
/// `EventID.make()` uses one shared instance; tests make their own so that an injected clock
/// does not meet the state other tests leave behind.
final class EventIDGenerator: Sendable {
    private struct State {
        /// The millisecond in the last id made, or -1 before the first.
        var millisecond: Int64 = -1
        var counter: UInt16 = 0
    }

    private static let counterLimit: UInt16 = 0x0FFF
    /// The largest time 48 bits hold (year 10889), far past the year 9999 `Timestamp` clamps to.
    private static let latestMillisecond: Int64 = 0xFFFF_FFFF_FFFF

    private let state = Mutex(State())

    /// An id for `now`, greater than every id this generator made before.
    func make(now: Date) -> String {
        let clock = Self.millisecond(of: now)
        let (millisecond, counter) = state.withLock { state in
            if clock > state.millisecond {
                state.millisecond = clock
                state.counter = Self.randomCounterStart()
            } else if state.counter < Self.counterLimit {
                state.counter += 1
            } else {
                // Out of counter in this millisecond: borrow the next one (RFC 9562 §6.2).
                state.millisecond = min(state.millisecond + 1, Self.latestMillisecond)
                state.counter = Self.randomCounterStart()
            }
            return (state.millisecond, state.counter)
        }
        let high = UInt64(millisecond) << 16 | 0x7000 | UInt64(counter)
        let low = 0x8000_0000_0000_0000 | UInt64.random(in: 0...UInt64.max) >> 2
        return Self.text(high: high, low: low)
    }

    /// Unix milliseconds rounded as `Timestamp` rounds them (so an id made for an envelope's
    /// `time` carries that very millisecond); times before 1970 count as 1970.
    private static func millisecond(of date: Date) -> Int64 {
        max(0, Timestamp.millisecondsSince1970(of: date))
    }

    /// Random, with the top bit of the 12 clear so that the counter has room to count.
    private static func randomCounterStart() -> UInt16 {
        UInt16.random(in: 0...0x07FF)
    }

    /// The 128 bits as lowercase hex in the 8-4-4-4-12 form.
    private static func text(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = nibble < 16 ? high : low
                buffer[index] = hexDigits[Int(word >> UInt64(60 - 4 * (nibble % 16)) & 0xF)]
                index += 1
            }
            return index
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
