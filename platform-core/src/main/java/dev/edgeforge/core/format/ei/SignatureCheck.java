package dev.edgeforge.core.format.ei;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link EiSignatureVerifier#check}: a message's signature checked against every key at hand.
 *
 * @param status    {@link EiSignatureStatus#VERIFIED} when a key confirms it, {@link EiSignatureStatus#NOT_VERIFIED}
 *                  when there was no key to check it with, {@link EiSignatureStatus#INVALID} when the keys disprove
 *                  it, {@link EiSignatureStatus#NOT_SIGNED} for {@code alg: none}
 * @param keyIndex  for a verified message, the index of the first key that confirms it
 * @param signature the message's {@code signature} value
 * @param detail    a sentence naming the signature and what was found, fit for a message to people
 */
public record SignatureCheck(EiSignatureStatus status, Optional<Integer> keyIndex, String signature, String detail) {

    public SignatureCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(keyIndex, "keyIndex");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(detail, "detail");
        if (keyIndex.isPresent() != (status == EiSignatureStatus.VERIFIED)) {
            throw new IllegalArgumentException("a key index is given exactly for a verified signature");
        }
    }
}
