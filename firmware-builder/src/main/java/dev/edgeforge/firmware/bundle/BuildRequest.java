package dev.edgeforge.firmware.bundle;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to deploy.
 *
 * @param modelName   a name for people: file headers, the serial banner, the bundle's file name
 * @param model       the quantized int8 model
 * @param impulse     the impulse whose processing block computes the model's features (optional; with it the
 *                    library and firmware can classify raw windows)
 * @param labels      class labels in output order (empty: the model's own, or none)
 * @param boardId     the target board ({@code BoardCatalogue} id); for {@code c-library} the board the sizes are
 *                    measured on
 * @param format      what to produce
 * @param testWindows test windows; the first (a raw one when there is an impulse and one is raw) becomes the
 *                    firmware's built-in boot window
 */
public record BuildRequest(
        String modelName,
        ModelGraph model,
        Optional<Impulse> impulse,
        List<String> labels,
        String boardId,
        DeploymentFormat format,
        List<TestWindow> testWindows) {

    public BuildRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(format, "format");
        modelName = modelName == null || modelName.isBlank() ? "model" : modelName;
        impulse = impulse == null ? Optional.empty() : impulse;
        labels = labels == null ? List.of() : List.copyOf(labels);
        testWindows = testWindows == null ? List.of() : List.copyOf(testWindows);
    }

    /** The window built into firmware images: the first raw window with an impulse, else the first window. */
    public Optional<TestWindow> bootWindow() {
        if (impulse.isPresent()) {
            Optional<TestWindow> raw = testWindows.stream()
                    .filter(window -> window.kind() == TestWindow.Kind.RAW)
                    .findFirst();
            if (raw.isPresent()) {
                return raw;
            }
        }
        return testWindows.stream()
                .filter(window -> window.kind() != TestWindow.Kind.RAW)
                .findFirst();
    }
}
