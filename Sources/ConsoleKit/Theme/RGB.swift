/// A 24-bit colour, used to find the nearest colour a terminal can show.
public struct RGB: Sendable, Equatable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Squared distance in RGB space: plain, but stable and good enough to pick among a
    /// palette's entries (no square root needed to compare).
    public func distanceSquared(to other: RGB) -> Int {
        let red = Int(self.red) - Int(other.red)
        let green = Int(self.green) - Int(other.green)
        let blue = Int(self.blue) - Int(other.blue)
        return red * red + green * green + blue * blue
    }

    /// `0xRRGGBB`: the colour number a direct-colour terminfo (`xterm-direct`) expects.
    public var packed: Int { Int(red) << 16 | Int(green) << 8 | Int(blue) }

    /// `#rrggbb`, lower case.
    public var hexText: String {
        "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Reads `#rrggbb` (either case); nil for anything else.
    public init?(hexText text: String) {
        guard text.hasPrefix("#") else { return nil }
        let digits = text.dropFirst()
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }), let value = Int(digits, radix: 16) else { return nil }
        self.init(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
