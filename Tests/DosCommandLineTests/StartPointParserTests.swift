import DosCommandLine
import EventLog
import Foundation
import Testing

@Suite struct StartPointParserTests {
    let now = Date(timeIntervalSince1970: 1_795_771_788)  // 2026-11-27T...Z

    @Test(arguments: [
        ("beginning", StartPoint.beginning), ("earliest", .beginning), ("END", .end), ("latest", .end),
        ("0", .offset(0)), ("1200", .offset(1_200)), (" 7 ", .offset(7)),
    ])
    func readsWordsAndOffsets(text: String, expected: StartPoint) throws {
        #expect(try StartPointParser.parse(text, now: now) == expected)
    }

    @Test(arguments: [("30s", 30.0), ("15m", 900.0), ("2h", 7_200.0), ("3d", 259_200.0), ("1.5h", 5_400.0)])
    func readsSpansBackFromNow(text: String, seconds: Double) throws {
        #expect(try StartPointParser.parse(text, now: now) == .time(now.addingTimeInterval(-seconds)))
    }

    @Test func readsRFC3339TimesWithAndWithoutFractions() throws {
        #expect(try StartPointParser.parse("2026-11-27T09:00:00Z", now: now) == .time(Date(timeIntervalSince1970: 1_795_770_000)))
        #expect(try StartPointParser.parse("2026-11-27T10:00:00.250+01:00", now: now) == .time(Date(timeIntervalSince1970: 1_795_770_000.25)))
    }

    @Test func todayIsLocalMidnight() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/London"))
        #expect(try StartPointParser.parse("today", now: now, calendar: calendar) == .time(calendar.startOfDay(for: now)))
    }

    @Test(arguments: ["", "yesterday", "-5", "15x", "2026-13-01T00:00:00Z", "12:00", "\u{1b}[2J"])
    func rejectsAnythingElseWithAHelpfulMessage(text: String) {
        #expect(throws: StartPointError.self) { try StartPointParser.parse(text, now: now) }
        let message = StartPointError(text: text).description
        #expect(message.contains("beginning, end, an offset"))
        #expect(!message.contains("\u{1b}"), "the message must not carry raw escape characters")
    }
}
