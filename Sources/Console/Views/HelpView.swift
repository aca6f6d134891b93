import ConsoleKit

/// `?`: every key of the view underneath, straight from the keymap (so changed bindings show).
enum HelpView {
    static func make(for view: any ConsoleView, keymap: Keymap, readOnly: Bool) -> TextView {
        let offered = readOnly ? view.actions.filter { !$0.changesData } : view.actions
        let global: [ConsoleAction] = [.command, .help, .back, .quit]
        return TextView(crumb: "help", title: { _ in "keys — \(view.crumb)" }, content: { _ in
            var lines: [TextView.Line] = [TextView.Line(text: "this view", role: .label)]
            for action in offered { lines.append(line(action, keymap)) }
            for typing in view.typingKeys {
                let padded = typing.keys + String(repeating: " ", count: max(1, 16 - TerminalWidth.of(typing.keys)))
                lines.append(TextView.Line(text: "  " + padded + typing.summary))
            }
            lines.append(TextView.Line(text: ""))
            lines.append(TextView.Line(text: "everywhere", role: .label))
            for action in global { lines.append(line(action, keymap)) }
            lines.append(TextView.Line(text: ""))
            lines.append(TextView.Line(text: "commands", role: .label))
            for command in CommandLineParser.help { lines.append(TextView.Line(text: "  " + command)) }
            if readOnly { lines.append(TextView.Line(text: "read-only: actions that change data are turned off", role: .readOnlyBadge)) }
            return lines
        })
    }

    private static func line(_ action: ConsoleAction, _ keymap: Keymap) -> TextView.Line {
        let keys = keymap.label(for: action)
        let padded = keys + String(repeating: " ", count: max(1, 16 - TerminalWidth.of(keys)))
        return TextView.Line(text: "  " + padded + action.summary)
    }
}
