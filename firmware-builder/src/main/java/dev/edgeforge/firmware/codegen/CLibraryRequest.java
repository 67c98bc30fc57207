package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.model.ModelGraph;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to compile into a C library.
 *
 * @param modelName a name for people (banner, file headers)
 * @param model     the quantized int8 model
 * @param labels    class labels in output order (empty: the model's own labels, or none)
 * @param impulse   the impulse whose processing block produces the model's features, when raw windows should be
 *                  classified on the device
 * @param arena     who owns the activation arena
 */
public record CLibraryRequest(
        String modelName, ModelGraph model, List<String> labels, Optional<Impulse> impulse, ArenaOwner arena) {

    /** Who owns the activation arena. */
    public enum ArenaOwner {
        /** A static array inside the library (the {@code c-library} and {@code firmware} formats). */
        LIBRARY,
        /** A buffer the application passes in (X-CUBE-AI's activations buffer, {@code stm32cubeai}). */
        APPLICATION
    }

    public CLibraryRequest {
        Objects.requireNonNull(model, "model");
        labels = List.copyOf(labels == null || labels.isEmpty() ? model.labels() : labels);
        impulse = impulse == null ? Optional.empty() : impulse;
        arena = arena == null ? ArenaOwner.LIBRARY : arena;
    }

    /** A library with its own arena. */
    public CLibraryRequest(String modelName, ModelGraph model, List<String> labels, Optional<Impulse> impulse) {
        this(modelName, model, labels, impulse, ArenaOwner.LIBRARY);
    }

    public static CLibraryRequest of(String modelName, ModelGraph model) {
        return new CLibraryRequest(modelName, model, List.of(), Optional.empty());
    }
}
