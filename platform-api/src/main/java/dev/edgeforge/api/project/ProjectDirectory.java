package dev.edgeforge.api.project;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every project by id and name, for platform-wide views of other features (an administrator's storage quotas): they
 * read the projects through here instead of querying this feature's {@code project} table themselves.
 */
@Component
public class ProjectDirectory {

    /** A project's id and name. */
    public record Entry(UUID id, String name) {}

    private final JdbcClient jdbc;

    ProjectDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All projects, by name (case-insensitive), then id. */
    public List<Entry> all() {
        return jdbc.sql("SELECT id, name FROM project ORDER BY lower(name), id")
                .query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    public boolean exists(UUID projectId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM project WHERE id = :id)")
                .param("id", projectId)
                .query(Boolean.class)
                .single();
    }
}
