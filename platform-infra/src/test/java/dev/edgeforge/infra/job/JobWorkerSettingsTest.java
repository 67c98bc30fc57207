package dev.edgeforge.infra.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobWorkerSettingsTest {

    @Test
    void concurrencyIsRequired() {
        assertThatThrownBy(() -> JobWorkerSettings.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setConcurrency");
    }

    @Test
    void defaultsAreSensible() {
        JobWorkerSettings settings =
                JobWorkerSettings.builder().setConcurrency(2).build();

        assertThat(settings.workerId())
                .contains(Long.toString(ProcessHandle.current().pid()));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxRetryBackoff()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void defaultHeartbeatFitsAShortLease() {
        JobWorkerSettings settings = JobWorkerSettings.builder()
                .setConcurrency(1)
                .optLeaseDuration(Duration.ofSeconds(3))
                .build();

        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThatThrownBy(() -> JobWorkerSettings.builder().setConcurrency(0).build())
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> JobWorkerSettings.builder()
                        .setConcurrency(1)
                        .optLeaseDuration(Duration.ofSeconds(10))
                        .optHeartbeatInterval(Duration.ofSeconds(5))
                        .build())
                .hasMessageContaining("at most a third of leaseDuration");
        assertThatThrownBy(() -> JobWorkerSettings.builder()
                        .setConcurrency(1)
                        .optPollInterval(Duration.ZERO)
                        .build())
                .hasMessageContaining("pollInterval must be positive");
        assertThatThrownBy(() -> JobWorkerSettings.builder()
                        .setConcurrency(1)
                        .optRetryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1))
                        .build())
                .hasMessageContaining("must not exceed maxRetryBackoff");
        assertThatThrownBy(() -> JobWorkerSettings.builder()
                        .setConcurrency(1)
                        .optWorkerId(" ")
                        .build())
                .hasMessageContaining("workerId");
    }
}
