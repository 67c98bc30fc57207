package dev.edgeforge.api.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.edgeforge.api.project.ProjectGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relabel, move, enable, disable, delete or check the signatures of many samples at once: a filtered selection or a
 * list of ids.
 */
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
        DELETE,
        /** Check the signatures of unverified and invalid samples against the project's HMAC keys as they are now. */
        VERIFY;

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
                    "action", "must be one of relabel, move, enable, disable, delete, verify, got '" + value + "'");
        }
    }

    /**
     * One bulk request: either a filter or ids.
     *
     * @param label    for relabel: the new label, null for "no label"
     * @param category for move: the category to move to
     */
    public record Request(SampleFilter filter, List<UUID> ids, Action action, String label, SampleCategory category) {}

    /**
     * What happened: how many samples the selection held and how many were changed.
     *
     * @param checked    for verify: the unverified and invalid samples of the selection whose signature was checked
     * @param signatures for verify: how many of those are now {@code verified}, {@code unverified}, {@code invalid}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String action, int matched, int affected, Integer checked, Map<String, Integer> signatures) {

        Result(String action, int matched, int affected) {
            this(action, matched, affected, null, null);
        }
    }

    private final SampleRepository samples;
    private final SignatureRecheck recheck;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SampleBulkService(
            SampleRepository samples, SignatureRecheck recheck, PlatformTransactionManager transactions, Clock clock) {
        this.samples = samples;
        this.recheck = recheck;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

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
        Supplier<SampleSelection> selection = () -> request.ids() != null
                ? SampleSelection.ofIds(projectId, request.ids())
                : SampleSelection.of(projectId, request.filter());
        if (request.action() == Action.VERIFY) {
            // reads every object it checks: page by page, not in one transaction
            int matched = samples.count(selection.get());
            SignatureRecheck.Outcome outcome = recheck.run(projectId, selection);
            return new Result(
                    request.action().value(), matched, outcome.changed(), outcome.checked(), outcome.signatures());
        }
        return transaction.execute(status -> {
            SampleSelection selected = selection.get();
            int matched = samples.count(selected);
            Instant now = clock.instant();
            int affected = switch (request.action()) {
                case RELABEL -> samples.setLabel(selected, request.label(), now);
                case MOVE -> samples.setCategory(selected, request.category(), now);
                case ENABLE -> samples.setEnabled(selected, true, now);
                case DISABLE -> samples.setEnabled(selected, false, now);
                case DELETE -> samples.deleteAll(selected);
                case VERIFY -> throw new IllegalStateException("verify runs outside the transaction");
            };
            return new Result(request.action().value(), matched, affected);
        });
    }
}
