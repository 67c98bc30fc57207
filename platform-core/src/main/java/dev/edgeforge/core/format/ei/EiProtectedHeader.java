package dev.edgeforge.core.format.ei;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code protected} object of an Edge Impulse message.
 *
 * @param version   {@code ver}, always {@code v1}
 * @param algorithm {@code alg}
 * @param issuedAt  {@code iat}, seconds since the epoch, when the device had a clock
 */
public record EiProtectedHeader(String version, EiAlgorithm algorithm, Optional<Long> issuedAt) {

    /** The only version of the format. */
    public static final String V1 = "v1";

    public EiProtectedHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
