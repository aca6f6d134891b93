/// One terminal cell: a grapheme cluster and the role it is painted in. A wide character
/// takes its cell and a `continuation` cell after it, so columns stay aligned.
public struct Cell: Sendable, Equatable {
    /// The grapheme shown here; empty for the second half of a wide character.
    public var text: String
    /// 1 for most characters, 2 for wide ones, 0 for a continuation.
    public var width: UInt8
    public var role: Role

    public init(text: String, width: UInt8, role: Role) {
        self.text = text
        self.width = width
        self.role = role
    }

    public static func blank(_ role: Role) -> Cell { Cell(text: " ", width: 1, role: role) }

    public var isContinuation: Bool { width == 0 }
}
