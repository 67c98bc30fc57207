package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of the Compression page's model list.
 *
 * @param id             the model
 * @param name           its name
 * @param kind           classification, regression or anomaly
 * @param state          its state
 * @param compressible   whether it is a trained classifier (compressible once ready)
 * @param latestJobState the state of its newest compress job, or {@code null}
 * @param chosenVariant  the variant chosen for deployment, or {@code null}
 * @param createdAt      when the model was created
 */
public record ModelCompressionItem(
        UUID id,
        String name,
        String kind,
        CompressibleModel.State state,
        boolean compressible,
        JobStatus latestJobState,
        String chosenVariant,
        Instant createdAt) {}
