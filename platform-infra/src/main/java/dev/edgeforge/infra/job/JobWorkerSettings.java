package dev.edgeforge.infra.job;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link JobWorker} runs. Build with {@link #builder()}: {@code setConcurrency} is required, everything
 * else has a default.
 *
 * @param workerId          identifies this worker in leases and logs; unique per running worker
 * @param concurrency       jobs run at once (handler threads)
 * @param pollInterval      how long an idle worker waits before looking for work again
 * @param leaseDuration     how long a claimed job stays leased without a heartbeat; a job whose worker died is
 *                          taken back after this
 * @param heartbeatInterval how often leases are renewed and cancel requests noticed (at most a third of the lease)
 * @param reaperInterval    how often expired leases are looked for
 * @param retryBackoff      delay before the first retry; doubles with each further failure
 * @param maxRetryBackoff   upper bound of that delay
 * @param shutdownGrace     how long {@link JobWorker#close()} lets running jobs finish before interrupting them
 */
public record JobWorkerSettings(
        String workerId,
        int concurrency,
        Duration pollInterval,
        Duration leaseDuration,
        Duration heartbeatInterval,
        Duration reaperInterval,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        Duration shutdownGrace) {
    public static final int MAX_CONCURRENCY = 256;

    public JobWorkerSettings {
        Objects.requireNonNull(workerId, "workerId");
        if (workerId.isBlank() || workerId.length() > 200) {
            throw new IllegalArgumentException("workerId must be 1-200 characters, was '" + workerId + "'");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + ", was " + concurrency);
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(leaseDuration, "leaseDuration");
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(reaperInterval, "reaperInterval");
        requirePositive(retryBackoff, "retryBackoff");
        requirePositive(maxRetryBackoff, "maxRetryBackoff");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, was " + shutdownGrace);
        }
        // a lease must survive one missed heartbeat (a GC pause, a slow query) and still be renewed in time
        if (heartbeatInterval.multipliedBy(3).compareTo(leaseDuration) > 0) {
            throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval
                    + " must be at most a third of leaseDuration " + leaseDuration);
        }
        if (retryBackoff.compareTo(maxRetryBackoff) > 0) {
            throw new IllegalArgumentException(
                    "retryBackoff " + retryBackoff + " must not exceed maxRetryBackoff " + maxRetryBackoff);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** {@code setX} for required settings, {@code optX} for optional ones; {@link #build()} checks them. */
    public static final class Builder {
        private String workerId;
        private Integer concurrency;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration leaseDuration = Duration.ofSeconds(30);
        private Duration heartbeatInterval;
        private Duration reaperInterval = Duration.ofSeconds(5);
        private Duration retryBackoff = Duration.ofSeconds(5);
        private Duration maxRetryBackoff = Duration.ofMinutes(10);
        private Duration shutdownGrace = Duration.ofSeconds(30);

        private Builder() {}

        /** Required: how many jobs run at once. */
        public Builder setConcurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Default: host name, process id and a random suffix. */
        public Builder optWorkerId(String workerId) {
            this.workerId = workerId;
            return this;
        }

        /** Default 1 s. */
        public Builder optPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Default 30 s. */
        public Builder optLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
            return this;
        }

        /** Default: the smaller of 2 s and a third of the lease duration. Cancel is noticed within this. */
        public Builder optHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        /** Default 5 s. */
        public Builder optReaperInterval(Duration reaperInterval) {
            this.reaperInterval = reaperInterval;
            return this;
        }

        /** Default 5 s, doubling per failure up to 10 min. */
        public Builder optRetryBackoff(Duration first, Duration max) {
            this.retryBackoff = first;
            this.maxRetryBackoff = max;
            return this;
        }

        /** Default 30 s. */
        public Builder optShutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
            return this;
        }

        public JobWorkerSettings build() {
            if (concurrency == null) {
                throw new IllegalStateException("setConcurrency(...) is required");
            }
            Objects.requireNonNull(leaseDuration, "leaseDuration");
            Duration heartbeat = heartbeatInterval != null
                    ? heartbeatInterval
                    : min(Duration.ofSeconds(2), leaseDuration.dividedBy(3));
            return new JobWorkerSettings(
                    workerId != null ? workerId : defaultWorkerId(),
                    concurrency,
                    pollInterval,
                    leaseDuration,
                    heartbeat,
                    reaperInterval,
                    retryBackoff,
                    maxRetryBackoff,
                    shutdownGrace);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private static String defaultWorkerId() {
            String host = System.getenv("HOSTNAME");
            if (host == null || host.isBlank()) {
                host = "worker";
            }
            return host + "-" + ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
