import TerminalSafety
import DosCommandLine
import Events
import Testing

@Suite struct TerminalSafeJSONTests {
    func sanitized(_ text: String) -> String {
        String(decoding: TerminalSafeJSON.sanitize(Array(text.utf8)), as: UTF8.self)
    }

    @Test func printableJSONIsUntouched() {
        let line = #"{"name":"Café ☕ 東京","n":[1,2]}"#
        #expect(sanitized(line) == line)
    }

    @Test(arguments: [
        ("\u{1b}[2J", "\\u001b[2J"),        // ESC: clear screen
        ("\u{9b}31m", "\\u009b31m"),          // C1 CSI, a one-byte escape introducer
        ("\u{7f}", "\\u007f"),                // DEL
        ("\u{07}", "\\u0007"),                // BEL
        ("\u{202e}evil", "\\u202eevil"),      // right-to-left override
        ("\u{2066}x\u{2069}", "\\u2066x\\u2069"),
    ])
    func controlsInsideStringsBecomeEscapes(raw: String, escaped: String) throws {
        let output = sanitized(#"{"name":""# + raw + #""}"#)
        #expect(output == #"{"name":""# + escaped + #""}"#)
        // The escaped text still decodes to the same string.
        let value = try JSONValue(parsing: output)
        #expect(value["name"]?.stringValue == raw)
    }

    @Test func lineBreaksBetweenTokensBecomeSpacesSoTheOutputIsOneLine() throws {
        let output = sanitized("{\n\t\"a\": 1,\r\n \"b\": \"x\"\n}")
        #expect(!output.contains("\n") && !output.contains("\r") && !output.contains("\t"))
        #expect(try JSONValue(parsing: output)["b"]?.stringValue == "x")
    }

    @Test func escapedQuotesDoNotEndTheString() {
        #expect(sanitized(#"{"a":"say \"hi\" \#u{1b}"}"#) == #"{"a":"say \"hi\" \u001b"}"#)
    }

    @Test func invalidUTF8BecomesReplacementEscapes() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF, 0xC3] + Array(#""}"#.utf8)
        let output = String(decoding: TerminalSafeJSON.sanitize(bytes), as: UTF8.self)
        #expect(output == #"{"a":"\ufffd\ufffd"}"#)
    }

    @Test func noUnsafeScalarSurvivesAnyInput() {
        // Every byte value in every position of a short string.
        for byte in UInt8.min...UInt8.max {
            let bytes: [UInt8] = [0x22, byte, 0x41, byte, 0x22, byte]
            let output = String(decoding: TerminalSafeJSON.sanitize(bytes), as: UTF8.self)
            #expect(!output.unicodeScalars.contains { TerminalSafeJSON.isUnsafe($0) }, "byte \(byte) got through")
        }
    }
}
