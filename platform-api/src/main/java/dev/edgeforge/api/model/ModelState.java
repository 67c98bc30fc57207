package dev.edgeforge.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a model is in its life: training until its job ends, then ready, failed or cancelled. */
public enum ModelState {
    TRAINING,
    READY,
    FAILED,
    CANCELLED;

    /** The value stored in {@code model.state} and shown by the API. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value, so that templates print the state as the API shows it. */
    @Override
    public String toString() {
        return value();
    }

    static ModelState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
