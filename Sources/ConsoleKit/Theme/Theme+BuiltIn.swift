/// The themes compiled into the binary, so the console always has one, even with no themes folder.
extension Theme {
    /// `themes/default-dark.yaml` in Swift: the theme when none is chosen or a chosen one fails
    /// to load. A test asserts it equals what the file loads to, so edit both together.
    public static let builtIn = Theme(name: "default-dark", styles: [
        .body: RoleStyle(),
        .header: RoleStyle(foreground: .named(.black), background: .named(.cyan), bold: true),
        .headerKey: RoleStyle(foreground: .named(.brightWhite), background: .named(.cyan), bold: true),
        .breadcrumb: RoleStyle(foreground: .named(.black), background: .rgb(0x87, 0xD7, 0xFF)),
        .title: RoleStyle(foreground: .named(.brightCyan), bold: true),
        .tableHeader: RoleStyle(foreground: .named(.brightWhite), bold: true, underline: true),
        .sortMarker: RoleStyle(foreground: .named(.brightYellow), bold: true),
        .selection: RoleStyle(foreground: .named(.black), background: .rgb(0x5F, 0xAF, 0xFF)),
        .rowNew: RoleStyle(foreground: .named(.brightGreen)),
        .rowChanged: RoleStyle(foreground: .named(.brightYellow)),
        .border: RoleStyle(foreground: .rgb(0x5F, 0x87, 0xAF)),
        .statusBar: RoleStyle(foreground: .named(.white), background: .rgb(0x30, 0x30, 0x30)),
        .statusGood: RoleStyle(foreground: .named(.brightGreen)),
        .statusWarning: RoleStyle(foreground: .named(.brightYellow)),
        .statusError: RoleStyle(foreground: .named(.brightRed), bold: true),
        .readOnlyBadge: RoleStyle(foreground: .named(.black), background: .named(.yellow), bold: true),
        .dim: RoleStyle(foreground: .named(.brightBlack)),
        .label: RoleStyle(foreground: .named(.cyan)),
        .link: RoleStyle(foreground: .named(.brightBlue), underline: true),
        .fieldFocus: RoleStyle(foreground: .named(.brightWhite), background: .rgb(0x44, 0x44, 0x44), underline: true),
        .fieldError: RoleStyle(foreground: .named(.brightRed), bold: true),
        .diffAdded: RoleStyle(foreground: .named(.green)),
        .diffRemoved: RoleStyle(foreground: .named(.red)),
        .sagaRunning: RoleStyle(foreground: .named(.brightCyan)),
        .sagaCompleted: RoleStyle(foreground: .named(.green)),
        .sagaFailed: RoleStyle(foreground: .named(.brightRed), bold: true),
        .sagaStuck: RoleStyle(foreground: .named(.brightMagenta), bold: true),
        .escaped: RoleStyle(foreground: .named(.black), background: .named(.brightMagenta)),
        .dialog: RoleStyle(foreground: .named(.brightWhite), background: .rgb(0x26, 0x26, 0x26)),
        .prompt: RoleStyle(foreground: .named(.brightYellow), bold: true),
    ])

    /// Every theme compiled in, found by name even when no theme files are installed.
    public static let builtInThemes: [Theme] = [.builtIn, .monochromeFallback]
}
