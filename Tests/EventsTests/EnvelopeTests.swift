import Foundation
import Testing
@testable import Events

@Suite("CloudEvents envelope")
struct EnvelopeTests {
    @Test func decodesEveryAttributeAndKeepsExtensions() throws {
        let event = try Fixtures.decode(Fixtures.fullEnvelope).get()
        #expect(event.specVersion == "1.0")
        #expect(event.id == "evt-1")
        #expect(event.source == "dos/console")
        #expect(event.type == "dos.command.provider.create.v1")
        #expect(event.time == Date(timeIntervalSince1970: 1_795_771_200.123))
        #expect(event.subject == "00000000-0000-4000-8000-000000000001")
        #expect(event.dataContentType == "application/json")
        #expect(event.dataSchema == "https://dos.example/schemas/provider-create-v1")
        #expect(event.sagaID == "saga-1")
        #expect(event.causationID == "evt-0")
        #expect(event.actor == "alice")
        #expect(event.entityVersion == 3)
        #expect(event.extensions == ["priority": .integer(7), "region": .string("north"), "urgent": .boolean(true)])
        #expect(event.data?.json?.string == #"{"entity":{"kind":"provider","name":"A"},"expected_version":null}"#)
    }

    @Test func encodesOneCompactLineWithTheseExactKeysInThisOrder() throws {
        let event = try Fixtures.decode(Fixtures.fullEnvelope).get()
        let text = String(decoding: CloudEventCodec.encode(event), as: UTF8.self)
        let expected = """
            {"specversion":"1.0","id":"evt-1","source":"dos/console","type":"dos.command.provider.create.v1",\
            "time":"2026-11-27T09:20:00.123Z","subject":"00000000-0000-4000-8000-000000000001",\
            "datacontenttype":"application/json","dataschema":"https://dos.example/schemas/provider-create-v1",\
            "sagaid":"saga-1","causationid":"evt-0","actor":"alice","entityversion":3,\
            "priority":7,"region":"north","urgent":true,"data":{"entity":{"kind":"provider","name":"A"},"expected_version":null}}
            """
        #expect(text == expected)
        #expect(!text.contains("\n"))
    }

    @Test func minimalEventEncodesOnlyTheRequiredAttributes() throws {
        let event = CloudEvent(id: "1", source: "s", type: "t")
        #expect(String(decoding: CloudEventCodec.encode(event), as: UTF8.self) == #"{"specversion":"1.0","id":"1","source":"s","type":"t"}"#)
        #expect(try CloudEventCodec.decode(CloudEventCodec.encode(event)).get() == event)
    }

    @Test func binaryDataTravelsAsBase64() throws {
        let bytes: [UInt8] = [0, 1, 2, 0xFE, 0xFF]
        let event = CloudEvent(id: "1", source: "s", type: "t", dataContentType: "application/octet-stream", data: .binary(bytes))
        let text = String(decoding: CloudEventCodec.encode(event), as: UTF8.self)
        #expect(text.hasSuffix(#","data_base64":"AAEC/v8="}"#))
        #expect(try Fixtures.decode(text).get().data == .binary(bytes))
        for length in 0..<7 {
            let data = Array(bytes.prefix(length))
            let roundTrip = try CloudEventCodec.decode(CloudEventCodec.encode(CloudEvent(id: "1", source: "s", type: "t", data: .binary(data)))).get()
            #expect(roundTrip.data == .binary(data))
        }
    }

    @Test func timesWithOffsetsAndFractionsAreReadAndWrittenInUTC() throws {
        let inputs = ["2026-11-27T10:20:00.123+01:00", "2026-11-27T09:20:00.123456Z", "2026-11-27T01:20:00.123-08:00"]
        for input in inputs {
            let event = try Fixtures.decode(#"{"specversion":"1.0","id":"1","source":"s","type":"t","time":"\#(input)"}"#).get()
            let text = String(decoding: CloudEventCodec.encode(event), as: UTF8.self)
            #expect(text.contains(#""time":"2026-11-27T09:20:00.123Z""#), "\(input)")
        }
        let whole = try Fixtures.decode(#"{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2026-11-27T09:20:00Z"}"#).get()
        #expect(String(decoding: CloudEventCodec.encode(whole), as: UTF8.self).contains("09:20:00.000Z"))
    }

    @Test func anEscapedTimeAndTheEdgesOfTheYearRangeAreReadToo() throws {
        let escaped = try Fixtures.decode(#"{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2026-11-27T09:20:00\u002e123Z"}"#).get()
        #expect(escaped.time == Date(timeIntervalSince1970: 1_795_771_200.123))
        for time in ["0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"] {
            let event = try Fixtures.decode(#"{"specversion":"1.0","id":"1","source":"s","type":"t","time":"\#(time)"}"#).get()
            #expect(String(decoding: CloudEventCodec.encode(event), as: UTF8.self).contains(#""time":"\#(time)""#))
        }
    }

    @Test func nullAttributesAreUnset() throws {
        let event = try Fixtures.decode(#"{"specversion":"1.0","id":"1","source":"s","type":"t","subject":null,"time":null,"entityversion":null,"x":null}"#).get()
        #expect(event.subject == nil && event.time == nil && event.entityVersion == nil && event.extensions.isEmpty)
    }

    @Test func dataMayBeAnyJSONValue() throws {
        for data in ["null", "0", "\"text\"", "[1,{\"a\":[]}]", "true", "-1.5e3"] {
            let event = try Fixtures.decode(#"{"specversion":"1.0","id":"1","source":"s","type":"t","data":\#(data)}"#).get()
            #expect(event.data == .json(try RawJSON(validating: data)))
        }
    }

    @Test func whitespaceAndEscapedNamesAreAccepted() throws {
        let text = " {\n \"specversion\" : \"1.0\" ,\t\"\\u0069d\":\"a\\\"b\\u00e9\", \"source\":\"s\",\"type\":\"t\" }\r\n"
        let event = try Fixtures.decode(text).get()
        #expect(event.id == "a\"bé")
    }

    @Test func stringsWithEscapesRoundTrip() throws {
        let awkward = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} é 😀 \u{2028}"
        let event = CloudEvent(id: awkward, source: "s", type: "t", actor: awkward, extensions: ["note": .string(awkward)])
        let bytes = CloudEventCodec.encode(event)
        #expect(!bytes.contains(0) && !bytes.contains(7) && !bytes.contains(ASCII.lineFeed))
        #expect(try CloudEventCodec.decode(bytes).get() == event)
    }

    @Test func encoderLeavesOutExtensionsTheDecoderWouldRefuse() throws {
        let event = CloudEvent(id: "1", source: "s", type: "t",
                               extensions: ["Bad-Name": .string("x"), "id": .string("shadow"), "good": .integer(-4)])
        let decoded = try CloudEventCodec.decode(CloudEventCodec.encode(event)).get()
        #expect(decoded.id == "1")
        #expect(decoded.extensions == ["good": .integer(-4)])
    }

    @Test func decodesFromAnyByteCollection() throws {
        let bytes = Array(Fixtures.fullEnvelope.utf8)
        let fromArray = try CloudEventCodec.decode(bytes).get()
        #expect(try CloudEventCodec.decode(ArraySlice(bytes)).get() == fromArray)
        #expect(try CloudEventCodec.decode(Data(bytes)).get() == fromArray)
        #expect(try CloudEventCodec.decode(Fixtures.fullEnvelope.utf8).get() == fromArray)
    }
}
