package dev.edgeforge.core.model.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a model variant was made from the trained model; in JSON the lower-case names below. */
public enum CompressionMethod {
    /** The trained model itself (float32) or only quantized (int8). */
    @JsonProperty("baseline")
    BASELINE("baseline"),
    /** Smallest weights set to zero while fine-tuning; same architecture. */
    @JsonProperty("magnitude-pruning")
    MAGNITUDE_PRUNING("magnitude-pruning"),
    /** Least important units and filters removed, then fine-tuned; a smaller architecture. */
    @JsonProperty("structured-pruning")
    STRUCTURED_PRUNING("structured-pruning"),
    /** A smaller student trained from the model's outputs. */
    @JsonProperty("distillation")
    DISTILLATION("distillation");

    private final String jsonName;

    CompressionMethod(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * The variant name of this method at a precision: {@code float32} and {@code int8} for the baseline, else the
     * method's name, with {@code -int8} for the quantized one (e.g. {@code structured-pruning-int8}).
     */
    public String variantName(boolean int8) {
        if (this == BASELINE) {
            return int8 ? "int8" : "float32";
        }
        return int8 ? jsonName + "-int8" : jsonName;
    }
}
