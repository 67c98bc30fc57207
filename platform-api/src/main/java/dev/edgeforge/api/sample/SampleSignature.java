package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.ei.EiSignatureStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The signature status of a sample as the API shows and filters it; only Edge Impulse messages (JSON, CBOR) have one.
 * As in Edge Impulse, signed data is kept whatever its signature and marked; only a project that requires signed data
 * refuses what is not verified, and only from devices (see {@code project.SignedDataPolicy}).
 */
public enum SampleSignature {
    /** Signed (HS256) and confirmed by one of the project's HMAC keys. */
    VERIFIED(EiSignatureStatus.VERIFIED),
    /** Signed, but the project had no HMAC key to check it with; checked again when asked (bulk action). */
    UNVERIFIED(EiSignatureStatus.NOT_VERIFIED),
    /** Signed, but the project's HMAC keys disprove the signature (altered data, or signed with another key). */
    INVALID(EiSignatureStatus.INVALID),
    /** Not signed ({@code alg: none}). */
    UNSIGNED(EiSignatureStatus.NOT_SIGNED);

    private final EiSignatureStatus status;

    SampleSignature(EiSignatureStatus status) {
        this.status = status;
    }

    /** What the API says: {@code verified}, {@code unverified}, {@code invalid}, {@code unsigned}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code sample.signature_status} column's value. */
    public String stored() {
        return status.name();
    }

    public static SampleSignature of(EiSignatureStatus status) {
        for (SampleSignature s : values()) {
            if (s.status == status) {
                return s;
            }
        }
        throw new IllegalArgumentException("no sample signature for " + status);
    }

    /** The status of a stored row; empty for formats without signatures. */
    public static Optional<SampleSignature> ofStored(String stored) {
        return stored == null ? Optional.empty() : Optional.of(of(EiSignatureStatus.valueOf(stored)));
    }

    /** @throws SampleRequestViolation naming the value and the allowed ones */
    public static SampleSignature fromValue(String field, String value) {
        String v = value == null ? "" : value.strip();
        for (SampleSignature s : values()) {
            if (s.value().equalsIgnoreCase(v)) {
                return s;
            }
        }
        throw new SampleRequestViolation(
                field, "must be one of verified, unverified, invalid, unsigned, got '" + value + "'");
    }
}
