package dev.edgeforge.core.format.ei;

import dev.edgeforge.core.sample.SampleData;
import java.util.Locale;
import java.util.Optional;

/**
 * Element type of the binary variant of the CBOR message, where {@code values} is
 * {@code ["Ref-BINARY-i16"]} (or {@code u16}, {@code f32}) and the raw little-endian values, interleaved by axis,
 * follow the CBOR header.
 */
public enum EiBinaryType {
    /** Signed 16-bit integers, kept as-is (audio on the int16 scale). */
    I16("i16", 2),
    /** Unsigned 16-bit integers, kept as-is (0..65535). */
    U16("u16", 2),
    /** IEEE 754 32-bit floats. */
    F32("f32", 4);

    /** The reference prefix; Edge Impulse devices write {@code Ref-BINARY-}, the match is case-insensitive. */
    static final String REF_PREFIX = "Ref-BINARY-";

    private final String suffix;
    private final int bytesPerValue;

    EiBinaryType(String suffix, int bytesPerValue) {
        this.suffix = suffix;
        this.bytesPerValue = bytesPerValue;
    }

    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** The reference string written into {@code values}, e.g. {@code Ref-BINARY-i16}. */
    public String reference() {
        return REF_PREFIX + suffix;
    }

    /** The type a reference names (case-insensitive, trailing padding spaces ignored), if it is one of ours. */
    static Optional<EiBinaryType> fromReference(String reference) {
        String trimmed = reference.strip().toLowerCase(Locale.ROOT);
        for (EiBinaryType t : values()) {
            if (trimmed.equals(t.reference().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether every value of {@code data} is stored exactly by this type (always true for {@link #F32}). */
    public boolean canHoldExactly(SampleData data) {
        if (this == F32) {
            return true;
        }
        double min = this == I16 ? Short.MIN_VALUE : 0;
        double max = this == I16 ? Short.MAX_VALUE : 65535;
        for (int a = 0; a < data.axisCount(); a++) {
            for (int i = 0; i < data.length(); i++) {
                float v = data.value(a, i);
                if (v != Math.rint(v) || v < min || v > max) {
                    return false;
                }
            }
        }
        return true;
    }
}
