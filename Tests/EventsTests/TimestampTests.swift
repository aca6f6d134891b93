import Foundation
import Testing
@testable import Events

@Suite("RFC 3339 times")
struct TimestampTests {
    @Test(arguments: [
        ("2026-11-27T09:20:00.123Z", "2026-11-27T09:20:00.123Z"),
        ("2026-11-27T10:20:00.123+01:00", "2026-11-27T09:20:00.123Z"),
        ("2026-11-27T04:50:00-04:30", "2026-11-27T09:20:00.000Z"),
        ("2026-11-27t09:20:00.1234567z", "2026-11-27T09:20:00.123Z"),
        ("2026-11-27T09:20:00.5Z", "2026-11-27T09:20:00.500Z"),
        ("2028-02-29T23:59:59Z", "2028-02-29T23:59:59.000Z"),
        ("2026-12-31T23:59:60Z", "2027-01-01T00:00:00.000Z"),
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z"),
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ])
    func parsesAndPrintsInUTCWithMilliseconds(_ input: String, _ output: String) throws {
        let date = try #require(RFC3339.parse(input))
        #expect(RFC3339.format(date) == output)
        #expect(RFC3339.parse(output) == date)
    }

    @Test(arguments: [
        "", "2026-11-27", "2026-11-27T09:20:00", "2026-11-27 09:20:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-31T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T09:60:00Z", "2026-11-27T09:20:61Z",
        "2026-11-27T09:20:00.Z", "2026-11-27T09:20:00+0100", "2026-11-27T09:20:00+24:00", "2026-11-27T09:20:00Zjunk",
        "0000-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "２０２６-11-27T09:20:00Z",
    ])
    func rejectsMalformedTimes(_ input: String) {
        #expect(RFC3339.parse(input) == nil)
    }

    @Test func wholeMillisecondsSurviveFormattingExactly() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: RFC3339.minimumMilliseconds...RFC3339.maximumMilliseconds, using: &generator)
            let date = RFC3339.date(milliseconds: milliseconds)
            #expect(RFC3339.milliseconds(of: date) == milliseconds)
            #expect(RFC3339.parse(RFC3339.format(date)) == date)
        }
    }

    @Test func datesOutsideTheWritableRangeAreClamped() {
        #expect(RFC3339.format(Date.distantFuture) == "4001-01-01T00:00:00.000Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59.999Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1e15)) == "0000-01-01T00:00:00.000Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: .nan)) == "0000-01-01T00:00:00.000Z")
    }
}

/// SplitMix64: a small deterministic generator so that random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
