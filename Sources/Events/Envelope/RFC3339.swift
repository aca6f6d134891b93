import Foundation

/// RFC 3339 timestamps, parsed and printed by hand: a formatter per event would cost more
/// than decoding the rest of the envelope.
///
/// Times are kept to the millisecond (finer digits are dropped), so a decoded time prints
/// back to the text that decodes to the very same `Date`.
public enum RFC3339 {
    /// Parses `2026-11-27T09:20:00Z`, `2026-11-27T10:20:00.123456+01:00`, `…t…z`; the
    /// result must fall within years 0000–9999 once converted to UTC.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses the UTF-8 bytes of a timestamp.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let milliseconds = parseMilliseconds(bytes) else { return nil }
        return date(milliseconds: milliseconds)
    }

    /// Prints a date in UTC with milliseconds: `2026-11-27T09:20:00.123Z`. Dates outside
    /// years 0000–9999 (and NaN) are clamped, because RFC 3339 cannot write them.
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let minimumMilliseconds: Int64 = -62_167_219_200_000          // 0000-01-01T00:00:00Z
    static let maximumMilliseconds: Int64 = 253_402_300_799_999          // 9999-12-31T23:59:59.999Z

    /// Integer milliseconds divided once: the correctly rounded quotient is the same `Date`
    /// as a literal like `Date(timeIntervalSince1970: 1795000000.123)`.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func milliseconds(of date: Date) -> Int64 {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded()
        guard scaled.isFinite else { return scaled > 0 ? maximumMilliseconds : minimumMilliseconds }
        let clamped = min(max(scaled, Double(minimumMilliseconds)), Double(maximumMilliseconds))
        return Int64(clamped)
    }

    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let milliseconds = milliseconds(of: date)
        let (days, millisecondOfDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let second = millisecondOfDay / 1000
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(ASCII.minus)
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(ASCII.minus)
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(second / 3600, width: 2, to: &bytes)
        bytes.append(ASCII.colon)
        appendDigits(second / 60 % 60, width: 2, to: &bytes)
        bytes.append(ASCII.colon)
        appendDigits(second % 60, width: 2, to: &bytes)
        bytes.append(ASCII.period)
        appendDigits(millisecondOfDay % 1000, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(ASCII.zero + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    private static func parseMilliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // yyyy-mm-ddThh:mm:ss is 19 bytes, then an optional fraction, then Z or ±hh:mm.
        guard bytes.count >= 20,
              let year = digits(bytes, 0, 4), bytes[4] == ASCII.minus,
              let month = digits(bytes, 5, 2), bytes[7] == ASCII.minus,
              let day = digits(bytes, 8, 2), bytes[10] | 0x20 == UInt8(ascii: "t"),
              let hour = digits(bytes, 11, 2), bytes[13] == ASCII.colon,
              let minute = digits(bytes, 14, 2), bytes[16] == ASCII.colon,
              let second = digits(bytes, 17, 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second <= 60 // 60: a leap second, which RFC 3339 allows
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if bytes[index] == ASCII.period {
            index += 1
            let fractionStart = index
            while index < bytes.count, ASCII.isDigit(bytes[index]) {
                if index - fractionStart < 3 { fraction = fraction * 10 + Int64(bytes[index] - ASCII.zero) }
                index += 1
            }
            guard index > fractionStart else { return nil }
            for _ in min(index - fractionStart, 3)..<3 { fraction *= 10 }
        }
        guard index < bytes.count else { return nil }
        var offsetMinutes: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case ASCII.plus, ASCII.minus:
            guard index + 6 == bytes.count,
                  let offsetHour = digits(bytes, index + 1, 2), bytes[index + 3] == ASCII.colon,
                  let offsetMinute = digits(bytes, index + 4, 2), offsetHour < 24, offsetMinute < 60
            else { return nil }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == ASCII.minus ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        let milliseconds = seconds * 1000 + fraction
        guard (minimumMilliseconds...maximumMilliseconds).contains(milliseconds) else { return nil }
        return milliseconds
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int64? {
        var value: Int64 = 0
        for index in start..<start + count {
            let digit = bytes[index] &- ASCII.zero
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSinceEpoch`.
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
