package dev.edgeforge.infra.job;

import java.time.Duration;

/** Exponential backoff: {@code first} after the first failed attempt, doubling per further failure, capped. */
record RetryBackoff(Duration first, Duration max) {

    /** The delay before the attempt after {@code failedAttempt} (1-based). */
    Duration delayAfter(int failedAttempt) {
        Duration delay = first;
        for (int i = 1; i < failedAttempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
