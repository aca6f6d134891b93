import Foundation
import Model

/// The RFC 5322 text of one mail-drop notification: ASCII headers (non-ASCII subjects as
/// RFC 2047 encoded words), CRLF line ends, a UTF-8 plain-text body.
public struct MailMessage: Sendable, Equatable {
    public var deliveryID: String
    public var subscriptionID: UUID
    public var change: EntityChange

    public init(deliveryID: String, subscriptionID: UUID, change: EntityChange) {
        self.deliveryID = deliveryID
        self.subscriptionID = subscriptionID
        self.change = change
    }

    /// A domain of our own for addresses and Message-IDs; `.invalid` so nothing routes to it.
    static let domain = "dos.invalid"

    /// "[dos] service "Lunch club" updated (version 2)"
    public var subject: String {
        let name = change.name.map { " \"\(Self.singleLine($0))\"" } ?? " \(change.id.uuidString.lowercased())"
        return "[dos] \(change.kind.rawValue)\(name) \(change.action.rawValue) (version \(change.version))"
    }

    public var text: String {
        let headers = [
            "From: dos notifications <notifications@\(Self.domain)>",
            "To: subscription-\(subscriptionID.uuidString.lowercased())@\(Self.domain)",
            "Date: \(Self.rfc5322Date(change.time))",
            "Subject: \(Self.encodedHeader(subject))",
            "Message-ID: <\(deliveryID)@\(Self.domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let body = [
            "The \(change.kind.rawValue) \(change.name.map { "\"\(Self.singleLine($0))\" " } ?? "")was \(change.action.rawValue).",
            "",
            "Entry: \(change.name.map(Self.singleLine) ?? "(deleted)")",
            "Kind: \(change.kind.rawValue)",
            "ID: \(change.id.uuidString.lowercased())",
            "Version: \(change.version)",
            "Change: \(change.action.rawValue)",
            "Time: \(Timestamp.string(from: change.time))",
            "Saga: \(change.sagaID.map(Self.singleLine) ?? "(none)")",
            "Event: \(Self.singleLine(change.eventID))",
            "Subscription: \(subscriptionID.uuidString.lowercased())",
        ]
        return (headers + [""] + body).joined(separator: "\r\n") + "\r\n"
    }

    /// Text from the stream is data: control characters (CR, LF above all, which would forge
    /// headers) become spaces.
    static func singleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// Header text as is when it is printable ASCII, else one RFC 2047 base64 encoded word.
    static func encodedHeader(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// "Tue, 01 Dec 2026 09:20:00 +0000"
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
