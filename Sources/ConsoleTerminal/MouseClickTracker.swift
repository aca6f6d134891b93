import CNCurses
import ConsoleKit

/// Turns curses' raw button reports into clicks, double clicks and wheel steps.
///
/// curses can tell clicks from presses itself, but only by waiting `mouseinterval` after each
/// press for a release and maybe a second click, which delays every click. The console sets the
/// interval to 0, so a press is a click at once, and a second press on the same cell soon after
/// is a double click.
struct MouseClickTracker {
    static let doubleClickInterval = Duration.milliseconds(400)

    private var lastPress: (row: Int, column: Int, time: ContinuousClock.Instant)?

    /// The event for one report from `getmouse`, or nil for releases and buttons the console ignores.
    mutating func event(buttons: mmask_t, row: Int, column: Int, at time: ContinuousClock.Instant) -> MouseEvent? {
        if buttons & cn_button4_pressed() != 0 { return MouseEvent(action: .wheelUp, row: row, column: column) }
        if buttons & cn_button5_pressed() != 0 { return MouseEvent(action: .wheelDown, row: row, column: column) }
        if buttons & cn_button1_double_clicked() != 0 {
            lastPress = nil
            return MouseEvent(action: .doubleClick, row: row, column: column)
        }
        guard buttons & (cn_button1_pressed() | cn_button1_clicked()) != 0 else { return nil }
        if let last = lastPress, last.row == row, last.column == column, time - last.time <= Self.doubleClickInterval {
            lastPress = nil  // a third press starts over: click, double click, click, …
            return MouseEvent(action: .doubleClick, row: row, column: column)
        }
        lastPress = (row, column, time)
        return MouseEvent(action: .click, row: row, column: column)
    }
}
