package dev.edgeforge.firmware.tflm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow Lite Micro compiled for one core, ready to link.
 *
 * @param archive         the static library (framework + the model's kernels)
 * @param thirdParty      the headers it was compiled with; an application must use the same
 * @param sources         how many TFLM sources it holds
 * @param compiledSources how many of them this build compiled (0 when every object was cached)
 * @param elapsed         how long the build took
 */
public record TflmLibrary(Path archive, TflmThirdParty thirdParty, int sources, int compiledSources, Duration elapsed) {

    /** {@code -I} flags for an application, in the order the library was compiled with. */
    public List<String> includeFlags() {
        List<String> flags = new ArrayList<>();
        for (Path include : thirdParty.includeDirectories()) {
            flags.add("-I" + include);
        }
        return flags;
    }
}
