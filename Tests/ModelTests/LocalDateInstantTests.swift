import Foundation
import Testing
@testable import Model

@Suite struct LocalDateInstantTests {
    @Test func aDateAndTimeAreTheMomentTheyNameAndBack() {
        let date = LocalDate(year: 2026, month: 3, day: 2)
        #expect(date.instant(at: TimeOfDay(hour: 9, minute: 0)) == Date(timeIntervalSince1970: 1_772_442_000))
        // 09:00 at UTC-5 is 14:00 UTC.
        #expect(date.instant(at: TimeOfDay(hour: 9, minute: 0), offsetMinutes: -300) == Date(timeIntervalSince1970: 1_772_460_000))
        let back = LocalDate.utc(Date(timeIntervalSince1970: 1_772_460_000))
        #expect(back.date == date && back.time == TimeOfDay(hour: 14, minute: 0))
    }

    @Test func beforeNineteenSeventyAndAcrossMidnight() {
        let moment = LocalDate(year: 1969, month: 12, day: 31).instant(at: TimeOfDay(hour: 23, minute: 59))
        #expect(moment == Date(timeIntervalSince1970: -60))
        let back = LocalDate.utc(Date(timeIntervalSince1970: -30))
        #expect(back.date == LocalDate(year: 1969, month: 12, day: 31) && back.time == TimeOfDay(hour: 23, minute: 59))
        // An offset that moves the moment into the next day.
        let late = LocalDate(year: 2024, month: 2, day: 29).instant(at: TimeOfDay(hour: 23, minute: 30), offsetMinutes: -60)
        #expect(LocalDate.utc(late).date == LocalDate(year: 2024, month: 3, day: 1))
    }
}
