/// The format of United Kingdom postcodes (Royal Mail's rules), checked for venues in "GB".
enum UKPostcode {
    /// Case-insensitive, with the single space between outward and inward code optional:
    /// `SW1A 1AA`, `sw1a1aa`, `M1 1AE`, `GIR 0AA`.
    static func isValid(_ text: String) -> Bool {
        // Outward code: area letter (not Q, V, X), then digit(s), or a second letter (not I, J, Z)
        // and digit(s), or a digit and a letter; inward code: a digit and two letters that are
        // not C, I, K, M, O or V. GIR 0AA is Girobank's historic exception.
        let pattern = #/GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?|[0-9][A-HJKPS-UW]) ?[0-9][ABD-HJLNP-UW-Z]{2}/#
        return text.uppercased().wholeMatch(of: pattern) != nil
    }
}
