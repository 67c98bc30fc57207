package dev.edgeforge.firmware.verification;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.codegen.TestWindow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to verify a firmware image against.
 *
 * @param model   the int8 model the image was built from (the Java reference interpreter runs it)
 * @param impulse the impulse, needed when windows are raw (their features are computed in Java)
 * @param labels  class labels in output order, for accuracy (empty: the model's own, or none)
 * @param windows the test windows: int8 input tensors, float features (quantized with the input tensor's scale
 *                and zero point) or raw windows
 */
public record VerificationRequest(
        ModelGraph model, Optional<Impulse> impulse, List<String> labels, List<TestWindow> windows) {

    public VerificationRequest {
        Objects.requireNonNull(model, "model");
        impulse = impulse == null ? Optional.empty() : impulse;
        labels = List.copyOf(labels == null || labels.isEmpty() ? model.labels() : labels);
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("verification needs at least one test window");
        }
    }
}
