/// A pragmatic phone number check that accepts the ways numbers are written in listings.
enum PhoneNumber {
    /// Digits, spaces, `( ) - .`, a leading `+`, and an optional extension (`ext 123`, `ext. 123`,
    /// `x123`). The number itself must have 7–15 digits (15 is the E.164 maximum); the
    /// extension's digits are not counted.
    static func isValid(_ text: String) -> Bool {
        let pattern = #/(\+?[0-9 ().\-]+?)\s*(?:(?:extension|ext\.?|x)\s*([0-9]+))?/#
        guard let match = text.lowercased().wholeMatch(of: pattern) else { return false }
        let number = match.output.1
        let digitCount = number.filter { $0.asciiDigit != nil }.count
        guard ValidationLimits.phoneDigits.contains(digitCount) else { return false }
        if let digits = match.output.2, !ValidationLimits.phoneExtensionDigits.contains(digits.count) {
            return false
        }
        return hasBalancedParentheses(number)
    }

    /// "(020) 7946" is fine; "020) 7946" and "((020" are typos.
    private static func hasBalancedParentheses(_ text: Substring) -> Bool {
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            guard (0...1).contains(depth) else { return false }
        }
        return depth == 0
    }
}
