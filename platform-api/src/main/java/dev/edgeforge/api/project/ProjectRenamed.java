package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/** A project got a new name. */
public record ProjectRenamed(UUID projectId, EdgeForgePrincipal actor, String from, String to)
        implements ProjectActivity {

    @Override
    public String action() {
        return "project.renamed";
    }

    @Override
    public String target() {
        return "project/" + projectId;
    }

    @Override
    public String summary() {
        return "Project renamed from \u201c" + from + "\u201d to \u201c" + to + "\u201d";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("from", from, "to", to);
    }
}
