package dev.edgeforge.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a model is in its life: training until its job ends, then ready, failed or cancelled. */
public enum ModelState {
    TRAINING,
    READY,
    FAILED,
    CANCELLED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ModelState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
