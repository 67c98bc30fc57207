package dev.edgeforge.infra.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesPerFailedAttemptUpToTheCap() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(60));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(60));
    }
}
