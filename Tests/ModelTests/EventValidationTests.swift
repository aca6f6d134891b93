import Foundation
import Model
import Testing

struct EventValidationTests {
    static let start = Fixtures.created
    static let nineToFive = WeeklySchedule(
        days: [.monday, .friday], opensAt: TimeOfDay(hour: 9, minute: 0), closesAt: TimeOfDay(hour: 17, minute: 0))

    static func event(startsAt: Date? = nil, endsAt: Date? = nil, weekly: WeeklySchedule? = nil) -> ServiceEvent {
        ServiceEvent(details: "Drop-in", venueID: Fixtures.venueID, startsAt: startsAt, endsAt: endsAt, weekly: weekly)
    }

    static func weekly(_ change: (inout WeeklySchedule) -> Void) -> ServiceEvent {
        var schedule = nineToFive
        change(&schedule)
        return event(weekly: schedule)
    }

    @Test func eventNeedsDetailsAndVenue() {
        let event = ServiceEvent(details: " \n", startsAt: Self.start)
        #expect(event.validate() == [
            FieldError(field: "details", message: "is required"),
            FieldError(field: "venue_id", message: "is required"),
        ])
    }

    @Test("one-off events need a start and an end after it", arguments: [
        (start, nil, []),
        (start, start.addingTimeInterval(3600), []),
        (start, start, [FieldError(field: "ends_at", message: "must be after starts_at")]),
        (start, start.addingTimeInterval(-1), [FieldError(field: "ends_at", message: "must be after starts_at")]),
        (nil, start, [FieldError(field: "starts_at", message: "is required when ends_at is set")]),
        (nil, nil, [FieldError(field: "starts_at", message: "is required unless weekly is set")]),
    ] as [(Date?, Date?, [FieldError])])
    func oneOff(startsAt: Date?, endsAt: Date?, expected: [FieldError]) {
        #expect(Self.event(startsAt: startsAt, endsAt: endsAt).validate() == expected)
    }

    @Test func aWeeklyScheduleIsValidOnItsOwn() {
        #expect(Self.event(weekly: Self.nineToFive).validate() == [])
    }

    @Test func oneOffTimesAndAWeeklyScheduleAreExclusive() {
        #expect(Self.event(startsAt: Self.start, weekly: Self.nineToFive).validate()
            == [FieldError(field: "weekly", message: "must not be set together with starts_at or ends_at")])
        #expect(Self.event(endsAt: Self.start, weekly: Self.nineToFive).validate().fields == ["weekly"])
    }

    static let scheduleRules: [(@Sendable (inout WeeklySchedule) -> Void, String, String)] = [
        ({ $0.days = [] }, "weekly.days", "must have at least one day"),
        ({ $0.days = [.monday, .tuesday, .monday] }, "weekly.days[2]", "repeats monday"),
        ({ $0.opensAt = TimeOfDay(hour: 24, minute: 0) }, "weekly.opens_at", "must be between 00:00 and 23:59"),
        ({ $0.closesAt = TimeOfDay(hour: 17, minute: 60) }, "weekly.closes_at", "must be between 00:00 and 23:59"),
        ({ $0.closesAt = TimeOfDay(hour: 9, minute: 0) }, "weekly.closes_at", "must be after opens_at"),
        ({ $0.closesAt = TimeOfDay(hour: 8, minute: 59) }, "weekly.closes_at", "must be after opens_at"),
        ({ $0.validFrom = LocalDate(year: 2026, month: 2, day: 30) }, "weekly.valid_from", "is not a real date"),
        ({ $0.validTo = LocalDate(year: 2026, month: 13, day: 1) }, "weekly.valid_to", "is not a real date"),
        ({ $0.validFrom = LocalDate(year: 2026, month: 6, day: 2); $0.validTo = LocalDate(year: 2026, month: 6, day: 1) },
         "weekly.valid_to", "must not be before valid_from"),
    ]

    @Test("weekly schedules are checked field by field", arguments: scheduleRules)
    func weeklyRule(change: @Sendable (inout WeeklySchedule) -> Void, field: String, message: String) {
        #expect(Self.weekly(change).validate() == [FieldError(field: field, message: message)])
    }

    @Test func aScheduleValidForOneDayIsAccepted() {
        let event = Self.weekly {
            $0.validFrom = LocalDate(year: 2026, month: 6, day: 1)
            $0.validTo = LocalDate(year: 2026, month: 6, day: 1)
        }
        #expect(event.validate() == [])
    }

    @Test func displayNameIsTheFirstLineOfTheDetails() {
        #expect(ServiceEvent(details: "Drop-in\nBring ID").displayName == "Drop-in")
        let long = String(repeating: "x", count: 100)
        #expect(ServiceEvent(details: long).displayName.count == 80)
    }
}
