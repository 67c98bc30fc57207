package dev.edgeforge.jobs.compress;

import dev.edgeforge.jobs.training.ModelArtifactKeys;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a compress job writes: under the model's folder ({@link ModelArtifactKeys#modelPrefix}), one folder per job
 * attempt, {@code compress-{jobId}-{attempt}/}, holding {@code compression-report.json} and
 * {@code variants/{variant}.tflite} for every variant of the report. Deleting the model deletes them with it.
 */
public final class CompressionArtifactKeys {

    /** The report's file name inside the run folder. */
    public static final String REPORT = "compression-report.json";

    /** What a variant name may look like (the names {@code CompressionMethod.variantName} gives). */
    private static final Pattern VARIANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private CompressionArtifactKeys() {}

    /** The folder of one attempt of a compress job on the model, ending in {@code /}. */
    public static String run(UUID projectId, UUID modelId, UUID jobId, int attempt) {
        return ModelArtifactKeys.modelPrefix(projectId, modelId) + "compress-" + Objects.requireNonNull(jobId, "jobId")
                + "-" + attempt + "/";
    }

    /** The report of a run folder. */
    public static String report(String runFolder) {
        return runFolder + REPORT;
    }

    /**
     * The {@code .tflite} file of a variant in a run folder.
     *
     * @throws IllegalArgumentException when {@code variant} is not a variant name (so it can never escape the folder)
     */
    public static String variant(String runFolder, String variant) {
        if (variant == null || !VARIANT.matcher(variant).matches()) {
            throw new IllegalArgumentException("'" + variant + "' is not a variant name");
        }
        return runFolder + "variants/" + variant + ".tflite";
    }
}
