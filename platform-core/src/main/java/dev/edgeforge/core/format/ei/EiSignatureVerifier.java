package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.format.SampleFormatException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies and computes the HMAC-SHA256 signature of Edge Impulse messages.
 *
 * <p>The signature is the lowercase hex HMAC-SHA256, keyed with the project's HMAC key (its UTF-8 bytes), of the
 * message exactly as sent but with the 64 characters of the signature replaced by 64 ASCII {@code '0'}: devices
 * write the message with a zero signature, sign it, then overwrite the zeros in place. This holds for JSON and for
 * CBOR (whose binary variant signs the raw values after the header too). Hex case is ignored when comparing.
 */
public final class EiSignatureVerifier {

    /** Length of an HS256 signature in hex characters. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final byte[] ZEROS = "0".repeat(SIGNATURE_LENGTH).getBytes(StandardCharsets.US_ASCII);

    private EiSignatureVerifier() {}

    /**
     * Checks the signature of a complete message (JSON or CBOR) against a key.
     *
     * @throws IllegalArgumentException when the key is empty
     */
    public static SignatureVerification verify(byte[] message, String hmacKey) {
        requireUsableKey(hmacKey);
        ParsedEiMessage parsed;
        try {
            parsed = EiMessageParser.parse(message);
        } catch (SampleFormatException e) {
            return new SignatureVerification(
                    SignatureVerification.Outcome.UNREADABLE_MESSAGE,
                    Optional.empty(),
                    "the message cannot be read: " + e.detail());
        }
        return verify(message, parsed, hmacKey);
    }

    /**
     * Checks the signature of a complete message (JSON or CBOR) against every key at hand, as Edge Impulse does on
     * ingestion: a signature no key can check is not verified (yet), one that no key confirms is invalid. The message
     * is read once whatever the number of keys.
     *
     * @param hmacKeys the keys to try, in order; may be empty
     * @throws SampleFormatException   when the message cannot be read
     * @throws IllegalArgumentException when a key is empty
     */
    public static SignatureCheck check(byte[] message, List<String> hmacKeys) {
        hmacKeys.forEach(EiSignatureVerifier::requireUsableKey);
        ParsedEiMessage parsed = EiMessageParser.parse(message);
        String signature = parsed.signature();
        if (parsed.header().algorithm() == EiAlgorithm.NONE) {
            return new SignatureCheck(
                    EiSignatureStatus.NOT_SIGNED, Optional.empty(), signature, "the message is not signed (alg none)");
        }
        if (!HEX64.matcher(signature).matches() || parsed.signatureStart() < 0) {
            return new SignatureCheck(
                    EiSignatureStatus.INVALID,
                    Optional.empty(),
                    signature,
                    "signature '" + abbreviate(signature)
                            + "' is not 64 hexadecimal characters written as a plain string, so no key can verify it");
        }
        if (hmacKeys.isEmpty()) {
            return new SignatureCheck(
                    EiSignatureStatus.NOT_VERIFIED,
                    Optional.empty(),
                    signature,
                    "the message is signed (alg HS256) but there is no HMAC key to check its signature '" + signature
                            + "' with");
        }
        for (int i = 0; i < hmacKeys.size(); i++) {
            if (verify(message, parsed, hmacKeys.get(i)).isValid()) {
                return new SignatureCheck(
                        EiSignatureStatus.VERIFIED,
                        Optional.of(i),
                        signature,
                        "signature '" + signature + "' is valid");
            }
        }
        return new SignatureCheck(
                EiSignatureStatus.INVALID,
                Optional.empty(),
                signature,
                "signature '" + signature + "' does not match the HMAC-SHA256 of the message under any of the "
                        + hmacKeys.size() + " HMAC key(s)");
    }

    static SignatureVerification verify(byte[] message, ParsedEiMessage parsed, String hmacKey) {
        String signature = parsed.signature();
        if (parsed.header().algorithm() == EiAlgorithm.NONE) {
            return new SignatureVerification(
                    SignatureVerification.Outcome.NOT_SIGNED,
                    Optional.of(signature),
                    "the message is not signed (alg none)");
        }
        if (!HEX64.matcher(signature).matches() || parsed.signatureStart() < 0) {
            return new SignatureVerification(
                    SignatureVerification.Outcome.MALFORMED_SIGNATURE,
                    Optional.of(signature),
                    "signature '" + abbreviate(signature)
                            + "' is not 64 hexadecimal characters written as a plain string");
        }
        String expected = hmacHex(message, parsed.signatureStart(), hmacKey);
        boolean same = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            return new SignatureVerification(
                    SignatureVerification.Outcome.MISMATCH,
                    Optional.of(signature),
                    "signature '" + signature + "' does not match the HMAC-SHA256 of the message under the HMAC key");
        }
        return new SignatureVerification(
                SignatureVerification.Outcome.VALID, Optional.of(signature), "signature '" + signature + "' is valid");
    }

    /**
     * The lowercase hex HMAC-SHA256 of {@code message} with the 64 bytes at {@code signatureStart} taken as
     * {@code '0'} characters (whatever they hold).
     */
    static String hmacHex(byte[] message, int signatureStart, String hmacKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(message, 0, signatureStart);
            mac.update(ZEROS);
            int after = signatureStart + SIGNATURE_LENGTH;
            mac.update(message, after, message.length - after);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Writes the signature into {@code message} in place, over the 64 characters at {@code signatureStart}. */
    static void sign(byte[] message, int signatureStart, String hmacKey) {
        byte[] hex = hmacHex(message, signatureStart, hmacKey).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, message, signatureStart, SIGNATURE_LENGTH);
    }

    static void requireUsableKey(String hmacKey) {
        if (hmacKey == null || hmacKey.isEmpty()) {
            throw new IllegalArgumentException("the HMAC key is empty");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
