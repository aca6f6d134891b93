/// A wall-clock time to the minute (opening or closing time), JSON `"HH:MM"`.
public struct TimeOfDay: Codable, Comparable, Hashable, Sendable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// Stores the parts as given; `isValid` says whether they lie within 00:00–23:59.
    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (or `H:MM`) within 00:00–23:59.
    public init?(_ text: String) {
        let parsed = DigitScanner.scan(text) { scanner -> TimeOfDay? in
            let hour = scanner.digitRun(valueOfFirst: 2)
            guard (1...2).contains(hour.count), scanner.skip(":"),
                  let minute = scanner.number(digits: 2), scanner.isAtEnd
            else { return nil }
            return TimeOfDay(hour: hour.value, minute: minute)
        }
        guard let parsed, parsed.isValid else { return nil }
        self = parsed
    }

    public var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) }

    /// Minutes since midnight, for comparing and for durations.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public var description: String {
        "\(CivilCalendar.padded(hour, width: 2)):\(CivilCalendar.padded(minute, width: 2))"
    }

    public static func < (left: TimeOfDay, right: TimeOfDay) -> Bool {
        left.minutesSinceMidnight < right.minutesSinceMidnight
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = TimeOfDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a time between 00:00 and 23:59 in the form HH:MM")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
