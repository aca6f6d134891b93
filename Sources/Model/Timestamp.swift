import Foundation

/// RFC 3339 timestamps as they appear in the JSON: written in UTC with milliseconds
/// (`2026-11-27T09:20:00.123Z`), read with or without fractional seconds and with any offset.
///
/// Entities format dates themselves through this type so the JSON is the same whatever date
/// strategy the caller's `JSONEncoder` or `JSONDecoder` is configured with.
public enum Timestamp {
    private static let millisecondsPerDay = 86_400_000
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, the range four-digit years can show.
    private static let earliestMillisecond = -62_135_596_800_000
    private static let latestMillisecond = 253_402_300_799_999

    /// The date in UTC with milliseconds, rounded to the nearest millisecond.
    public static func string(from date: Date) -> String {
        let exact = (date.timeIntervalSince1970 * 1000).rounded()
        // Clamp before converting: an out-of-range Double would trap in Int(_:).
        let clamped = exact.isFinite
            ? min(max(exact, Double(earliestMillisecond)), Double(latestMillisecond))
            : Double(earliestMillisecond)
        let milliseconds = Int(clamped)
        let days = milliseconds >= 0 ? milliseconds / millisecondsPerDay
            : (milliseconds - millisecondsPerDay + 1) / millisecondsPerDay
        let ofDay = milliseconds - days * millisecondsPerDay
        let (year, month, day) = CivilCalendar.date(days: days)
        let pad = CivilCalendar.padded
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(ofDay / 3_600_000, 2)):\(pad(ofDay / 60_000 % 60, 2)):\(pad(ofDay / 1000 % 60, 2))"
            + ".\(pad(ofDay % 1000, 3))Z"
    }

    /// Parses an RFC 3339 date-time; digits past milliseconds are dropped. Nil when malformed.
    public static func date(from text: String) -> Date? {
        guard let milliseconds = millisecondsSince1970(text) else { return nil }
        // Dividing the whole number of milliseconds gives the same Date as `Date(timeIntervalSince1970: 1.123)`.
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    private static func millisecondsSince1970(_ text: String) -> Int? {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2), scanner.skip("T", "t", " "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2),
              CivilCalendar.isValidDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second <= 60 // 60: a leap second, counted into the next minute
        else { return nil }
        var fraction = 0
        if scanner.skip(".") {
            let digits = scanner.digitRun()
            guard !digits.isEmpty else { return nil }
            let kept = (digits + "00").prefix(3)
            fraction = Int(kept) ?? 0
        }
        guard let offset = scanner.offsetMinutes(), scanner.isAtEnd else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset * 60
        return seconds * 1000 + fraction
    }
}
