package dev.edgeforge.api.audit;

import dev.edgeforge.api.project.ProjectActivity;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes every {@link ProjectActivity} down, and reads a project's log back, newest first. */
@Service
public class AuditLog {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE = 200;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs inside the publisher's transaction (a plain, synchronous listener): if this insert fails, the change
     * rolls back with it. An activity published outside a transaction (a download) is written on its own.
     */
    @EventListener
    void record(ProjectActivity activity) {
        events.insert(activity, AuditActor.of(activity.actor()), Timestamp.from(clock.instant()));
    }

    /**
     * A page of the project's log. The caller has checked that its caller may read it.
     *
     * @param before the {@code next} value of the previous page; null for the newest entries
     * @param limit  1 to {@value #MAX_PAGE}
     */
    @Transactional(readOnly = true)
    public AuditPage page(UUID projectId, Long before, int limit) {
        // one more than asked tells whether there is a next page
        List<AuditEventView> rows = events.page(projectId, before, limit + 1);
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEventView> items = rows.subList(0, limit);
        return new AuditPage(items, items.get(items.size() - 1).id());
    }
}
