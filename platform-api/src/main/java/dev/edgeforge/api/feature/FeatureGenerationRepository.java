package dev.edgeforge.api.feature;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code feature_generation} table: which impulse version each features job computes. */
@Repository
class FeatureGenerationRepository {

    private final JdbcClient jdbc;

    FeatureGenerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID jobId, UUID projectId, int impulseVersion, int sampleCount, Instant createdAt, UUID createdBy) {
        jdbc.sql("""
                        INSERT INTO feature_generation
                            (job_id, project_id, impulse_version, sample_count, created_at, created_by)
                        VALUES (:job, :project, :version, :samples, :createdAt, :createdBy)""")
                .param("job", jobId)
                .param("project", projectId)
                .param("version", impulseVersion)
                .param("samples", sampleCount)
                .param("createdAt", Timestamp.from(createdAt))
                .param("createdBy", createdBy)
                .update();
    }

    /** The jobs of one impulse version, newest first. */
    List<UUID> jobs(UUID projectId, int impulseVersion, int limit) {
        return jdbc.sql("""
                        SELECT job_id FROM feature_generation WHERE project_id = :project AND impulse_version = :version
                        ORDER BY created_at DESC, job_id LIMIT :limit""")
                .param("project", projectId)
                .param("version", impulseVersion)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
