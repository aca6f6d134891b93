import TerminalSafety
import EventLog
import Events
import Foundation
import Model

/// Reads `--from`: `beginning`, `end`, an offset, an RFC 3339 time, `today`, or a span back from
/// now such as `15m`, `2h`, `3d`, `90s`.
public enum StartPointParser {
    public static func parse(_ text: String, now: Date = Date(), calendar: Calendar = .current) throws -> StartPoint {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "beginning", "earliest", "oldest", "start": return .beginning
        case "end", "latest", "newest": return .end
        case "today": return .time(calendar.startOfDay(for: now))
        default: break
        }
        if let offset = Int64(trimmed), offset >= 0 { return .offset(offset) }
        if let span = relativeSpan(trimmed) { return .time(now.addingTimeInterval(-span)) }
        if let date = Timestamp.date(from: text.trimmingCharacters(in: .whitespaces), syntax: .lenient) { return .time(date) }
        throw StartPointError(text: text)
    }

    private static func relativeSpan(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let amount = Double(text.dropLast()), amount >= 0, amount.isFinite else { return nil }
        switch unit {
        case "s": return amount
        case "m": return amount * 60
        case "h": return amount * 3_600
        case "d": return amount * 86_400
        default: return nil
        }
    }
}

public struct StartPointError: Error, CustomStringConvertible {
    public let text: String

    public init(text: String) { self.text = text }

    public var description: String {
        "cannot read start point \(String(decoding: TerminalSafeJSON.sanitize(Array(text.debugDescription.utf8)), as: UTF8.self)): use beginning, end, an offset (e.g. 1200), an RFC 3339 time (e.g. 2026-11-27T09:00:00Z), today, or a span back from now (15m, 2h, 3d)"
    }
}
