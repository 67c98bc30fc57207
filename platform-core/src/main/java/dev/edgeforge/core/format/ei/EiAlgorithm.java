package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.format.SampleFormatException;

/** The {@code protected.alg} of an Edge Impulse message: HMAC-SHA256 or unsigned. */
public enum EiAlgorithm {
    HS256("HS256"),
    NONE("none");

    private final String headerValue;

    EiAlgorithm(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value as written in {@code protected.alg}. */
    public String headerValue() {
        return headerValue;
    }

    /**
     * The algorithm named by {@code protected.alg} ({@code HS256} or {@code none}, compared without case).
     *
     * @throws SampleFormatException for any other value
     */
    public static EiAlgorithm fromHeader(String value) {
        for (EiAlgorithm alg : values()) {
            if (alg.headerValue.equalsIgnoreCase(value)) {
                return alg;
            }
        }
        throw new SampleFormatException(
                SampleFormatException.Reason.UNSUPPORTED,
                "protected.alg '" + value + "' is not supported (HS256 or none)");
    }
}
