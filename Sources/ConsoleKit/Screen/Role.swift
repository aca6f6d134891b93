/// What a piece of the screen is for. Views paint roles, never colours: the theme decides how
/// each role looks, so a theme file can restyle everything and monochrome stays readable.
public enum Role: String, CaseIterable, Sendable, Hashable {
    /// Ordinary text on the main background.
    case body
    /// The top line: view name, breadcrumbs and key hints.
    case header
    case headerKey = "header_key"
    case breadcrumb
    /// A view's title line, with its count.
    case title
    case tableHeader = "table_header"
    case sortMarker = "sort_marker"
    /// The row or item under the cursor.
    case selection
    /// Rows that just arrived or just changed on the stream (fades after a few seconds).
    case rowNew = "row_new"
    case rowChanged = "row_changed"
    case border
    case statusBar = "status_bar"
    case statusGood = "status_good"
    case statusWarning = "status_warning"
    case statusError = "status_error"
    case readOnlyBadge = "readonly_badge"
    /// Quiet secondary text (timestamps, hints, placeholders).
    case dim
    case label
    case link
    case fieldFocus = "field_focus"
    case fieldError = "field_error"
    case diffAdded = "diff_added"
    case diffRemoved = "diff_removed"
    case sagaRunning = "saga_running"
    case sagaCompleted = "saga_completed"
    case sagaFailed = "saga_failed"
    case sagaStuck = "saga_stuck"
    /// Control characters shown escaped (`\u001b`): data that tried to be something else.
    case escaped
    case dialog
    case prompt
}
