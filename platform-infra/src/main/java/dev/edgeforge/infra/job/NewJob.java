package dev.edgeforge.infra.job;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A job to enqueue.
 *
 * @param type        which {@link JobHandler} runs it: lower-case, e.g. {@code train}, {@code features}
 * @param projectId   the project it belongs to; may be {@code null} for platform jobs
 * @param payload     the handler's input, a JSON document (stored as jsonb)
 * @param maxAttempts how many runs may be started in total (≥ 1); failures before the last are retried
 */
public record NewJob(String type, UUID projectId, String payload, int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public NewJob {
        requireValidType(type);
        Objects.requireNonNull(payload, "payload (use \"{}\" for none)");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** A job with {@value #DEFAULT_MAX_ATTEMPTS} attempts. */
    public static NewJob of(String type, UUID projectId, String payload) {
        return new NewJob(type, projectId, payload, DEFAULT_MAX_ATTEMPTS);
    }

    static String requireValidType(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("job type '" + type
                    + "' must be 1-64 characters: a lower-case letter, then lower-case letters, digits, "
                    + "'.', '_' or '-'");
        }
        return type;
    }
}
