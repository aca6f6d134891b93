/// A day of the week in a weekly schedule, Monday first as in ISO 8601.
public enum Weekday: String, Codable, CaseIterable, Comparable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 1 for Monday to 7 for Sunday (ISO 8601).
    public var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    public static func < (left: Weekday, right: Weekday) -> Bool { left.number < right.number }
}
