package dev.edgeforge.api.feature;

import dev.edgeforge.api.job.JobRowOutcomes;
import dev.edgeforge.api.job.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code feature_generation} table (migrations V5 and V12): which impulse version each features job computes, and
 * how the job went ({@link FeatureGeneration}). A row's state changes only while it is open ({@code queued} or
 * {@code running}), so an event applied twice or late changes nothing.
 */
@Repository
class FeatureGenerationRepository {

    private static final String COLUMNS = """
            job_id, impulse_version, sample_count, state, result::text AS result, error, created_at, started_at,
            finished_at""";
    private static final String OPEN = JobRowOutcomes.OPEN;

    private final JdbcClient jdbc;

    FeatureGenerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A features job just enqueued (in the same transaction), queued. */
    void insert(UUID jobId, UUID projectId, int impulseVersion, int sampleCount, Instant createdAt, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO feature_generation
                            (job_id, project_id, impulse_version, sample_count, state, created_at, created_by)
                        VALUES (:job, :project, :version, :samples, 'queued', :createdAt, :createdBy)""")
                .param("job", jobId)
                .param("project", projectId)
                .param("version", impulseVersion)
                .param("samples", sampleCount)
                .param("createdAt", Timestamp.from(createdAt))
                .param("createdBy", createdBy)
                .update();
    }

    /** The newest job of one impulse version. */
    Optional<FeatureGeneration> latest(UUID projectId, int impulseVersion) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feature_generation "
                        + "WHERE project_id = :project AND impulse_version = :version "
                        + "ORDER BY created_at DESC, job_id LIMIT 1")
                .param("project", projectId)
                .param("version", impulseVersion)
                .query(FeatureGenerationRepository::row)
                .optional();
    }

    /** The job of one impulse version still queued or running, if any. */
    Optional<FeatureGeneration> open(UUID projectId, int impulseVersion) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feature_generation "
                        + "WHERE project_id = :project AND impulse_version = :version AND " + OPEN
                        + " ORDER BY created_at DESC, job_id LIMIT 1")
                .param("project", projectId)
                .param("version", impulseVersion)
                .query(FeatureGenerationRepository::row)
                .optional();
    }

    /** The newest job of one impulse version that succeeded with a result. */
    Optional<FeatureGeneration> latestSucceeded(UUID projectId, int impulseVersion) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feature_generation "
                        + "WHERE project_id = :project AND impulse_version = :version AND state = 'succeeded' "
                        + "AND result IS NOT NULL ORDER BY created_at DESC, job_id LIMIT 1")
                .param("project", projectId)
                .param("version", impulseVersion)
                .query(FeatureGenerationRepository::row)
                .optional();
    }

    private static FeatureGeneration row(ResultSet rs, int row) throws SQLException {
        return new FeatureGeneration(
                rs.getObject("job_id", UUID.class),
                rs.getInt("impulse_version"),
                rs.getInt("sample_count"),
                JobStatus.fromValue(rs.getString("state")),
                rs.getString("result"),
                rs.getString("error"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
