import Foundation
import Testing
@testable import Events

@Suite("JSON values and raw JSON")
struct JSONValueTests {
    @Test func parsesEveryKindOfValueKeepingLiteralsAndKeyOrder() throws {
        let value = try JSONValue(parsing: #" {"b": 1.50, "a": [true, false, null, "x\n\u00e9\ud83d\ude00"], "c": {}} "#)
        let expected = JSONValue.object([
            JSONMember("b", .number("1.50")),
            JSONMember("a", .array([.bool(true), .bool(false), .null, .string("x\né😀")])),
            JSONMember("c", .object([])),
        ])
        #expect(value == expected)
        #expect(value["a"]?[3]?.stringValue == "x\né😀")
        #expect(String(decoding: value.jsonBytes, as: UTF8.self) == #"{"b":1.50,"a":[true,false,null,"x\né😀"],"c":{}}"#)
    }

    @Test(arguments: ["0", "-0", "12", "1e5", "1E+5", "-1.5e-3", "0.000", "123456789012345678901234567890"])
    func acceptsValidNumbers(_ text: String) throws {
        #expect(try JSONValue(parsing: text) == .number(text))
    }

    @Test(arguments: ["01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1.5.2", "--1"])
    func rejectsInvalidNumbers(_ text: String) {
        #expect(throws: JSONError.self) { try JSONValue(parsing: text) }
    }

    @Test func errorsNameWhatWasExpectedAndTheByteOffset() {
        do {
            _ = try JSONValue(parsing: #"{"a" 1}"#)
            Issue.record("parsed")
        } catch {
            #expect(error.offset == 5)
            #expect(error.description == "expected ':' after object key at byte 5, found '1'")
        }
        do {
            _ = try JSONValue(parsing: #"[1, 2"#)
            Issue.record("parsed")
        } catch {
            #expect(error.description == "expected ',' or ']' after array element at byte 5, found end of input")
        }
    }

    @Test(arguments: [
        #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#, #""\x""#, #""\u12g4""#, "\"a\u{1}b\"", "\"abc",
    ])
    func rejectsBadStrings(_ text: String) {
        #expect(throws: JSONError.self) { try JSONValue(parsing: text) }
    }

    @Test(arguments: [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]] as [[UInt8]])
    func rejectsInvalidUTF8InStrings(_ sequence: [UInt8]) {
        let bytes = [ASCII.quote] + sequence + [ASCII.quote]
        #expect(throws: JSONError.self) { try JSONValue(parsing: bytes) }
        #expect(throws: JSONError.self) { try RawJSON(validating: bytes) }
    }

    @Test func acceptsMultibyteUTF8() throws {
        let text = "\"é€😀\u{10FFFF}\""
        #expect(try JSONValue(parsing: text) == .string("é€😀\u{10FFFF}"))
    }

    @Test func depthLimitIsEnforcedBeforeDescending() throws {
        let limit = JSONLimits.standard.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSONValue(parsing: deepest) }
        #expect(throws: Never.self) { try RawJSON(validating: deepest) }
        let tooDeep = "[" + deepest + "]"
        #expect(throws: JSONError.self) { try JSONValue(parsing: tooDeep) }
        do {
            _ = try RawJSON(validating: tooDeep)
            Issue.record("validated")
        } catch {
            #expect(error.kind == .tooDeep)
            #expect(error.offset == limit)
        }
    }

    @Test func aMillionOpenBracketsFailWithoutOverflowingTheStack() {
        let brackets = [UInt8](repeating: ASCII.openBracket, count: 1_000_000)
        let limits = JSONLimits(maximumDepth: 64, maximumSize: 2_000_000)
        #expect(throws: JSONError.self) { try JSONValue(parsing: brackets, limits: limits) }
        #expect(throws: JSONError.self) { try RawJSON(validating: brackets, limits: limits) }
    }

    @Test func skippingIsIterativeEvenWithAHugeDepthLimit() throws {
        let depth = 300_000
        let balanced = [UInt8](repeating: ASCII.openBracket, count: depth) + [UInt8](repeating: ASCII.closeBracket, count: depth)
        let raw = try RawJSON(validating: balanced, limits: JSONLimits(maximumDepth: depth, maximumSize: 1_000_000))
        #expect(raw.bytes.count == 2 * depth)
        let unbalanced = Array(balanced.dropLast())
        #expect(throws: JSONError.self) {
            try RawJSON(validating: unbalanced, limits: JSONLimits(maximumDepth: depth, maximumSize: 1_000_000))
        }
    }

    @Test func sizeLimitIsCheckedFirst() {
        do {
            _ = try RawJSON(validating: "[1,2,3,4,5]", limits: JSONLimits(maximumSize: 10))
            Issue.record("validated")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func rawJSONKeepsExactBytesWithoutSurroundingWhitespace() throws {
        let raw = try RawJSON(validating: "  {\"a\" : 1.50 }\n")
        #expect(raw.string == "{\"a\" : 1.50 }")
        #expect(throws: JSONError.self) { try RawJSON(validating: "1 2") }
        #expect(throws: JSONError.self) { try RawJSON(validating: "") }
        #expect(throws: JSONError.self) { try RawJSON(validating: "{} x") }
    }

    @Test func rawJSONEncodesWithSortedKeysAndDecodesBack() throws {
        struct Sample: Codable, Equatable {
            var zebra: Int
            var apple: String
            var when: Date
        }
        let sample = Sample(zebra: 1, apple: "a/b", when: Fixtures.time)
        let raw = try RawJSON(encoding: sample)
        #expect(raw.string == #"{"apple":"a/b","when":"2026-11-18T11:06:40.123Z","zebra":1}"#)
        #expect(try raw.decode(Sample.self) == sample)
    }

    @Test func memberLookupReturnsExactBytes() throws {
        let raw = try RawJSON(validating: #"{"a":[1, 2],"b":{"c":"d"},"a2":null}"#)
        #expect(raw.member("a")?.string == "[1, 2]")
        #expect(raw.member("b")?.string == #"{"c":"d"}"#)
        #expect(raw.member("missing") == nil)
        #expect(try RawJSON(validating: "[1]").member("a") == nil)
        #expect(raw.replacingMember("b", with: .null)?.string == #"{"a":[1, 2],"b":null,"a2":null}"#)
    }

    @Test func jsonValueCodableNestsInPayloads() throws {
        let value = JSONValue.object([JSONMember("n", .number("2")), JSONMember("s", .array([.string("x"), .null, .bool(true)]))])
        let raw = try RawJSON(encoding: value)
        #expect(raw.string == #"{"n":2,"s":["x",null,true]}"#)
        #expect(try raw.decode(JSONValue.self) == value)
    }
}
