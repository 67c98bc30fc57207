package dev.edgeforge.api.feature;

import dev.edgeforge.api.job.JobRowOutcomes;
import dev.edgeforge.jobs.feature.FeatureJobPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each {@code feature_generation} row in step with its {@code features} job: running once a worker took it,
 * then succeeded with its result (counts, labels, the manifest and feature set keys), failed or cancelled with why.
 * Only open rows change, so an event that comes twice or late changes nothing.
 */
@Component
class FeatureGenerationOutcomes extends JobRowOutcomes {

    FeatureGenerationOutcomes(JdbcClient jdbc) {
        super(jdbc, "feature_generation", FeatureJobPayload.TYPE);
    }
}
