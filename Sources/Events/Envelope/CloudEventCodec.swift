/// Reads and writes CloudEvents 1.0 in structured JSON mode, one event per message.
public enum CloudEventCodec {
    /// 1 MiB: larger envelopes are refused before any parsing (Kafka's default message limit
    /// is about the same, so nothing larger could travel anyway).
    public static let maximumEventSize = 1024 * 1024

    /// Decodes one envelope. Never traps: every foreign input ends in `.failure` with a reason.
    @inlinable
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<CloudEvent, EnvelopeError> {
        decode(bytes, keepsEverything: true)
    }

    /// Applies every rule `decode` applies, but keeps only what routes the event: the result has
    /// `specVersion`, `id`, `subject` and `sagaID` (and extensions); the rest is checked, not kept.
    /// For writers that pass the bytes on as they are (`dos log publish`).
    @inlinable
    public static func check(_ bytes: some Collection<UInt8>) -> Result<CloudEvent, EnvelopeError> {
        decode(bytes, keepsEverything: false)
    }

    @inlinable
    static func decode(_ bytes: some Collection<UInt8>, keepsEverything: Bool) -> Result<CloudEvent, EnvelopeError> {
        // Counted before copying, so a huge non-contiguous input is refused without a copy.
        let count = bytes.count
        guard count <= maximumEventSize else {
            return .failure(EnvelopeError(.tooLarge, "event of \(count) bytes exceeds the limit of \(maximumEventSize) bytes"))
        }
        return withContiguousBytes(of: bytes) { decode(buffer: $0, keepsEverything: keepsEverything) }
    }

    @usableFromInline
    static func decode(buffer: UnsafeBufferPointer<UInt8>, keepsEverything: Bool) -> Result<CloudEvent, EnvelopeError> {
        CloudEventDecoder.decode(buffer, maximumSize: maximumEventSize, keepsEverything: keepsEverything)
    }

    /// One line of compact JSON without a trailing newline. Attributes come in a fixed order,
    /// `data` last and embedded as its raw bytes.
    ///
    /// Extensions whose names are not CloudEvents names, or that would shadow a known
    /// attribute, are left out: the decoder would refuse the envelope otherwise.
    public static func encode(_ event: CloudEvent) -> [UInt8] {
        CloudEventEncoder.encode(event)
    }
}
