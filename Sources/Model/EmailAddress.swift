/// A pragmatic e-mail address check: what people actually type, not the whole of RFC 5322.
enum EmailAddress {
    /// One `@`; a local part without spaces, brackets or stray dots; a domain with a dot and valid labels.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        guard !local.isEmpty, local.utf8.count <= ValidationLimits.emailLocalPart,
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              local.unicodeScalars.allSatisfy(isAllowedInLocalPart)
        else { return false }
        return HostName.isDomain(parts[1])
    }

    /// Quoted local parts and comments are legal but never typed on purpose; refusing their
    /// punctuation catches pasted "Name <a@b.org>" forms and typos such as "a,b@c.org".
    private static func isAllowedInLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isWhitespace
            && scalar.properties.generalCategory != .control
            && !"\"(),:;<>[\\]".unicodeScalars.contains(scalar)
    }
}
