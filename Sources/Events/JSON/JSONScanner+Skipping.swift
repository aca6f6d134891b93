/// Skipping a value: checks it fully without building anything, and without recursion, so
/// a million open brackets cost one error, not a stack overflow.
extension JSONScanner {
    /// Consumes one complete value (leading whitespace allowed) and checks its grammar.
    mutating func skipValue() throws(JSONError) {
        var containers = ContainerStack()
        while true {
            // Here a value must start.
            skipWhitespace()
            guard let byte = current else { throw error("expected a value") }
            var openedContainer = false
            switch byte {
            case ASCII.openBrace, ASCII.openBracket:
                let isObject = byte == ASCII.openBrace
                guard containers.depth < maximumDepth else {
                    throw error("nesting deeper than \(maximumDepth) levels", kind: .tooDeep)
                }
                position += 1
                skipWhitespace()
                if current == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
                    position += 1
                } else {
                    containers.push(isObject: isObject)
                    if isObject { try scanKeyAndColon() }
                    openedContainer = true
                }
            case ASCII.quote:
                _ = try scanStringToken()
            case ASCII.minus, ASCII.zero...ASCII.nine:
                _ = try scanNumber()
            default:
                _ = try scanLiteral()
            }
            if openedContainer { continue }
            // A value just ended: close every container that ends with it.
            guard try closeContainers(&containers) else { return }
        }
    }

    /// After a value: consumes separators and closing brackets. Returns true when another
    /// value must follow, false when the outermost value is complete.
    private mutating func closeContainers(_ containers: inout ContainerStack) throws(JSONError) -> Bool {
        while containers.depth > 0 {
            skipWhitespace()
            let inObject = containers.topIsObject
            switch current {
            case ASCII.comma:
                position += 1
                if inObject {
                    skipWhitespace()
                    try scanKeyAndColon()
                }
                return true
            case ASCII.closeBrace where inObject, ASCII.closeBracket where !inObject:
                position += 1
                containers.pop()
            default:
                throw error(inObject ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element")
            }
        }
        return false
    }

    /// Consumes `"key" :` inside an object.
    mutating func scanKeyAndColon() throws(JSONError) {
        guard current == ASCII.quote else { throw error("expected '\"' to start an object key") }
        _ = try scanStringToken()
        skipWhitespace()
        try expect(ASCII.colon, "after object key")
    }
}

/// Which kind of container is open at each level, one bit per level: the first 64 levels
/// live in a machine word, so the common case never allocates.
struct ContainerStack {
    private var inline: UInt64 = 0
    private var overflow: [Bool] = []
    private(set) var depth = 0

    mutating func push(isObject: Bool) {
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            inline = isObject ? inline | bit : inline & ~bit
        } else {
            overflow.append(isObject)
        }
        depth += 1
    }

    mutating func pop() {
        depth -= 1
        if depth >= 64 { overflow.removeLast() }
    }

    var topIsObject: Bool {
        let level = depth - 1
        if level >= 64 { return overflow[level - 64] }
        return inline & (1 << UInt64(level)) != 0
    }
}
