package dev.edgeforge.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a project's audit log.
 *
 * @param id      increases with every entry: the log's order, and the {@code before} cursor of the next page
 * @param action  e.g. {@code api-key.created} (see {@link dev.edgeforge.api.project.ProjectActivity#action()})
 * @param target  {@code kind/id} of what was acted on
 * @param summary one sentence for people
 */
public record AuditEventView(
        long id,
        Instant at,
        AuditActor actor,
        String action,
        String target,
        String summary,
        Map<String, Object> details) {}
