package dev.edgeforge.api.compression;

import java.time.Instant;
import java.util.UUID;

/**
 * The variant of a model chosen for deployment: a variant of one compression report.
 *
 * @param modelId   the model
 * @param variant   the variant's name in the report, e.g. {@code structured-pruning-int8}
 * @param jobId     the compress job whose report it is
 * @param reportKey object key of that report ({@code compression-report.json})
 * @param tfliteKey object key of the variant's {@code .tflite}
 * @param chosenBy  the user who chose it, or {@code null} (an API key, or a deleted account)
 * @param updatedAt when it was chosen
 */
public record ChosenVariant(
        UUID modelId,
        String variant,
        UUID jobId,
        String reportKey,
        String tfliteKey,
        UUID chosenBy,
        Instant updatedAt) {}
