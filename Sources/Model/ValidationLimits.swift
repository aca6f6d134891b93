/// The limits the validation rules apply, kept in one place so forms can show them too.
///
/// Lengths are counted in user-perceived characters (grapheme clusters) of the NFC text.
public enum ValidationLimits {
    public static let name = 200
    public static let position = 200
    /// Descriptions and access or event details: the multi-line fields.
    public static let longText = 10_000
    public static let addressLine = 200
    public static let addressLineCount = 6
    public static let city = 100
    public static let postcode = 16
    public static let code = 64
    public static let costOption = 500
    public static let email = 254
    /// RFC 5321 limits the part before the `@` to 64 octets.
    public static let emailLocalPart = 64
    public static let webAddress = 2_048
    public static let phone = 32
    public static let phoneDigits = 7...15
    public static let phoneExtensionDigits = 1...6
    public static let socialPlatform = 64
    public static let age = 0...130
    public static let latitude = -90.0...90.0
    public static let longitude = -180.0...180.0
}
