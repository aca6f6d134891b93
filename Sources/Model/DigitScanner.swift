/// A tiny cursor over ASCII text for the fixed-layout formats (timestamps, dates, times).
struct DigitScanner {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { position == characters.count }

    /// Consumes one of `options` if it is next.
    mutating func skip(_ options: Character...) -> Bool {
        guard position < characters.count, options.contains(characters[position]) else { return false }
        position += 1
        return true
    }

    /// Consumes exactly `digits` ASCII digits.
    mutating func number(digits: Int) -> Int? {
        guard position + digits <= characters.count else { return nil }
        var value = 0
        for character in characters[position..<position + digits] {
            guard let digit = character.asciiDigit else { return nil }
            value = value * 10 + digit
        }
        position += digits
        return value
    }

    /// Consumes as many ASCII digits as follow.
    mutating func digitRun() -> String {
        var run = ""
        while position < characters.count, characters[position].asciiDigit != nil {
            run.append(characters[position])
            position += 1
        }
        return run
    }

    /// Consumes `Z`, `±HH:MM`, `±HHMM` or `±HH` and returns the offset east of UTC in minutes.
    mutating func offsetMinutes() -> Int? {
        if skip("Z", "z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-", "\u{2212}") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours < 24 else { return nil }
        if isAtEnd { return sign * hours * 60 }
        _ = skip(":")
        guard let minutes = number(digits: 2), minutes < 60 else { return nil }
        return sign * (hours * 60 + minutes)
    }
}

extension Character {
    /// 0–9 for the ASCII digits only; `Character.wholeNumberValue` would also accept "٣" or "³".
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}
