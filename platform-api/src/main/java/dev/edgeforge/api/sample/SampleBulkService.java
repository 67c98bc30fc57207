package dev.edgeforge.api.sample;

import dev.edgeforge.api.project.ProjectGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Relabel, move, enable, disable or delete many samples at once: a filtered selection or a list of ids. */
@Service
public class SampleBulkService {

    /** Most ids one request may list (a filter has no limit). */
    public static final int MAX_IDS = 10_000;

    /** What to do with the selection. */
    public enum Action {
        RELABEL,
        MOVE,
        ENABLE,
        DISABLE,
        DELETE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action fromValue(String value) {
            for (Action action : values()) {
                if (action.value().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return action;
                }
            }
            throw new SampleRequestViolation(
                    "action", "must be one of relabel, move, enable, disable, delete, got '" + value + "'");
        }
    }

    /**
     * One bulk request: either a filter or ids.
     *
     * @param label    for relabel: the new label, null for "no label"
     * @param category for move: the category to move to
     */
    public record Request(SampleFilter filter, List<UUID> ids, Action action, String label, SampleCategory category) {}

    /** What happened: how many samples the selection held and how many were changed. */
    public record Result(String action, int matched, int affected) {}

    private final SampleRepository samples;
    private final Clock clock;

    SampleBulkService(SampleRepository samples, Clock clock) {
        this.samples = samples;
        this.clock = clock;
    }

    @Transactional
    public Result apply(ProjectGrant grant, Request request) {
        UUID projectId = grant.projectId();
        if ((request.filter() == null) == (request.ids() == null)) {
            throw new SampleRequestViolation("filter", "or 'ids' must be given, not both and not neither");
        }
        if (request.ids() != null && request.ids().size() > MAX_IDS) {
            throw new SampleRequestViolation(
                    "ids",
                    "lists " + request.ids().size() + " samples; at most " + MAX_IDS + " per request, or use a filter");
        }
        if (request.action() == Action.MOVE && request.category() == null) {
            throw new SampleRequestViolation("category", "is required to move samples");
        }
        if (request.ids() != null && request.ids().isEmpty()) {
            return new Result(request.action().value(), 0, 0);
        }
        SampleSelection selection = request.ids() != null
                ? SampleSelection.ofIds(projectId, request.ids())
                : SampleSelection.of(projectId, request.filter());
        int matched = samples.count(selection);
        Instant now = clock.instant();
        int affected = switch (request.action()) {
            case RELABEL -> samples.setLabel(selection, request.label(), now);
            case MOVE -> samples.setCategory(selection, request.category(), now);
            case ENABLE -> samples.setEnabled(selection, true, now);
            case DISABLE -> samples.setEnabled(selection, false, now);
            case DELETE -> samples.deleteAll(selection);
        };
        return new Result(request.action().value(), matched, affected);
    }
}
