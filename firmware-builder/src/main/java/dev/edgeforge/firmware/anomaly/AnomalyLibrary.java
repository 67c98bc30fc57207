package dev.edgeforge.firmware.anomaly;

import dev.edgeforge.core.device.ImpulseDsp;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A generated anomaly library on disk.
 *
 * @param root               its directory
 * @param sources            the C files to compile, in link order
 * @param includeDirectories where its headers are
 * @param modelName          the model's name
 * @param sha256             SHA-256 of the model's stored JSON with the threshold (what the tables come from)
 * @param featureCount       features per window
 * @param impulse            the impulse's DSP part, when the library holds it
 * @param constantBytes      bytes of the model's float32 tables
 */
public record AnomalyLibrary(
        Path root,
        List<Path> sources,
        List<Path> includeDirectories,
        String modelName,
        String sha256,
        int featureCount,
        Optional<ImpulseDsp> impulse,
        long constantBytes) {

    public AnomalyLibrary {
        sources = List.copyOf(sources);
        includeDirectories = List.copyOf(includeDirectories);
    }
}
