package dev.edgeforge.api.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobAttempt;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job as a poll shows it: small whatever the job carries (issue #16: a poll used to send the whole payload, 378 KB
 * for 1,200 samples). The payload and the full result have their own endpoints ({@code links}); {@code summary}
 * holds the result's plain top-level values (numbers, booleans, short texts) for a quick look. Lease internals
 * (owner, version) stay inside.
 *
 * @param attempt  the number of the current (or last) attempt
 * @param attempts the history of the job's runs, oldest first; only on a single job's answer, not in lists
 */
public record JobView(
        UUID id,
        UUID projectId,
        String type,
        JobStatus state,
        double progress,
        int attempt,
        int maxAttempts,
        boolean cancelRequested,
        String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AttemptView> attempts,
        Map<String, Object> summary,
        Map<String, String> links,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    /** Most values {@code summary} shows. */
    static final int SUMMARY_VALUES = 12;
    /** Longest text {@code summary} shows; longer texts are left out. */
    static final int SUMMARY_TEXT = 120;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One run of the job.
     *
     * @param outcome  {@code null} while it runs; see {@link JobAttempt#outcome()}
     * @param progress how far it got (the job's progress while it runs)
     */
    public record AttemptView(
            int run,
            int attempt,
            String workerId,
            String host,
            Instant startedAt,
            Instant endedAt,
            String outcome,
            String reason,
            double progress) {}

    /** A single job, with its attempt history. */
    public static JobView of(Job job, List<JobAttempt> attempts) {
        List<AttemptView> history = attempts.stream()
                .map(a -> new AttemptView(
                        a.run(),
                        a.attempt(),
                        a.workerId(),
                        a.host(),
                        a.startedAt(),
                        a.endedAt(),
                        a.outcome(),
                        a.reason(),
                        a.outcome() == null ? job.progress() : a.progress()))
                .toList();
        return view(job, history);
    }

    /** A job in a list: without the history. */
    public static JobView listed(Job job) {
        return view(job, null);
    }

    private static JobView view(Job job, List<AttemptView> attempts) {
        String self = "/api/v1/jobs/" + job.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("payload", self + "/payload");
        if (job.result() != null) {
            links.put("result", self + "/result");
        }
        links.put("logs", self + "/logs");
        if (!job.state().isTerminal()) {
            links.put("cancel", self + "/cancel");
        }
        return new JobView(
                job.id(),
                job.projectId(),
                job.type(),
                JobStatus.of(job.state()),
                job.progress(),
                job.attempts(),
                job.maxAttempts(),
                job.cancelRequested(),
                job.error(),
                attempts,
                summary(job.result()),
                links,
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.updatedAt());
    }

    /** The result's plain top-level values, in its order; nested objects and lists are on the result endpoint. */
    static Map<String, Object> summary(String resultJson) {
        if (resultJson == null) {
            return null;
        }
        JsonNode result = JSON.readTree(resultJson);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : result.properties()) {
            if (summary.size() == SUMMARY_VALUES) {
                break;
            }
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                summary.put(field.getKey(), value.numberValue());
            } else if (value.isBoolean()) {
                summary.put(field.getKey(), value.booleanValue());
            } else if (value.isString() && value.asString().length() <= SUMMARY_TEXT) {
                summary.put(field.getKey(), value.asString());
            }
        }
        return summary;
    }
}
