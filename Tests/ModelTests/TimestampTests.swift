import Foundation
import Model
import Testing
import TestSupport

/// RFC 3339 reading and writing: the one implementation that entities, payloads and envelopes share.
@Suite("RFC 3339 timestamps")
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
        ("2026-11-27T09:20:00.123456789Z", 1_795_771_200.123),
    ])
    func readsRFC3339(text: String, seconds: Double) {
        for syntax in [Timestamp.Syntax.strict, .lenient] {
            #expect(Timestamp.date(from: text, syntax: syntax) == Date(timeIntervalSince1970: seconds))
        }
    }

    @Test("hand-written spellings are read only when lenient", arguments: [
        ("2026-11-27T14:50:00+0530", 1_795_771_200),
        ("2026-11-27 09:20:00Z", 1_795_771_200),
        ("2026-11-27T09:20:00+0100", 1_795_767_600),
        ("2026-11-27T10:20:00+01", 1_795_771_200),
        ("2026-11-27T04:20:00\u{2212}05:00", 1_795_771_200),
    ])
    func readsHandWrittenSpellingsOnlyWhenLenient(text: String, seconds: Double) {
        #expect(Timestamp.date(from: text, syntax: .lenient) == Date(timeIntervalSince1970: seconds))
        #expect(Timestamp.date(from: text) == nil, "the default is strict")
    }

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
        let date = try #require(Timestamp.date(from: input))
        #expect(Timestamp.string(from: date) == output)
        #expect(Timestamp.date(from: output) == date)
        #expect(Timestamp.date(from: input, syntax: .lenient) == date)
    }

    @Test("malformed, impossible or unwritable date-times are refused", arguments: [
        "", "yesterday", "2026-11-27", "2026-11-27T09:20:00", "2026-11-27T09:20Z", "2026-02-30T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
        "2026-11-00T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T09:60:00Z", "2026-11-27T09:20:61Z",
        "2026-11-27T09:20:00.Z", "2026-11-27T09:20:00+25:00", "2026-11-27T09:20:00+24:00", "2026-11-27T09:20:00+01:60",
        "2026-11-27T09:20:00Z trailing", "2026-11-27T09:20:00Zjunk", "２０２６-11-27T09:20:00Z", "26-11-27T09:20:00Z",
        "0000-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "9999-12-31T23:59:60Z",
    ])
    func refusesMalformed(text: String) {
        #expect(Timestamp.date(from: text) == nil)
        #expect(Timestamp.date(from: text, syntax: .lenient) == nil)
    }

    @Test func writtenTextReadsBackToTheSameDate() {
        let date = Date(timeIntervalSince1970: 1_795_771_200.789)
        let text = Timestamp.string(from: date)
        #expect(Timestamp.date(from: text) == date)
        #expect(Timestamp.date(from: text).map(Timestamp.string(from:)) == text)
    }

    @Test func wholeMillisecondsSurviveFormattingExactly() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: Timestamp.representableMilliseconds, using: &generator)
            let date = Timestamp.date(millisecondsSince1970: milliseconds)
            #expect(Timestamp.millisecondsSince1970(of: date) == milliseconds)
            #expect(Timestamp.date(from: Timestamp.string(from: date)) == date)
        }
    }

    @Test func datesOutsideTheWritableRangeAreClamped() {
        #expect(Timestamp.string(from: Date.distantFuture) == "4001-01-01T00:00:00.000Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: -1e15)) == "0000-01-01T00:00:00.000Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: -.infinity)) == "0000-01-01T00:00:00.000Z")
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: .nan)) == "0000-01-01T00:00:00.000Z")
    }

    @Test func bytesAreReadInPlaceAndWrittenAfterWhatIsThere() throws {
        let line = Array(#"{"time":"2026-11-27T10:20:00.123+01:00"}"#.utf8)
        let date = line.withUnsafeBufferPointer { Timestamp.date(fromUTF8: UnsafeBufferPointer(rebasing: $0[9..<38])) }
        #expect(date == Date(timeIntervalSince1970: 1_795_771_200.123))
        var written = Array("time=".utf8)
        Timestamp.append(try #require(date), to: &written)
        #expect(String(decoding: written, as: UTF8.self) == "time=2026-11-27T09:20:00.123Z")
        let spaced = Array("2026-11-27 09:20:00Z".utf8)
        #expect(spaced.withUnsafeBufferPointer { Timestamp.date(fromUTF8: $0) } == nil)
        #expect(spaced.withUnsafeBufferPointer { Timestamp.date(fromUTF8: $0, syntax: .lenient) } != nil)
    }
}
