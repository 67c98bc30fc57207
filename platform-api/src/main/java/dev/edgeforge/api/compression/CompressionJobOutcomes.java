package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobRowOutcomes;
import dev.edgeforge.jobs.compress.CompressJobPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each {@code model_compression_job} row in step with its {@code compress} job: running once a worker took it,
 * then succeeded with its result (the report and the variants' keys), failed or cancelled with why. Only open rows
 * change, so an event that comes twice or late changes nothing; a job of another feature finds no row.
 */
@Component
class CompressionJobOutcomes extends JobRowOutcomes {

    CompressionJobOutcomes(JdbcClient jdbc) {
        super(jdbc, "model_compression_job", CompressJobPayload.TYPE);
    }
}
