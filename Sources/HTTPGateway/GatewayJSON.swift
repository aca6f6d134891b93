import Foundation
import Hummingbird
import TerminalSafety

/// The gateway's JSON answers: compact, keys sorted (as `Entity.jsonData` writes entries), and
/// with every control character inside strings written as a `\u` escape.
///
/// `JSONEncoder` escapes C0 controls itself; DEL, the C1 controls (U+009B is a one-byte CSI) and
/// the bidirectional overrides are legal raw in JSON, so `TerminalSafeJSON` escapes them too: a
/// client that prints a name from the stream cannot be made to drive its terminal.
enum GatewayJSON {
    static func bytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return TerminalSafeJSON.sanitize(Array(try encoder.encode(value)))
    }

    /// A JSON answer; an encoding failure (which entries from the stream never cause) is a 500.
    static func response(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        do {
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try bytes(value))))
        } catch {
            let fallback = #"{"error":"the answer could not be encoded as JSON","fields":[]}"#
            return Response(status: .internalServerError, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: fallback)))
        }
    }
}
