import Foundation
import Model
import Testing

struct CalendarValueTests {
    @Test("real dates parse", arguments: ["2026-01-01", "2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01"])
    func parsesRealDate(text: String) throws {
        let date = try #require(LocalDate(text))
        #expect(date.isValid)
        #expect(date.description == text)
    }

    @Test("impossible or malformed dates are refused", arguments: [
        "2026-02-30", "2023-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-1-1", "26-01-01", "2026/01/01", "2026-01-01T00:00:00Z", "0000-01-01", "",
    ])
    func refusesImpossibleDate(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func datesCompareChronologically() throws {
        let earlier = try #require(LocalDate("2025-12-31"))
        let later = try #require(LocalDate("2026-01-01"))
        #expect(earlier < later)
        #expect(!(later < earlier))
    }

    @Test("times within 00:00–23:59 parse", arguments: [("09:00", 9, 0), ("9:05", 9, 5), ("00:00", 0, 0), ("23:59", 23, 59)])
    func parsesTime(text: String, hour: Int, minute: Int) throws {
        let time = try #require(TimeOfDay(text))
        #expect(time.hour == hour && time.minute == minute)
        #expect(time.description == String(format: "%02d:%02d", hour, minute))
    }

    @Test("times outside 00:00–23:59 or malformed are refused", arguments: [
        "24:00", "12:60", "9", "09:0", "-1:00", "09:00:00", "0900", "", "１０:００", "100:00",
    ])
    func refusesTime(text: String) {
        #expect(TimeOfDay(text) == nil)
    }

    @Test func constructedTimesAndDatesReportValidity() {
        #expect(!TimeOfDay(hour: 24, minute: 0).isValid)
        #expect(!TimeOfDay(hour: 10, minute: -1).isValid)
        #expect(TimeOfDay(hour: 23, minute: 59).isValid)
        #expect(!LocalDate(year: 2026, month: 2, day: 30).isValid)
        #expect(LocalDate(year: 2028, month: 2, day: 29).isValid)
    }

    @Test func weeklyScheduleJSONMatchesTheContract() throws {
        let schedule = WeeklySchedule(
            days: [.monday], opensAt: TimeOfDay(hour: 9, minute: 0), closesAt: TimeOfDay(hour: 17, minute: 0),
            validFrom: LocalDate(year: 2026, month: 1, day: 1), validTo: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(schedule), as: UTF8.self)
        #expect(json == #"{"closes_at":"17:00","days":["monday"],"opens_at":"09:00","valid_from":"2026-01-01","valid_to":null}"#)
        #expect(try JSONDecoder().decode(WeeklySchedule.self, from: Data(json.utf8)) == schedule)
    }

    @Test("schedules with a bad day, time or date do not decode", arguments: [
        #"{"days":["funday"],"opens_at":"09:00","closes_at":"17:00"}"#,
        #"{"days":["Monday"],"opens_at":"09:00","closes_at":"17:00"}"#,
        #"{"days":["monday"],"opens_at":"25:00","closes_at":"17:00"}"#,
        #"{"days":["monday"],"opens_at":"09:00"}"#,
        #"{"days":["monday"],"opens_at":"09:00","closes_at":"17:00","valid_from":"2026-02-30"}"#,
        #"{"days":["monday"],"opens_at":900,"closes_at":"17:00"}"#,
    ])
    func refusesBadSchedule(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WeeklySchedule.self, from: Data(json.utf8)) }
    }

    @Test func weekdaysAreNumberedFromMonday() {
        #expect(Weekday.allCases.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(Weekday.allCases.map(\.rawValue)
            == ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        #expect(Weekday.sunday > Weekday.monday)
    }
}
