package dev.edgeforge.firmware.anomaly;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import java.util.Objects;
import java.util.Optional;

/**
 * What to compile: an anomaly model, the threshold the user saved, and the impulse that computes its features.
 *
 * @param modelName a name for people (file headers, the serial banner)
 * @param model     the stored model
 * @param threshold a window whose score is above it is an anomaly
 * @param impulse   the impulse (one processing block), or empty for a model fed features directly
 */
public record AnomalyLibraryRequest(String modelName, AnomalyModel model, double threshold, Optional<Impulse> impulse) {

    public AnomalyLibraryRequest {
        Objects.requireNonNull(model, "model");
        modelName = modelName == null || modelName.isBlank() ? "model" : modelName;
        impulse = impulse == null ? Optional.empty() : impulse;
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the anomaly threshold must be finite, got " + threshold);
        }
    }
}
