import Foundation

/// RFC 3339 timestamps: the one implementation behind entities, payloads and envelopes.
///
/// Parsed and printed by hand over UTF-8 bytes: a formatter per event would cost more than
/// decoding the rest of an envelope, and the envelope decoder reads `time` where it lies in the
/// input, without allocating. Entities format dates through this type too, so the JSON is the
/// same whatever date strategy a caller's `JSONEncoder` or `JSONDecoder` is configured with.
///
/// The rules, the same for every caller:
/// - Years 0000–9999, what four digits can show (RFC 3339 allows year 0000). A parsed time must
///   fall within them once converted to UTC; a date outside them is clamped when written, and
///   NaN is written as the earliest time.
/// - Milliseconds: reading drops digits past the third, writing rounds to the nearest
///   millisecond, so a parsed time prints back to text that parses to the very same `Date`.
/// - Written in UTC with three fractional digits: `2026-11-27T09:20:00.123Z`.
/// - A leap second (`:60`) is accepted and counted into the next minute.
public enum Timestamp {
    /// Which spellings the parsers accept; both take any offset and any number of fractional digits.
    public enum Syntax: Sendable {
        /// RFC 3339 §5.6 only: `T` (or `t`) between date and time, then `Z` (or `z`) or `±HH:MM`.
        /// What the wire carries: envelopes and payloads.
        case strict
        /// Also what people write by hand in entity JSON: a space instead of the `T`, and offsets
        /// written `±HHMM` or `±HH`, or with `−` (U+2212) for the minus.
        case lenient
    }

    /// 0000-01-01T00:00:00Z through 9999-12-31T23:59:59.999Z, in milliseconds since 1970.
    public static let representableMilliseconds: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    private static let millisecondsPerDay = 86_400_000

    /// The date in UTC with milliseconds: `2026-11-27T09:20:00.123Z`.
    public static func string(from date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of `string(from: date)` to `bytes`, without building a `String`.
    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        let milliseconds = Int(millisecondsSince1970(of: date))
        // Floor division, so that times before 1970 land in the day they belong to.
        let days = (milliseconds >= 0 ? milliseconds : milliseconds - millisecondsPerDay + 1) / millisecondsPerDay
        let millisecondOfDay = milliseconds - days * millisecondsPerDay
        let (year, month, day) = CivilCalendar.date(days: days)
        let second = millisecondOfDay / 1000
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(second / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(second / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(second % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(millisecondOfDay % 1000, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Parses an RFC 3339 date-time; nil when malformed, impossible (2026-02-30) or outside
    /// years 0000–9999 once converted to UTC.
    public static func date(from text: String, syntax: Syntax = .strict) -> Date? {
        DigitScanner.scan(text) { scanner in
            millisecondsSince1970(reading: &scanner, syntax: syntax).map(date(millisecondsSince1970:))
        }
    }

    /// Parses the UTF-8 bytes of an RFC 3339 date-time, as `date(from:syntax:)` does, without
    /// allocating: for decoders that find the text inside a larger buffer.
    public static func date(fromUTF8 bytes: UnsafeBufferPointer<UInt8>, syntax: Syntax = .strict) -> Date? {
        var scanner = DigitScanner(bytes)
        return millisecondsSince1970(reading: &scanner, syntax: syntax).map(date(millisecondsSince1970:))
    }

    /// The date `milliseconds` after 1970-01-01T00:00:00Z.
    public static func date(millisecondsSince1970 milliseconds: Int64) -> Date {
        // Dividing the whole number once gives the correctly rounded quotient: the same `Date`
        // as a literal such as `Date(timeIntervalSince1970: 1795000000.123)`.
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The date's time since 1970 rounded to the nearest millisecond and clamped to
    /// `representableMilliseconds` (NaN counts as the earliest).
    public static func millisecondsSince1970(of date: Date) -> Int64 {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        let earliest = representableMilliseconds.lowerBound
        let latest = representableMilliseconds.upperBound
        // Clamped before converting: an out-of-range or NaN Double would trap in Int64(_:).
        guard scaled.isFinite else { return scaled > 0 ? latest : earliest }
        return Int64(min(max(scaled, Double(earliest)), Double(latest)))
    }

    /// Always inlined, so that each width is a constant and the divisions become multiplications.
    @inline(__always)
    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
