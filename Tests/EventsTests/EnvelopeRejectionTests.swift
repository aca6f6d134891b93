import Foundation
import Testing
@testable import Events

/// Foreign input: every case must end in the right error, never in a trap.
@Suite("Envelope rejections")
struct EnvelopeRejectionTests {
    static let minimal = #"{"specversion":"1.0","id":"1","source":"s","type":"t""#

    /// `minimal` plus one more member, closed.
    static func with(_ member: String) -> String {
        minimal + "," + member + "}"
    }

    @Test func everyTruncationOfAValidEnvelopeIsMalformed() {
        let bytes = Array(Fixtures.fullEnvelope.utf8)
        for length in 0..<bytes.count {
            let error = Fixtures.failure(Array(bytes.prefix(length)))
            #expect(error?.kind == .malformedJSON, "prefix of \(length) bytes")
        }
    }

    /// A valid minimal envelope with `name` set to the JSON text `value` (added if not required).
    static func envelope(setting name: String, to value: String) -> String {
        var members = [("specversion", "\"1.0\""), ("id", "\"1\""), ("source", "\"s\""), ("type", "\"t\"")]
        if let index = members.firstIndex(where: { $0.0 == name }) {
            members[index].1 = value
        } else {
            members.append((name, value))
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    @Test(arguments: ["specversion", "id", "source", "type", "time", "subject", "datacontenttype", "dataschema",
                      "sagaid", "causationid", "actor", "data_base64"])
    func aStringAttributeOfAnotherTypeIsWrongType(_ name: String) {
        for value in ["42", "true", "[\"x\"]", "{\"a\":\"b\"}"] {
            let json = Self.envelope(setting: name, to: value)
            #expect(Fixtures.failureKind(json) == .wrongType(name), "\(json)")
        }
    }

    @Test func entityVersionMustBeAnIntegerThatFits() throws {
        #expect(Fixtures.failureKind(Self.with(#""entityversion":"3""#)) == .wrongType("entityversion"))
        #expect(Fixtures.failureKind(Self.with(#""entityversion":[3]"#)) == .wrongType("entityversion"))
        for number in ["1e999", "3.0", "1e2", "99999999999999999999", "-9223372036854775809", "9223372036854775808"] {
            #expect(Fixtures.failureKind(Self.with(#""entityversion":\#(number)"#)) == .invalidValue("entityversion"), "\(number)")
        }
        #expect(try Fixtures.decode(Self.with(#""entityversion":-9223372036854775808"#)).get().entityVersion == Int.min)
        #expect(try Fixtures.decode(Self.with(#""entityversion":9223372036854775807"#)).get().entityVersion == Int.max)
    }

    @Test(arguments: ["specversion", "id", "source", "type"])
    func aMissingOrNullRequiredAttributeIsNamed(_ name: String) throws {
        let all = ["specversion": "1.0", "id": "1", "source": "s", "type": "t"]
        let others = all.filter { $0.key != name }.map { #""\#($0.key)":"\#($0.value)""# }.sorted()
        #expect(Fixtures.failureKind("{" + others.joined(separator: ",") + "}") == .missingAttribute(name))
        let withNull = others + [#""\#(name)":null"#]
        #expect(Fixtures.failureKind("{" + withNull.joined(separator: ",") + "}") == .missingAttribute(name))
        let error = try #require(Fixtures.failure(Array(("{" + others.joined(separator: ",") + "}").utf8)))
        #expect(error.reason == "missing required attribute '\(name)'")
    }

    @Test func emptyStringsAreInvalidValues() {
        #expect(Fixtures.failureKind(#"{"specversion":"1.0","id":"","source":"s","type":"t"}"#) == .invalidValue("id"))
        #expect(Fixtures.failureKind(Self.with(#""subject":"""#)) == .invalidValue("subject"))
    }

    @Test func otherSpecVersionsAreRefusedWhateverElseIsWrong() throws {
        #expect(Fixtures.failureKind(#"{"specversion":"0.3","id":"1","source":"s","type":"t"}"#) == .unsupportedSpecVersion)
        #expect(Fixtures.failureKind(#"{"specversion":"0.3","schemaurl":"x","Bad":1}"#) == .unsupportedSpecVersion)
        let error = try #require(Fixtures.failure(Array(#"{"specversion":"2.0","id":"1","source":"s","type":"t"}"#.utf8)))
        #expect(error.reason.contains("'2.0'"))
    }

    @Test func malformedTimeNamesTheAttribute() throws {
        let error = try #require(Fixtures.failure(Array(Self.with(#""time":"yesterday""#).utf8)))
        #expect(error.kind == .invalidValue("time"))
        #expect(error.reason.contains("time"))
    }

    /// Entity JSON written by hand may use these spellings; the envelope's `time` may not.
    @Test(arguments: ["2026-11-27 09:20:00Z", "2026-11-27T09:20:00+0100", "2026-11-27T09:20:00+01",
                      "2026-11-27T09:20:00\u{2212}01:00", "0000-01-01T00:00:00+00:01", "2026-02-29T00:00:00Z"])
    func timeMustBeStrictRFC3339(_ time: String) {
        #expect(Fixtures.failureKind(Self.with(#""time":"\#(time)""#)) == .invalidValue("time"))
    }

    @Test func envelopesOverOneMebibyteAreTooLargeAndJustUnderAreFine() throws {
        let huge = Self.with(#""note":""# + String(repeating: "a", count: 2 * 1024 * 1024) + "\"")
        #expect(Fixtures.failureKind(huge) == .tooLarge)
        let big = String(repeating: "b", count: 900 * 1024)
        let event = try Fixtures.decode(Self.with(#""data":""# + big + "\"")).get()
        #expect(event.data?.json?.bytes.count == big.utf8.count + 2)
        #expect(CloudEventCodec.maximumEventSize == 1_048_576)
        let exactlyTooLarge = [UInt8](repeating: ASCII.space, count: CloudEventCodec.maximumEventSize + 1)
        #expect(Fixtures.failure(exactlyTooLarge)?.kind == .tooLarge)
    }

    @Test func aMillionNestedBracketsInDataAreMalformedNotACrash() throws {
        let prefix = Array((Self.minimal + #","data":"#).utf8)
        let opening = [UInt8](repeating: ASCII.openBracket, count: 1_000_000)
        let error = try #require(Fixtures.failure(prefix + opening + [ASCII.closeBrace]))
        #expect(error.kind == .malformedJSON)
        #expect(error.reason.contains("nesting deeper than 64"))
        // Balanced, so only the depth check can refuse it.
        let balanced = prefix + opening.prefix(500_000) + [UInt8](repeating: ASCII.closeBracket, count: 500_000) + [ASCII.closeBrace]
        #expect(Fixtures.failure(balanced)?.kind == .malformedJSON)
        // Past the size limit, the same brackets are refused before any parsing.
        #expect(Fixtures.failure(prefix + opening + opening.prefix(100_000))?.kind == .tooLarge)
        let sixtyFour = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try Fixtures.decode(Self.with(#""data":"# + sixtyFour)).get() }
    }

    @Test func invalidUTF8AndNULBytesAreMalformed() {
        let cases: [[UInt8]] = [
            Array(#"{"specversion":"1.0","id":""#.utf8) + [0xFF] + Array(#"","source":"s","type":"t"}"#.utf8),
            Array(#"{"specversion":"1.0","id":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#"","source":"s","type":"t"}"#.utf8),
            Array(#"{"specversion":"1.0","id":""#.utf8) + [0x00] + Array(#"","source":"s","type":"t"}"#.utf8),
            Array(Self.minimal.utf8) + [0x00, ASCII.closeBrace],
            Array(Self.minimal.utf8) + [ASCII.closeBrace, 0x00],
            [0xEF, 0xBB, 0xBF] + Array((Self.minimal + "}").utf8),
        ]
        for bytes in cases {
            #expect(Fixtures.failure(bytes)?.kind == .malformedJSON, "\(bytes)")
        }
    }

    @Test func escapedNULIsAValidCharacter() throws {
        let event = try Fixtures.decode(#"{"specversion":"1.0","id":"a\u0000b","source":"s","type":"t"}"#).get()
        #expect(event.id == "a\u{0}b")
    }

    @Test(arguments: [#""\ud800""#, #""\udfff""#, #""\ud800\ud800""#, #""\ud83dx""#])
    func loneSurrogateEscapesAreMalformed(_ value: String) {
        #expect(Fixtures.failureKind(Self.with(#""actor":\#(value)"#)) == .malformedJSON)
        #expect(Fixtures.failureKind(Self.with(#""data":{"k":\#(value)}"#)) == .malformedJSON)
    }

    @Test func duplicateAttributesAreRefused() {
        #expect(Fixtures.failureKind(Self.with(#""id":"2""#)) == .duplicateAttribute("id"))
        #expect(Fixtures.failureKind(Self.with(#""\u0069d":"2""#)) == .duplicateAttribute("id"))
        #expect(Fixtures.failureKind(Self.with(#""x":1,"x":2"#)) == .duplicateAttribute("x"))
        #expect(Fixtures.failureKind(Self.with(#""x":null,"x":2"#)) == .duplicateAttribute("x"))
        #expect(Fixtures.failureKind(Self.with(#""data":1,"data":2"#)) == .duplicateAttribute("data"))
    }

    @Test func dataAndDataBase64TogetherAreRefused() {
        #expect(Fixtures.failureKind(Self.with(#""data":1,"data_base64":"AA==""#)) == .invalidValue("data_base64"))
        #expect(Fixtures.failureKind(Self.with(#""data_base64":"AA==","data":null"#)) == .invalidValue("data_base64"))
    }

    @Test(arguments: ["AA=", "A===", "AB==", "AA==AA==", "AA AA", "@@@@", "AAA=A"])
    func nonCanonicalBase64IsAnInvalidValue(_ text: String) {
        #expect(Fixtures.failureKind(Self.with(#""data_base64":"\#(text)""#)) == .invalidValue("data_base64"))
    }

    @Test func trailingGarbageIsMalformed() {
        for tail in [" x", "}", "{}", ",", "\u{0}", "[]", "\"\""] {
            #expect(Fixtures.failureKind(Self.minimal + "}" + tail) == .malformedJSON, "\(tail)")
        }
        #expect(throws: Never.self) { try Fixtures.decode(Self.minimal + "} \n\t\r").get() }
    }

    @Test(arguments: ["Foo", "with-dash", "under_score", "abcdefghijklmnopqrstu", "", "é"])
    func invalidAttributeNamesAreRefused(_ name: String) {
        #expect(Fixtures.failureKind(Self.with(#""\#(name)":1"#)) == .invalidAttributeName(name))
    }

    @Test func extensionsOfOtherTypesAreRefused() {
        #expect(Fixtures.failureKind(Self.with(#""x":{"a":1}"#)) == .wrongType("x"))
        #expect(Fixtures.failureKind(Self.with(#""x":[]"#)) == .wrongType("x"))
        #expect(Fixtures.failureKind(Self.with(#""x":1.5"#)) == .invalidValue("x"))
    }

    @Test func valuesThatAreNotObjectsAreNotAnObjectButGarbageIsMalformed() {
        for text in ["[1]", "\"x\"", "42", "null", " true "] {
            #expect(Fixtures.failureKind(text) == .notAnObject, "\(text)")
        }
        for text in ["", "nonsense", "[1", "{", "{\"specversion\"}", "{'a':1}", "\u{0}"] {
            #expect(Fixtures.failureKind(text) == .malformedJSON, "\(text)")
        }
    }

    @Test func malformedJSONSaysWhatAndWhere() throws {
        let error = try #require(Fixtures.failure(Array(#"{"specversion" "1.0"}"#.utf8)))
        #expect(error.reason == "malformed JSON: expected ':' after attribute name at byte 15, found '\"'")
    }
}
