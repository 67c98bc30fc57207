package dev.edgeforge.api.impulse;

import dev.edgeforge.core.impulse.ImpulseJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code impulse_version} table. Rows are only ever inserted. */
@Repository
class ImpulseRepository {

    private final JdbcClient jdbc;

    ImpulseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredImpulse> latest(UUID projectId) {
        return jdbc.sql("""
                        SELECT project_id, version, json::text AS json, created_at, created_by FROM impulse_version
                        WHERE project_id = :project ORDER BY version DESC LIMIT 1""")
                .param("project", projectId)
                .query(ImpulseRepository::row)
                .optional();
    }

    Optional<StoredImpulse> find(UUID projectId, int version) {
        return jdbc.sql("""
                        SELECT project_id, version, json::text AS json, created_at, created_by FROM impulse_version
                        WHERE project_id = :project AND version = :version""")
                .param("project", projectId)
                .param("version", version)
                .query(ImpulseRepository::row)
                .optional();
    }

    /** Every version, newest first. */
    List<StoredImpulse> all(UUID projectId) {
        return jdbc.sql("""
                        SELECT project_id, version, json::text AS json, created_at, created_by FROM impulse_version
                        WHERE project_id = :project ORDER BY version DESC""")
                .param("project", projectId)
                .query(ImpulseRepository::row)
                .list();
    }

    int latestVersion(UUID projectId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM impulse_version WHERE project_id = :project")
                .param("project", projectId)
                .query(Integer.class)
                .single();
    }

    void insert(StoredImpulse stored) {
        jdbc.sql("""
                        INSERT INTO impulse_version (project_id, version, json, created_at, created_by)
                        VALUES (:project, :version, CAST(:json AS jsonb), :createdAt, :createdBy)""")
                .param("project", stored.projectId())
                .param("version", stored.version())
                .param("json", ImpulseJson.write(stored.impulse()))
                .param("createdAt", Timestamp.from(stored.createdAt()))
                .param("createdBy", stored.createdBy())
                .update();
    }

    private static StoredImpulse row(ResultSet rs, int rowNumber) throws SQLException {
        return new StoredImpulse(
                rs.getObject("project_id", UUID.class),
                ImpulseJson.read(rs.getString("json")).withVersion(rs.getInt("version")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
