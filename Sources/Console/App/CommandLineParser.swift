import Model

/// The `:` command line: view names with k9s-style aliases, `:theme NAME`, `:review DAYS`, `:q`.
enum ConsoleCommand: Equatable {
    case listing(EntityKind)
    case tail, sagas, deadLetters, help, quit, register
    case review(days: Int?)
    case theme(String)
}

enum CommandLineParser {
    /// Canonical name first, then aliases.
    static let names: [(command: ConsoleCommand, names: [String])] = [
        (.listing(.provider), ["providers", "provider", "prov", "org", "organizations"]),
        (.listing(.service), ["services", "service", "svc"]),
        (.listing(.venue), ["venues", "venue", "ven", "locations", "loc"]),
        (.listing(.contact), ["contacts", "contact", "con"]),
        (.listing(.event), ["events", "event", "ev", "schedules"]),
        (.listing(.costoption), ["costoptions", "costoption", "cost", "co"]),
        (.listing(.eligibility), ["eligibilities", "eligibility", "elig"]),
        (.listing(.taxonomy), ["taxonomy", "tax", "types", "terms"]),
        (.tail, ["tail", "log", "stream"]),
        (.sagas, ["sagas", "saga"]),
        (.deadLetters, ["deadletters", "deadletter", "dl", "dead"]),
        (.register, ["register", "reg"]),
        (.help, ["help"]),
        (.quit, ["quit", "q", "q!", "exit"]),
    ]

    static let help: [String] = [
        ":providers :services :venues :contacts :events :costoptions :eligibilities :taxonomy",
        "  (aliases :prov :svc :loc :con :ev :co :elig :tax)",
        ":tail   :sagas   :deadletters (:dl)   :review [DAYS]   :register",
        ":theme NAME   :help   :q",
    ]

    static func parse(_ text: String) -> Result<ConsoleCommand, ParseError> {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return .failure(ParseError(message: "type a view name, e.g. :services")) }
        let argument = words.dropFirst().joined(separator: " ")
        switch first {
        case "theme", "skin":
            guard !argument.isEmpty else { return .failure(ParseError(message: ":theme needs a name")) }
            return .success(.theme(argument))
        case "review", "rev":
            guard !argument.isEmpty else { return .success(.review(days: nil)) }
            guard let days = Int(argument), (1...3_650).contains(days) else {
                return .failure(ParseError(message: ":review takes a number of days from 1 to 3650"))
            }
            return .success(.review(days: days))
        default:
            guard let match = names.first(where: { $0.names.contains(first) }) else {
                return .failure(ParseError(message: "unknown command \"\(text)\" — :help lists them"))
            }
            return .success(match.command)
        }
    }

    /// Completions for what is typed so far (view names and aliases, or theme names after `theme `).
    static func completions(_ text: String, themes: [String]) -> [String] {
        let lower = text.lowercased()
        if lower.hasPrefix("theme ") {
            let partial = String(lower.dropFirst(6))
            return themes.filter { $0.lowercased().hasPrefix(partial) }.map { "theme " + $0 }
        }
        let all = names.flatMap(\.names) + ["theme", "review"]
        return all.filter { $0.hasPrefix(lower) }
    }

    struct ParseError: Error {
        var message: String
    }
}
