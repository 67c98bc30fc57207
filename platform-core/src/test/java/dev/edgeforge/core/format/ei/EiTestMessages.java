package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.testing.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test messages the way the specification says, independently of the code under test. */
final class EiTestMessages {

    static final String ZEROS = "0".repeat(64);

    private EiTestMessages() {}

    static String hmacHex(byte[] message, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON text containing 64 zeros as signature, signed with {@code key}. */
    static byte[] signJson(String jsonWithZeroSignature, String key) {
        byte[] zeroed = jsonWithZeroSignature.getBytes(StandardCharsets.UTF_8);
        String signature = hmacHex(zeroed, key);
        return jsonWithZeroSignature.replace(ZEROS, signature).getBytes(StandardCharsets.UTF_8);
    }

    /** Binary message whose signature field holds 64 ASCII zeros, signed in place with {@code key}. */
    static byte[] signBytes(byte[] zeroed, String key) {
        byte[] signed = zeroed.clone();
        int at = indexOf(signed, ZEROS.getBytes(StandardCharsets.US_ASCII));
        byte[] hex = hmacHex(zeroed, key).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, signed, at, 64);
        return signed;
    }

    /** The position of {@code needle}, which the test put there. */
    static int indexOf(byte[] haystack, byte[] needle) {
        int at = Bytes.indexOf(haystack, needle);
        if (at < 0) {
            throw new IllegalArgumentException("not found");
        }
        return at;
    }
}
