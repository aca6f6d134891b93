import TerminalSafety
import Yams

/// Turns a Yams parse error into a one-line problem with a line and column. Yams' own
/// description spans several lines and repeats the file, which does not fit a status line.
enum YAMLSyntaxProblem {
    static func problem(for error: any Error) -> YAMLProblem {
        guard let yamlError = error as? YamlError else {
            return YAMLProblem(keyPath: "", message: "not valid YAML: \(firstLine(of: String(describing: error)))")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { $0.text + ": " } ?? ""
            return YAMLProblem(keyPath: location(mark), message: "not valid YAML: " + prefix + problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map(YAMLProblem.quoted).joined(separator: ", ")
            return YAMLProblem(keyPath: location(context.mark), message: "duplicate key \(names)")
        default:
            return YAMLProblem(keyPath: "", message: "not valid YAML: \(firstLine(of: yamlError.description))")
        }
    }

    private static func location(_ mark: Mark) -> String {
        "line \(mark.line), column \(mark.column)"
    }

    private static func firstLine(of text: String) -> String {
        TerminalText.escape(String(text.prefix { $0 != "\n" }))
    }
}
