/// A key as the console understands it, whatever terminal produced it.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter (`control("c")` is Ctrl-C).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// A mouse action, in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var action: Action
    public var row: Int
    public var column: Int

    public init(action: Action, row: Int, column: Int) {
        self.action = action
        self.row = row
        self.column = column
    }
}

/// Everything the terminal can tell the console.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}
