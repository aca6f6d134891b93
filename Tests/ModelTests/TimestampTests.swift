import Foundation
import Model
import Testing

struct TimestampTests {
    @Test("dates are written in UTC with milliseconds", arguments: [
        (1_795_771_200.123, "2026-11-27T09:20:00.123Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
        (1_709_164_800, "2024-02-29T00:00:00.000Z"),
        (951_782_400.9996, "2000-02-29T00:00:01.000Z"),
        (4_102_444_799.999, "2099-12-31T23:59:59.999Z"),
    ])
    func writesUTCWithMilliseconds(seconds: Double, expected: String) {
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("RFC 3339 input is read with or without fractions and with any offset", arguments: [
        ("2026-11-27T09:20:00.123Z", 1_795_771_200.123),
        ("2026-11-27T09:20:00Z", 1_795_771_200),
        ("2026-11-27t09:20:00z", 1_795_771_200),
        ("2026-11-27T10:20:00+01:00", 1_795_771_200),
        ("2026-11-27T04:20:00.5-05:00", 1_795_771_200.5),
        ("2026-11-27T14:50:00+0530", 1_795_771_200),
        ("2026-11-27T09:20:00.123456789Z", 1_795_771_200.123),
        ("2026-11-27 09:20:00Z", 1_795_771_200),
    ])
    func readsRFC3339(text: String, seconds: Double) {
        #expect(Timestamp.date(from: text) == Date(timeIntervalSince1970: seconds))
    }

    @Test("malformed or impossible date-times are refused", arguments: [
        "", "yesterday", "2026-11-27", "2026-11-27T09:20:00", "2026-11-27T09:20Z", "2026-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T09:60:00Z", "2026-11-27T09:20:00.Z",
        "2026-11-27T09:20:00+25:00", "2026-11-27T09:20:00Z trailing", "２０２６-11-27T09:20:00Z", "26-11-27T09:20:00Z",
    ])
    func refusesMalformed(text: String) {
        #expect(Timestamp.date(from: text) == nil)
    }

    @Test func writtenTextReadsBackToTheSameDate() {
        let date = Date(timeIntervalSince1970: 1_795_771_200.789)
        let text = Timestamp.string(from: date)
        #expect(Timestamp.date(from: text) == date)
        #expect(Timestamp.date(from: text).map(Timestamp.string(from:)) == text)
    }
}
