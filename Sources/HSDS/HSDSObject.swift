import Events
import Foundation

/// One HSDS JSON object read field by field. Absent and `null` fields read as nil; a field of
/// the wrong type also reads as nil and leaves a problem naming it, so one pass over a record
/// gathers every reason to reject it instead of stopping at the first.
public struct HSDSObject: Sendable {
    public let members: [JSONMember]
    /// Where the object sits in its record, e.g. "schedules[1]", for problem messages.
    public let path: String

    public init?(_ value: JSONValue, path: String = "") {
        guard case .object(let members) = value else { return nil }
        self.members = members
        self.path = path
    }

    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    public func has(_ key: String) -> Bool {
        guard let value = self[key] else { return false }
        return value != .null
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A string with surrounding whitespace trimmed; empty reads as nil. CSV gives every value
    /// as text, so a number is accepted where a string is expected.
    public func string(_ key: String, _ problems: inout HSDSProblems) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let literal)?: return literal
        case let other?:
            problems.add(field(key), "must be a string, found \(other.typeName)")
            return nil
        }
    }

    /// A number, written as a JSON number or (from CSV) as text.
    public func number(_ key: String, _ problems: inout HSDSProblems) -> Decimal? {
        switch self[key] {
        case nil, .null?: return nil
        case .number(let literal)?: return Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX"))
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            if let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")), Double(trimmed) != nil { return value }
            problems.add(field(key), "must be a number, found \(HSDSProblems.quoted(trimmed))")
            return nil
        case let other?:
            problems.add(field(key), "must be a number, found \(other.typeName)")
            return nil
        }
    }

    /// A double read from the literal itself, so that it is the nearest one to what was written
    /// (through `Decimal` it may not be, and a round trip would drift).
    public func double(_ key: String, _ problems: inout HSDSProblems) -> Double? {
        let literal: String
        switch self[key] {
        case nil, .null?: return nil
        case .number(let text)?: literal = text
        case .string(let text)?:
            literal = text.trimmingCharacters(in: .whitespaces)
            if literal.isEmpty { return nil }
        case let other?:
            problems.add(field(key), "must be a number, found \(other.typeName)")
            return nil
        }
        guard let value = Double(literal), value.isFinite else {
            problems.add(field(key), "must be a number, found \(HSDSProblems.quoted(literal))")
            return nil
        }
        return value
    }

    /// A whole number (HSDS ages are JSON numbers; 12.0 is accepted, 12.5 is not).
    public func integer(_ key: String, _ problems: inout HSDSProblems) -> Int? {
        guard let value = number(key, &problems) else { return nil }
        var rounded = Decimal(), copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == value, abs(NSDecimalNumber(decimal: value).doubleValue) < 1e15 else {
            problems.add(field(key), "must be a whole number, found \(value)")
            return nil
        }
        return NSDecimalNumber(decimal: value).intValue
    }

    /// A UUID (every HSDS `id` and `*_id` is one).
    public func uuid(_ key: String, _ problems: inout HSDSProblems) -> UUID? {
        guard let text = string(key, &problems) else { return nil }
        guard let id = UUID(uuidString: text) else {
            problems.add(field(key), "is not a UUID: \(HSDSProblems.quoted(text))")
            return nil
        }
        return id
    }

    /// The objects of an array field; other elements are problems.
    public func objects(_ key: String, _ problems: inout HSDSProblems) -> [HSDSObject] {
        switch self[key] {
        case nil, .null?: return []
        case .array(let elements)?:
            var objects: [HSDSObject] = []
            for (index, element) in elements.enumerated() {
                let path = "\(field(key))[\(index)]"
                guard let object = HSDSObject(element, path: path) else {
                    problems.add(path, "must be an object, found \(element.typeName)")
                    continue
                }
                objects.append(object)
            }
            return objects
        case let other?:
            problems.add(field(key), "must be an array, found \(other.typeName)")
            return []
        }
    }

    public func object(_ key: String, _ problems: inout HSDSProblems) -> HSDSObject? {
        switch self[key] {
        case nil, .null?: return nil
        case let value?:
            guard let object = HSDSObject(value, path: field(key)) else {
                problems.add(field(key), "must be an object, found \(value.typeName)")
                return nil
            }
            return object
        }
    }
}

/// The reasons a record cannot be imported, as "field: message" lines.
public struct HSDSProblems: Sendable, Equatable {
    /// At most this many lines are kept: a hostile record can hold millions of problems.
    public static let maximumLines = 50
    public private(set) var lines: [String] = []
    private var seen: Set<String> = []
    private var dropped = 0

    public init() {}

    public var isEmpty: Bool { lines.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        let line = field.isEmpty ? message : "\(field): \(message)"
        // A part nested twice (a contact of the service and of its location) says it once.
        guard seen.insert(line).inserted else { return }
        if lines.count < Self.maximumLines {
            lines.append(line)
        } else {
            dropped += 1
            let more = "…and \(dropped) more problems"
            if lines.count == Self.maximumLines { lines.append(more) } else { lines[lines.count - 1] = more }
        }
    }

    public mutating func add(contentsOf other: HSDSProblems) {
        for line in other.lines { add("", line) }
    }

    /// A value from the input, shortened for a message (escaping for the terminal is the printer's job).
    static func quoted(_ text: String) -> String {
        text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
    }
}
