package dev.edgeforge.api.audit;

import dev.edgeforge.api.project.ProjectActivity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code audit_event} table: insert and read back, nothing else. */
@Repository
class AuditEventRepository {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts in the caller's transaction, if there is one. */
    void insert(ProjectActivity activity, AuditActor actor, Timestamp at) {
        jdbc.sql("""
                        INSERT INTO audit_event (project_id, at, actor_kind, actor_id, actor_name, action, target,
                                                 summary, details)
                        VALUES (:projectId, :at, :actorKind, :actorId, :actorName, :action, :target, :summary,
                                :details::jsonb)""")
                .param("projectId", activity.projectId())
                .param("at", at)
                .param("actorKind", actor.kind())
                .param("actorId", actor.id())
                .param("actorName", truncate(actor.name(), 320))
                .param("action", activity.action())
                .param("target", truncate(activity.target(), 200))
                .param("summary", truncate(activity.summary(), 1000))
                .param("details", json.writeValueAsString(activity.details()))
                .update();
    }

    /** Up to {@code limit} entries of the project older than {@code before} (all when null), newest first. */
    List<AuditEventView> page(UUID projectId, Long before, int limit) {
        String olderThan = before == null ? "" : " AND id < :before";
        JdbcClient.StatementSpec query =
                jdbc.sql("""
                        SELECT id, at, actor_kind, actor_id, actor_name, action, target, summary, details::text
                        FROM audit_event
                        WHERE project_id = :projectId""" + olderThan + """

                        ORDER BY id DESC
                        LIMIT :limit""").param("projectId", projectId).param("limit", limit);
        if (before != null) {
            query = query.param("before", before);
        }
        return query.query(this::row).list();
    }

    private AuditEventView row(ResultSet rs, int rowNumber) throws SQLException {
        return new AuditEventView(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                new AuditActor(
                        rs.getString("actor_kind"), rs.getObject("actor_id", UUID.class), rs.getString("actor_name")),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("summary"),
                json.readValue(rs.getString("details"), DETAILS));
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "\u2026" : text;
    }
}
