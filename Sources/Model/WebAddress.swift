/// Checks for the web addresses a directory links to: absolute `http` or `https` with a host.
enum WebAddress {
    /// Refuses other schemes (`javascript:`, `data:`, `ftp:`), a missing or malformed host, a bad
    /// port and any white space; the path, query and fragment may hold any other characters.
    static func isValid(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }) else { return false }
        let lowercased = text.lowercased()
        let afterScheme: Substring
        if lowercased.hasPrefix("https://") {
            afterScheme = text.dropFirst("https://".count)
        } else if lowercased.hasPrefix("http://") {
            afterScheme = text.dropFirst("http://".count)
        } else {
            return false
        }
        let authority = afterScheme.prefix { !"/?#".contains($0) }
        let userAndHost = authority.split(separator: "@", omittingEmptySubsequences: false)
        guard userAndHost.count <= 2, let hostAndPort = userAndHost.last else { return false }
        return isHostAndPort(hostAndPort)
    }

    private static func isHostAndPort(_ text: Substring) -> Bool {
        let host: Substring
        let port: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return false }
            guard HostName.isIPv6(text[text.index(after: text.startIndex)..<close]) else { return false }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            port = rest.isEmpty ? nil : rest.dropFirst()
            return port.map(isPort) ?? true
        }
        if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        } else {
            host = text
            port = nil
        }
        guard port.map(isPort) ?? true else { return false }
        return HostName.isIPv4(host) || HostName.isDomain(host)
    }

    private static func isPort(_ text: Substring) -> Bool {
        guard (1...5).contains(text.count), text.allSatisfy({ $0.asciiDigit != nil }),
              let value = Int(text)
        else { return false }
        return value <= 65_535
    }
}
