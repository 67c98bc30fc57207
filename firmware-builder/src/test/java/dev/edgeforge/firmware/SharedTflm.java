package dev.edgeforge.firmware;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pinned TensorFlow Lite Micro checkout in the shared folder ({@code shared/tflm/tflite-micro}), found beside
 * the MLPerf Tiny models (whose golden outputs its reference kernels produced). Tests fail, never skip, without it.
 */
public final class SharedTflm {

    private SharedTflm() {}

    /**
     * TFLM's compiled objects, kept in the module's build folder so every test (and every run until
     * {@code mvn clean}) compiles each TFLM source once.
     */
    public static Path objectCache() {
        return Path.of("target", "tflm-objects").toAbsolutePath();
    }

    public static Path checkout() {
        Path checkout =
                MlperfTiny.directory().resolve("../../tflm/tflite-micro").normalize();
        if (!Files.isRegularFile(checkout.resolve("tensorflow/lite/micro/micro_interpreter.h"))) {
            throw new IllegalStateException("the TFLM checkout is missing: no " + checkout);
        }
        return checkout;
    }
}
