import Foundation
import Testing
import TestSupport
@testable import Events

/// Deterministic mutation fuzzing: whatever the bytes, decoding returns, and whatever decodes
/// re-encodes to an envelope that decodes to the same value.
@Suite("Envelope fuzzing")
struct EnvelopeFuzzTests {
    /// Bytes that push the scanner into its interesting branches.
    static let interestingBytes: [UInt8] = Array("{}[]\",:\\/u0123456789eE+-.tfnlsrax ".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xED, 0xF0, 0xFF]

    static func seeds() throws -> [[UInt8]] {
        var seeds = [Array(Fixtures.fullEnvelope.utf8)]
        for type in [MessageType.event(.validated), .deadLetter, .saga(.stepFailed), .view(.service)] {
            let event = try Fixtures.message(for: type).cloudEvent(id: "evt-\(type)", source: "dos/fuzz", time: Fixtures.time,
                                                                   sagaID: "s", causationID: "c", actor: "a")
            seeds.append(CloudEventCodec.encode(event))
        }
        seeds.append(Array(#"{"specversion":"1.0","id":"\u00e9\ud83d\ude00","source":"s","type":"t","data_base64":"AAEC","x":-0,"y":false,"time":"2026-11-27T10:20:00.5+01:00"}"#.utf8))
        return seeds
    }

    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes[index] = interestingBytes.randomElement(using: &generator) ?? 0
            case 2: bytes.insert(interestingBytes.randomElement(using: &generator) ?? 0, at: index)
            case 3: bytes.remove(at: index)
            case 4:
                let end = min(bytes.count, index + Int.random(in: 1...16, using: &generator))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            case 5: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...8, using: &generator)))
            default: bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
            }
        }
        return bytes
    }

    @Test func mutatedEnvelopesNeverTrapAndSuccessesRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let seeds = try Self.seeds()
        var successes = 0
        var failures: [String: Int] = [:]
        for _ in 0..<4000 {
            let seed = seeds.randomElement(using: &generator) ?? []
            let bytes = Self.mutate(seed, using: &generator)
            switch CloudEventCodec.decode(bytes) {
            case .success(let event):
                successes += 1
                let reencoded = CloudEventCodec.encode(event)
                let again = CloudEventCodec.decode(reencoded)
                #expect(again == .success(event), "\(String(decoding: bytes, as: UTF8.self))")
                #expect(CloudEventCodec.encode((try? again.get()) ?? event) == reencoded)
                // Typed decoding must not trap either, whatever it decides.
                _ = MessageDecoder.decode(event)
            case .failure(let error):
                #expect(!error.reason.isEmpty)
                failures["\(error.kind)".prefix { $0 != "(" }.description, default: 0] += 1
            }
        }
        // The mutations must exercise both outcomes, or the test proves little.
        #expect(successes > 100)
        #expect(failures["malformedJSON", default: 0] > 100)
        #expect(failures.count >= 4)
    }

    /// `check` (what `dos log publish` runs) applies exactly `decode`'s rules: same outcome,
    /// same error, and on success the routing attributes (`specversion`, `id`, `subject`,
    /// `sagaid`) and nothing else of what it only checks.
    @Test func checkAgreesWithDecodeOnEveryMutation() throws {
        var generator = SeededGenerator(seed: 0xC4EC)
        let seeds = try Self.seeds()
        var successes = 0, failures = 0
        for _ in 0..<4000 {
            let bytes = Self.mutate(seeds.randomElement(using: &generator) ?? [], using: &generator)
            switch (CloudEventCodec.decode(bytes), CloudEventCodec.check(bytes)) {
            case (.success(let decoded), .success(let checked)):
                successes += 1
                #expect(checked.specVersion == decoded.specVersion && checked.id == decoded.id)
                #expect(checked.subject == decoded.subject && checked.sagaID == decoded.sagaID)
                #expect(checked.source.isEmpty && checked.type.isEmpty && checked.dataContentType == nil && checked.actor == nil)
                if case .json = decoded.data { #expect(checked.data == nil, "JSON data is checked, not copied") }
            case (.failure(let decodeError), .failure(let checkError)):
                failures += 1
                #expect(decodeError == checkError)
            case (let decoded, let checked):
                Issue.record("decode \(decoded) but check \(checked) for \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(successes > 100 && failures > 100)
    }

    @Test func randomBytesNeverTrap() {
        var generator = SeededGenerator(seed: 42)
        var decoded = 0
        for _ in 0..<2000 {
            let count = Int.random(in: 0...64, using: &generator)
            var bytes = (0..<count).map { _ in Self.interestingBytes.randomElement(using: &generator) ?? 0 }
            if Bool.random(using: &generator) { bytes = Array("{\"".utf8) + bytes }
            if case .success = CloudEventCodec.decode(bytes) { decoded += 1 }
            _ = try? JSONValue(parsing: bytes)
            _ = try? RawJSON(validating: bytes)
        }
        #expect(decoded == 0)
    }
}
