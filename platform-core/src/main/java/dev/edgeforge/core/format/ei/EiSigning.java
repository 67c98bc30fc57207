package dev.edgeforge.core.format.ei;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link EiAcquisitionWriter} signs: unsigned ({@code alg: none}) or HMAC-SHA256 with a key, optionally with an
 * issued-at time.
 *
 * @param algorithm the {@code protected.alg} to write
 * @param hmacKey   the key, present exactly when the algorithm is HS256
 * @param issuedAt  {@code protected.iat} in seconds since the epoch, omitted when empty
 */
public record EiSigning(EiAlgorithm algorithm, Optional<String> hmacKey, Optional<Long> issuedAt) {

    public EiSigning {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hmacKey, "hmacKey");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if ((algorithm == EiAlgorithm.HS256) != hmacKey.isPresent()) {
            throw new IllegalArgumentException("an HMAC key is needed for HS256 and only for HS256");
        }
        hmacKey.ifPresent(EiSignatureVerifier::requireUsableKey);
    }

    /** {@code alg: none}, no {@code iat}. */
    public static EiSigning none() {
        return new EiSigning(EiAlgorithm.NONE, Optional.empty(), Optional.empty());
    }

    /** {@code alg: HS256} with this key, no {@code iat}. */
    public static EiSigning hs256(String hmacKey) {
        return new EiSigning(EiAlgorithm.HS256, Optional.of(hmacKey), Optional.empty());
    }

    /** The same signing with {@code protected.iat} set. */
    public EiSigning withIssuedAt(long epochSeconds) {
        return new EiSigning(algorithm, hmacKey, Optional.of(epochSeconds));
    }
}
