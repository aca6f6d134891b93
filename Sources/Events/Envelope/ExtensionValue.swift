/// The value of an extension attribute this module does not know by name.
public enum ExtensionValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
}
