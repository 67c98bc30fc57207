package dev.edgeforge.api.compression;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of migration V8: a model's compress jobs and its chosen variant. */
@Repository
class CompressionRepository {

    /** How many of a model's compress jobs are looked at, newest first, to find its latest report. */
    static final int HISTORY_LIMIT = 50;

    private final JdbcClient jdbc;

    CompressionRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Serializes starting compressions of one model until the transaction ends, so that two requests cannot both
     * see no running job and both enqueue one.
     */
    void lockModel(UUID modelId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
                .param("key", modelId.getMostSignificantBits() ^ modelId.getLeastSignificantBits())
                .query(Integer.class)
                .single();
    }

    void insertJob(UUID jobId, UUID projectId, UUID modelId, Instant createdAt) {
        jdbc.sql("INSERT INTO model_compression_job (job_id, project_id, model_id, created_at) "
                        + "VALUES (:jobId, :projectId, :modelId, :createdAt)")
                .param("jobId", jobId)
                .param("projectId", projectId)
                .param("modelId", modelId)
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    /** The model's compress jobs, newest first (at most {@link #HISTORY_LIMIT}). */
    List<UUID> jobs(UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT job_id FROM model_compression_job "
                        + "WHERE project_id = :projectId AND model_id = :modelId "
                        + "ORDER BY created_at DESC, job_id DESC LIMIT " + HISTORY_LIMIT)
                .param("projectId", projectId)
                .param("modelId", modelId)
                .query(UUID.class)
                .list();
    }

    /** Whether the compress job belongs to this model. */
    boolean isJobOf(UUID jobId, UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT count(*) FROM model_compression_job WHERE job_id = :jobId AND project_id = :projectId "
                                + "AND model_id = :modelId")
                        .param("jobId", jobId)
                        .param("projectId", projectId)
                        .param("modelId", modelId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void saveChoice(ChosenVariant choice, UUID projectId) {
        jdbc.sql("""
                        INSERT INTO model_variant_choice
                            (model_id, project_id, variant, job_id, report_key, tflite_key, chosen_by, updated_at)
                        VALUES (:modelId, :projectId, :variant, :jobId, :reportKey, :tfliteKey, :chosenBy, :updatedAt)
                        ON CONFLICT (model_id) DO UPDATE SET variant = EXCLUDED.variant, job_id = EXCLUDED.job_id,
                            report_key = EXCLUDED.report_key, tflite_key = EXCLUDED.tflite_key,
                            chosen_by = EXCLUDED.chosen_by, updated_at = EXCLUDED.updated_at""")
                .param("modelId", choice.modelId())
                .param("projectId", projectId)
                .param("variant", choice.variant())
                .param("jobId", choice.jobId())
                .param("reportKey", choice.reportKey())
                .param("tfliteKey", choice.tfliteKey())
                .param("chosenBy", choice.chosenBy())
                .param("updatedAt", Timestamp.from(choice.updatedAt()))
                .update();
    }

    Optional<ChosenVariant> choice(UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT model_id, variant, job_id, report_key, tflite_key, chosen_by, updated_at "
                        + "FROM model_variant_choice WHERE project_id = :projectId AND model_id = :modelId")
                .param("projectId", projectId)
                .param("modelId", modelId)
                .query((rs, row) -> new ChosenVariant(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .optional();
    }
}
