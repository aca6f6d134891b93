/// A calendar date with no time or zone (a schedule's first or last day), JSON `"YYYY-MM-DD"`.
public struct LocalDate: Codable, Comparable, Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Stores the parts as given; `isValid` says whether they name a real day.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist such as 2026-02-30.
    public init?(_ text: String) {
        let parsed = DigitScanner.scan(text) { scanner -> LocalDate? in
            guard let year = scanner.number(digits: 4), scanner.skip("-"),
                  let month = scanner.number(digits: 2), scanner.skip("-"),
                  let day = scanner.number(digits: 2), scanner.isAtEnd
            else { return nil }
            return LocalDate(year: year, month: month, day: day)
        }
        guard let parsed, parsed.isValid else { return nil }
        self = parsed
    }

    /// Whether this is a real day between the years 1 and 9999.
    public var isValid: Bool { CivilCalendar.isValidDate(year: year, month: month, day: day) }

    public var description: String {
        "\(CivilCalendar.padded(year, width: 4))-\(CivilCalendar.padded(month, width: 2))-\(CivilCalendar.padded(day, width: 2))"
    }

    public static func < (left: LocalDate, right: LocalDate) -> Bool {
        (left.year, left.month, left.day) < (right.year, right.month, right.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a real date in the form YYYY-MM-DD")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
