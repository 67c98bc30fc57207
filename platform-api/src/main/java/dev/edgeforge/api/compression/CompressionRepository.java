package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobRowOutcomes;
import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.compress.CompressionOptions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;

/**
 * The tables of migrations V8 and V12: a model's compress jobs ({@link CompressionRun}) and its chosen variant. A
 * run's state changes only while it is open ({@code queued} or {@code running}), so an event applied twice or late
 * changes nothing.
 */
@Repository
class CompressionRepository {

    /** How many of a model's compress jobs are looked at, newest first, to find its latest report. */
    static final int HISTORY_LIMIT = 50;

    private static final String RUN_COLUMNS = """
            job_id, model_id, state, options::text AS options, result::text AS result, error, created_at, started_at,
            finished_at""";
    private static final String OPEN = JobRowOutcomes.OPEN;

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

    /** A compress job just enqueued (in the same transaction), queued. */
    void insertJob(UUID jobId, UUID projectId, UUID modelId, CompressionOptions options, Instant createdAt) {
        jdbc.sql("INSERT INTO model_compression_job (job_id, project_id, model_id, state, options, created_at) "
                        + "VALUES (:jobId, :projectId, :modelId, 'queued', CAST(:options AS jsonb), :createdAt)")
                .param("jobId", jobId)
                .param("projectId", projectId)
                .param("modelId", modelId)
                .param("options", JobJson.write(options))
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    /** The model's compress jobs, newest first (at most {@link #HISTORY_LIMIT}). */
    List<CompressionRun> runs(UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM model_compression_job "
                        + "WHERE project_id = :projectId AND model_id = :modelId "
                        + "ORDER BY created_at DESC, job_id DESC LIMIT " + HISTORY_LIMIT)
                .param("projectId", projectId)
                .param("modelId", modelId)
                .query(CompressionRepository::run)
                .list();
    }

    /** A compress job of this model. */
    Optional<CompressionRun> run(UUID jobId, UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM model_compression_job "
                        + "WHERE job_id = :jobId AND project_id = :projectId AND model_id = :modelId")
                .param("jobId", jobId)
                .param("projectId", projectId)
                .param("modelId", modelId)
                .query(CompressionRepository::run)
                .optional();
    }

    /** The model's compress job still queued or running, if any. */
    Optional<CompressionRun> open(UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM model_compression_job "
                        + "WHERE project_id = :projectId AND model_id = :modelId AND " + OPEN
                        + " ORDER BY created_at DESC LIMIT 1")
                .param("projectId", projectId)
                .param("modelId", modelId)
                .query(CompressionRepository::run)
                .optional();
    }

    /** The state of each model's newest compress job, by model, for the project's models that have one. */
    Map<UUID, JobStatus> latestStates(UUID projectId) {
        Map<UUID, JobStatus> states = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (model_id) model_id, state FROM model_compression_job "
                        + "WHERE project_id = :projectId ORDER BY model_id, created_at DESC, job_id DESC")
                .param("projectId", projectId)
                .query(rs -> {
                    states.put(rs.getObject(1, UUID.class), JobStatus.fromValue(rs.getString(2)));
                });
        return states;
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

    private static CompressionRun run(ResultSet rs, int row) throws SQLException {
        return new CompressionRun(
                rs.getObject("job_id", UUID.class),
                rs.getObject("model_id", UUID.class),
                JobStatus.fromValue(rs.getString("state")),
                options(rs.getString("options")),
                rs.getString("result"),
                rs.getString("error"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)));
    }

    private static CompressionOptions options(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JobJson.mapper().readValue(json, CompressionOptions.class);
        } catch (JacksonException e) {
            // options an older or newer version wrote differently: the run is still shown, without them
            return null;
        }
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
