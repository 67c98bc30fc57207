package dev.edgeforge.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a model came to be: trained in the project, or an uploaded {@code .tflite} file. */
public enum ModelSource {
    TRAINED,
    IMPORTED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ModelSource of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
