/// The grammar behind `Timestamp.date(from:)` and `Timestamp.date(fromUTF8:)`.
extension Timestamp {
    /// Reads `yyyy-mm-ddThh:mm:ss[.fraction](Z|±hh:mm)` up to the end of the scanner's bytes.
    static func millisecondsSince1970(reading scanner: inout DigitScanner, syntax: Syntax) -> Int64? {
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              scanner.skip(letterInEitherCase: "T") || (syntax == .lenient && scanner.skip(" ")),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2), scanner.skip(":"),
              let second = scanner.number(digits: 2),
              day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second <= 60 // 60: a leap second, which RFC 3339 allows
        else { return nil }
        var fraction = 0
        if scanner.skip(".") {
            let digits = scanner.digitRun(valueOfFirst: 3)
            guard digits.count > 0 else { return nil }
            fraction = digits.value
            for _ in min(digits.count, 3)..<3 { fraction *= 10 }
        }
        guard let offset = offsetMinutes(reading: &scanner, syntax: syntax), scanner.isAtEnd else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute - offset) * 60 + second
        let milliseconds = Int64(seconds * 1000 + fraction)
        guard representableMilliseconds.contains(milliseconds) else { return nil }
        return milliseconds
    }

    /// `Z` or `±HH:MM` (and, when lenient, `±HHMM`, `±HH` or `−HH:MM`) as minutes east of UTC.
    private static func offsetMinutes(reading scanner: inout DigitScanner, syntax: Syntax) -> Int? {
        if scanner.skip(letterInEitherCase: "Z") { return 0 }
        let sign: Int
        if scanner.skip("+") {
            sign = 1
        } else if scanner.skip("-") || (syntax == .lenient && scanner.skip("\u{2212}")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = scanner.number(digits: 2), hours < 24 else { return nil }
        if syntax == .lenient && scanner.isAtEnd { return sign * hours * 60 }
        guard scanner.skip(":") || syntax == .lenient,
              let minutes = scanner.number(digits: 2), minutes < 60
        else { return nil }
        return sign * (hours * 60 + minutes)
    }
}
