package dev.edgeforge.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureWindowTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private final FailureWindow window = new FailureWindow(3, Duration.ofMinutes(15));

    @Test
    void blocksFromTheLimitUntilTheOldestCountedFailureLeavesTheWindow() {
        window.record("ada", T0);
        window.record("ada", T0.plusSeconds(60));
        assertThat(window.blockedFor("ada", T0.plusSeconds(61))).isZero();

        window.record("ada", T0.plusSeconds(120));
        assertThat(window.blockedFor("ada", T0.plusSeconds(120))).isEqualTo(Duration.ofMinutes(13));
        assertThat(window.blockedFor("ada", T0.plusSeconds(899))).isEqualTo(Duration.ofSeconds(1));
        // at T0 + 15 min the first failure no longer counts: two remain, below the limit
        assertThat(window.blockedFor("ada", T0.plusSeconds(900))).isZero();
        assertThat(window.blockedFor("grace", T0.plusSeconds(120))).isZero();
    }

    @Test
    void onlyTheLastLimitFailuresMatter() {
        for (int i = 0; i < 10; i++) {
            window.record("ada", T0.plusSeconds(i * 60L));
        }
        // the last three were at 7, 8 and 9 minutes: blocked until the one at 7 minutes is 15 minutes old
        assertThat(window.blockedFor("ada", T0.plusSeconds(9 * 60))).isEqualTo(Duration.ofMinutes(13));
    }

    @Test
    void clearForgetsAKey() {
        for (int i = 0; i < 3; i++) {
            window.record("ada", T0);
        }
        window.clear("ada");
        assertThat(window.blockedFor("ada", T0)).isZero();
    }

    @Test
    void manyKeysStayBounded() {
        FailureWindow small = new FailureWindow(1, Duration.ofMinutes(1));
        for (int i = 0; i < FailureWindow.MAX_KEYS + 10; i++) {
            small.record("key-" + i, T0);
        }
        assertThat(small.size()).isLessThanOrEqualTo(FailureWindow.MAX_KEYS);
        // the newest key is always kept, and blocked
        assertThat(small.blockedFor("key-" + (FailureWindow.MAX_KEYS + 9), T0)).isPositive();
    }

    @Test
    void rejectsAMeaninglessConfiguration() {
        assertThatThrownBy(() -> new FailureWindow(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new FailureWindow(3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }
}
