package dev.edgeforge.core.format.ei;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link EiSignatureVerifier#verify}: valid, or the specific reason it is not.
 *
 * @param outcome   what was found
 * @param signature the message's {@code signature} value, when it has one
 * @param detail    a sentence naming the signature and the problem, fit for an error message
 */
public record SignatureVerification(Outcome outcome, Optional<String> signature, String detail) {

    /** What verification found. */
    public enum Outcome {
        /** HS256 and the signature matches. */
        VALID,
        /** HS256, a well-formed signature, but not the HMAC of this message under this key. */
        MISMATCH,
        /** HS256 but the signature is not 64 hexadecimal characters stored as a plain string. */
        MALFORMED_SIGNATURE,
        /** {@code alg} is {@code none}: there is nothing to verify. */
        NOT_SIGNED,
        /** The bytes are not a readable Edge Impulse message; {@code detail} says why. */
        UNREADABLE_MESSAGE
    }

    public SignatureVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
