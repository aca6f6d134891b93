/// A CSV table (RFC 4180): a header row, then rows of text. Quoted fields may hold commas,
/// quotes (doubled) and line breaks; a row shorter than the header reads as empty cells.
public struct CSVTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses UTF-8 text (a byte-order mark is skipped).
    public init(parsing text: String) throws(ParseError) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return characters.next()
        }
        var first = true
        while let scalar = next() {
            if first {
                first = false
                if scalar == "\u{FEFF}" { continue }
            }
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\r":
                continue
            case "\n":
                record.append(field); field = ""; afterQuote = false
                records.append(record); record = []
                line += 1
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            default:
                if afterQuote { throw ParseError(description: "line \(line): text after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw ParseError(description: "line \(line): a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        records.removeAll { $0 == [""] }
        guard let header = records.first else { throw ParseError(description: "the table has no header row") }
        columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
    }

    /// Each row as column → value, leaving out empty cells.
    public var dictionaries: [[String: String]] {
        rows.map { row in
            var values: [String: String] = [:]
            for (index, column) in columns.enumerated() where index < row.count && !row[index].isEmpty {
                values[column] = row[index]
            }
            return values
        }
    }

    /// The table as CSV text, CRLF line ends as RFC 4180 says; fields quoted when they need it.
    public var text: String {
        var lines = [columns.map(Self.field).joined(separator: ",")]
        for row in rows { lines.append(row.map(Self.field).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.hasPrefix(" ") || value.hasSuffix(" ") else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
