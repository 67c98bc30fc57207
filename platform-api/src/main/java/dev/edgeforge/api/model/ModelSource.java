package dev.edgeforge.api.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a model came to be: trained in the project, or an uploaded {@code .tflite} file. */
public enum ModelSource {
    TRAINED, IMPORTED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ModelSource of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
