package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.format.BoundedBytes;
import dev.edgeforge.core.format.SampleFormatException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads Edge Impulse data acquisition messages, JSON or CBOR (told apart by the first byte: {@code '{'} or a CBOR
 * map), including the binary CBOR variant.
 *
 * <p>Accepted shape: {@code protected} {@code {ver: "v1", alg: "HS256"|"none", iat?}}, {@code signature},
 * {@code payload} {@code {device_name?, device_type?, interval_ms > 0 (fractional allowed), sensors: [{name,
 * units?}], values}}. {@code values} is a list of rows, one value per sensor; with a single sensor it may also be a
 * flat list. In CBOR, {@code values} may instead be {@code ["Ref-BINARY-i16"|"Ref-BINARY-u16"|"Ref-BINARY-f32"]}
 * (case-insensitive, padded with spaces so that the data starts 4-byte aligned): the CBOR header then ends (the
 * indefinite {@code values} array's 0xFF break closes the last field) and the raw little-endian values follow,
 * interleaved by sensor, to the end of the message. Unknown fields are ignored; a missing {@code device_type} or
 * {@code units} is tolerated (Edge Impulse requires them; we do not need them).
 *
 * <p>Signature: with {@code alg: HS256} and a key, the signature must match (see {@link EiSignatureVerifier}),
 * otherwise the read fails with {@link SampleFormatException.Reason#INVALID_SIGNATURE} naming the signature. With
 * HS256 and no key, or with {@code alg: none}, the message is read and {@link EiAcquisition#signatureStatus()} says
 * so; whether that is acceptable is the caller's policy.
 */
public final class EiAcquisitionReader {

    private EiAcquisitionReader() {}

    /**
     * Reads a whole message.
     *
     * @param hmacKey the project's HMAC key, to verify HS256 signatures
     * @throws SampleFormatException when the message is malformed, unsupported or wrongly signed
     */
    public static EiAcquisition read(byte[] message, Optional<String> hmacKey) {
        ParsedEiMessage parsed = EiMessageParser.parse(message);
        EiSignatureStatus status;
        if (parsed.header().algorithm() == EiAlgorithm.NONE) {
            status = EiSignatureStatus.NOT_SIGNED;
        } else if (hmacKey.isEmpty()) {
            status = EiSignatureStatus.NOT_VERIFIED;
        } else {
            SignatureVerification check = EiSignatureVerifier.verify(message, parsed, hmacKey.get());
            if (!check.isValid()) {
                throw new SampleFormatException(SampleFormatException.Reason.INVALID_SIGNATURE, check.detail());
            }
            status = EiSignatureStatus.VERIFIED;
        }
        return new EiAcquisition(
                parsed.header(), parsed.signature(), parsed.encoding(), parsed.binaryType(), status, parsed.data());
    }

    /**
     * Reads a message from a stream (not closed), buffering at most {@code maxBytes}.
     *
     * @throws SampleFormatException as {@link #read(byte[], Optional)}, or {@code TOO_LARGE} past the limit
     */
    public static EiAcquisition read(InputStream in, Optional<String> hmacKey, long maxBytes) {
        return read(BoundedBytes.readAll(in, maxBytes), hmacKey);
    }
}
