import Foundation

/// A date and a time of day as the moment they name, and back, by the same hand-made
/// calendar arithmetic as timestamps (no `Calendar`, no machine time zone).
public extension LocalDate {
    /// The moment `time` on this date at `offsetMinutes` from UTC (-300 for 09:00-05:00).
    func instant(at time: TimeOfDay, offsetMinutes: Int = 0) -> Date {
        let minutes = CivilCalendar.days(year: year, month: month, day: day) * 1_440 + time.minutesSinceMidnight - offsetMinutes
        return Date(timeIntervalSince1970: TimeInterval(minutes) * 60)
    }

    /// The UTC date and time of day (to the minute, rounded down) of `date`.
    static func utc(_ date: Date) -> (date: LocalDate, time: TimeOfDay) {
        let minutes = Int((date.timeIntervalSince1970 / 60).rounded(.down))
        let days = minutes >= 0 ? minutes / 1_440 : (minutes - 1_439) / 1_440
        let (year, month, day) = CivilCalendar.date(days: days)
        let minuteOfDay = minutes - days * 1_440
        return (LocalDate(year: year, month: month, day: day), TimeOfDay(hour: minuteOfDay / 60, minute: minuteOfDay % 60))
    }
}
