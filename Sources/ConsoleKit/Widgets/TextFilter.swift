#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `/` filter of listings and tails: a substring by default, `-f ` fuzzy (the letters in
/// order), `!` inverse — as k9s users expect. Matching ignores case.
public struct TextFilter: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case substring, fuzzy, inverse }

    public let mode: Mode
    /// Lower-cased needle, as UTF-8.
    public let needle: [UInt8]
    public let source: String

    public init(_ text: String) {
        source = text
        var body = Substring(text)
        if body.hasPrefix("-f ") {
            mode = .fuzzy
            body = body.dropFirst(3)
        } else if body.hasPrefix("!") {
            mode = .inverse
            body = body.dropFirst()
        } else {
            mode = .substring
        }
        needle = Array(body.lowercased().utf8)
    }

    public var isEmpty: Bool { needle.isEmpty }

    /// Which bytes the needle holds, folded into 64 bits (`mask(of:)`): a row whose own mask
    /// lacks one of them cannot match, which rules out most rows without reading their text.
    public var needleMask: UInt64 { Self.mask(of: needle) }

    public static func mask(of bytes: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        for byte in bytes { mask |= 1 << UInt64(byte & 63) }
        return mask
    }

    /// Which adjacent byte pairs the text holds, folded into 64 bits: a second sieve, for
    /// needles of two bytes or more (a row holding every letter rarely holds every pair).
    public static func pairMask(of bytes: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        var previous: UInt8?
        for byte in bytes {
            if let previous { mask |= 1 << UInt64((UInt32(previous) &* 31 &+ UInt32(byte)) & 63) }
            previous = byte
        }
        return mask
    }

    /// The needle's pair mask (`pairMask(of:)`); 0 for fuzzy filters, whose letters need not be adjacent.
    public var needlePairMask: UInt64 { mode == .fuzzy ? 0 : Self.pairMask(of: needle) }

    /// `matches(haystack)` for a haystack whose `mask(of:)` is known (`needleMask` given, so
    /// a caller testing many rows computes it once).
    public func matches(_ haystack: [UInt8], mask: UInt64, needleMask: UInt64, pairMask: UInt64 = ~0, needlePairMask: UInt64 = 0) -> Bool {
        if needle.isEmpty { return true }
        let mayContain = mask & needleMask == needleMask && pairMask & needlePairMask == needlePairMask
        switch mode {
        case .substring, .fuzzy: return mayContain && matches(haystack)
        case .inverse: return !mayContain || matches(haystack)
        }
    }

    /// Whether a haystack (already lower-cased UTF-8) passes.
    public func matches(_ haystack: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        switch mode {
        case .substring: return Self.contains(haystack, needle)
        case .inverse: return !Self.contains(haystack, needle)
        case .fuzzy:
            var index = 0
            for byte in haystack where byte == needle[index] {
                index += 1
                if index == needle.count { return true }
            }
            return false
        }
    }

    public func matches(_ text: String) -> Bool { matches(Array(text.lowercased().utf8)) }

    /// Whether every row passing `self` also passed `other` (typing more narrows the rows),
    /// so the previous result can be filtered instead of every row.
    public func narrows(_ other: TextFilter) -> Bool {
        guard mode == other.mode, mode != .inverse else { return false }
        switch mode {
        case .substring: return Self.contains(needle, other.needle)
        case .fuzzy: return needle.starts(with: other.needle)
        case .inverse: return false
        }
    }

    /// `memchr` finds each candidate first byte (vectorised), `memcmp` checks the rest:
    /// filtering 100,000 rows per keystroke is this loop.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard count > 0 else { return true }
        guard haystack.count >= count else { return false }
        if count == 1 {
            // One letter (the first one typed): memchr alone.
            return haystack.withUnsafeBytes { hay in
                guard let start = hay.baseAddress else { return false }
                return memchr(start, Int32(needle[0]), hay.count) != nil
            }
        }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                let first = Int32(needle[0])
                let last = hayStart + (hay.count - count)
                var cursor = hayStart
                let second = needle[1]
                while cursor <= last {
                    guard let found = memchr(cursor, first, last - cursor + 1) else { return false }
                    // The second byte first: most candidates fail there, without a call.
                    if found.load(fromByteOffset: 1, as: UInt8.self) == second, memcmp(found, pinStart, count) == 0 { return true }
                    cursor = UnsafeRawPointer(found) + 1
                }
                return false
            }
        }
    }
}
