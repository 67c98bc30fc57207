package dev.edgeforge.api.sample;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a sample is used: training, testing, or anomaly (data from deployed devices, kept apart). */
public enum SampleCategory {
    TRAINING,
    TESTING,
    ANOMALY;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws SampleRequestViolation naming the value and the allowed ones */
    @JsonCreator
    public static SampleCategory fromValue(String value) {
        String v = value == null ? "" : value.trim();
        for (SampleCategory category : values()) {
            if (category.value().equalsIgnoreCase(v)) {
                return category;
            }
        }
        throw new SampleRequestViolation("category", "must be one of training, testing, anomaly, got '" + value + "'");
    }
}
