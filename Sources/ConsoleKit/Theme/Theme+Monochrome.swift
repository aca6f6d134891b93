/// The attributes-only theme, compiled in for terminals without colour.
extension Theme {
    /// `themes/monochrome.yaml` in Swift: terminal colours only, roles told apart by bold,
    /// underline, reverse and dim. `adapted(to: .none)` switches to it; a test keeps it equal
    /// to the file.
    public static let monochromeFallback = Theme(name: "monochrome", styles: [
        .body: RoleStyle(),
        .header: RoleStyle(bold: true, reverse: true),
        .headerKey: RoleStyle(bold: true, underline: true, reverse: true),
        .breadcrumb: RoleStyle(reverse: true),
        .title: RoleStyle(bold: true),
        .tableHeader: RoleStyle(bold: true, underline: true),
        .sortMarker: RoleStyle(bold: true),
        .selection: RoleStyle(reverse: true),
        .rowNew: RoleStyle(bold: true),
        .rowChanged: RoleStyle(underline: true),
        .border: RoleStyle(dim: true),
        .statusBar: RoleStyle(reverse: true),
        .statusGood: RoleStyle(),
        .statusWarning: RoleStyle(bold: true),
        .statusError: RoleStyle(bold: true, reverse: true),
        .readOnlyBadge: RoleStyle(bold: true, reverse: true),
        .dim: RoleStyle(dim: true),
        .label: RoleStyle(bold: true),
        .link: RoleStyle(underline: true),
        .fieldFocus: RoleStyle(bold: true, underline: true),
        .fieldError: RoleStyle(bold: true, reverse: true),
        .diffAdded: RoleStyle(bold: true),
        .diffRemoved: RoleStyle(dim: true),
        .sagaRunning: RoleStyle(bold: true),
        .sagaCompleted: RoleStyle(),
        .sagaFailed: RoleStyle(bold: true, reverse: true),
        .sagaStuck: RoleStyle(bold: true, underline: true),
        .escaped: RoleStyle(reverse: true),
        .dialog: RoleStyle(),
        .prompt: RoleStyle(bold: true),
    ])
}
