package dev.edgeforge.api.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code deployments} table. State changes are guarded by {@code state IN ('queued', 'building')}: once a
 * deployment reached a final state, nothing changes it again, however often or late its job's events come.
 */
@Repository
class DeploymentRepository {

    private static final String COLUMNS = """
            id, project_id, model_id, model_name, variant, target, format, state, job_id, sizes::text AS sizes,
            memory_report::text AS memory_report, verification::text AS verification, verified, bundle_object_key,
            bundle_file_name, bundle_bytes, sha256, error, created_at, finished_at, over_budget::text AS over_budget,
            checklist::text AS checklist""";
    private static final String OPEN = "state IN ('queued', 'building')";

    private final JdbcClient jdbc;

    DeploymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Deployment d) {
        jdbc.sql("""
                INSERT INTO deployments (id, project_id, model_id, model_name, variant, target, format, state, job_id,
                                         created_at, over_budget)
                VALUES (:id, :project, :model, :modelName, :variant, :target, :format, :state, :job, :created,
                        CAST(:overBudget AS jsonb))""")
                .param("id", d.id())
                .param("project", d.projectId())
                .param("model", d.modelId())
                .param("modelName", d.modelName())
                .param("variant", d.variant())
                .param("target", d.target())
                .param("format", d.format())
                .param("state", d.state().value())
                .param("job", d.jobId())
                .param("created", utc(d.createdAt()))
                .param("overBudget", d.overBudgetJson())
                .update();
    }

    Optional<Deployment> find(UUID projectId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deployments WHERE project_id = :project AND id = :id")
                .param("project", projectId)
                .param("id", id)
                .query(DeploymentRepository::row)
                .optional();
    }

    /** The project's deployments, newest first. */
    List<Deployment> list(UUID projectId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deployments WHERE project_id = :project "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("project", projectId)
                .param("limit", limit)
                .query(DeploymentRepository::row)
                .list();
    }

    /** The deployment of a deploy job. */
    Optional<Deployment> findByJob(UUID jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deployments WHERE job_id = :job")
                .param("job", jobId)
                .query(DeploymentRepository::row)
                .optional();
    }

    /** Moves an open deployment to {@code building}: a firmware builder took its job. */
    void markBuilding(UUID id) {
        jdbc.sql("UPDATE deployments SET state = 'building' WHERE id = :id AND " + OPEN)
                .param("id", id)
                .update();
    }

    /** Records a finished build; the bundle object exists already. */
    void complete(
            UUID id,
            String sizes,
            String memoryReport,
            String verification,
            boolean verified,
            String bundleKey,
            String bundleFileName,
            long bundleBytes,
            String sha256,
            String checklist,
            Instant finishedAt) {
        jdbc.sql("""
                UPDATE deployments SET state = 'ready', sizes = CAST(:sizes AS jsonb),
                    memory_report = CAST(:memory AS jsonb), verification = CAST(:verification AS jsonb),
                    verified = :verified, bundle_object_key = :key, bundle_file_name = :fileName,
                    bundle_bytes = :bytes, sha256 = :sha256, checklist = CAST(:checklist AS jsonb),
                    finished_at = :finished
                WHERE id = :id AND""" + " " + OPEN)
                .param("sizes", sizes)
                .param("memory", memoryReport)
                .param("verification", verification)
                .param("verified", verified)
                .param("key", bundleKey)
                .param("fileName", bundleFileName)
                .param("bytes", bundleBytes)
                .param("sha256", sha256)
                .param("checklist", checklist)
                .param("finished", utc(finishedAt))
                .param("id", id)
                .update();
    }

    /** Records a deployment that ended without a bundle. */
    void end(UUID id, DeploymentState state, String error, Instant finishedAt) {
        jdbc.sql("UPDATE deployments SET state = :state, error = :error, finished_at = :finished WHERE id = :id AND "
                        + OPEN)
                .param("state", state.value())
                .param("error", error)
                .param("finished", utc(finishedAt))
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Deployment row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        long bytes = rs.getLong("bundle_bytes");
        Long bundleBytes = rs.wasNull() ? null : bytes;
        return new Deployment(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getObject("model_id", UUID.class),
                rs.getString("model_name"),
                rs.getString("variant"),
                rs.getString("target"),
                rs.getString("format"),
                DeploymentState.fromValue(rs.getString("state")),
                rs.getObject("job_id", UUID.class),
                rs.getString("sizes"),
                rs.getString("memory_report"),
                rs.getString("verification"),
                rs.getBoolean("verified"),
                rs.getString("bundle_object_key"),
                rs.getString("bundle_file_name"),
                bundleBytes,
                rs.getString("sha256"),
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("over_budget"),
                rs.getString("checklist"));
    }
}
