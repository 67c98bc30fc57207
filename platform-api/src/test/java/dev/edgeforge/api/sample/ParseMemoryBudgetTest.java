package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParseMemoryBudgetTest {

    private static final long MB = 1024 * 1024;

    private static ParseMemoryBudget budget(long bytes, Duration wait) {
        return new ParseMemoryBudget(DatasetLimits.of(MB, 10, 10, 100, 0, bytes, wait));
    }

    @Test
    void filesTakeFourTimesTheirSizeAndGiveItBack() {
        ParseMemoryBudget budget = budget(16 * MB, Duration.ofMillis(50));
        try (ParseMemoryBudget.Lease a = budget.reserve("a", 2 * MB)) {
            assertThat(budget.availableBytes()).isEqualTo(8 * MB);
            try (ParseMemoryBudget.Lease b = budget.reserve("b", 2 * MB)) {
                assertThat(budget.availableBytes()).isZero();
                assertThatThrownBy(() -> budget.reserve("'c.csv'", 1))
                        .isInstanceOfSatisfying(ServerBusyViolation.class, e -> {
                            assertThat(e.getStatusCode().value()).isEqualTo(503);
                            assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("10");
                            assertThat(e.detail()).contains("'c.csv'");
                        });
                b.close();
                b.close(); // once only
                assertThat(budget.availableBytes()).isEqualTo(8 * MB);
            }
        }
        assertThat(budget.availableBytes()).isEqualTo(16 * MB);
    }

    @Test
    void aFileLargerThanTheBudgetRunsAloneRatherThanNever() {
        ParseMemoryBudget budget = budget(16 * MB, Duration.ofMillis(50));
        try (ParseMemoryBudget.Lease huge = budget.reserve("huge", 100 * MB)) {
            assertThat(budget.availableBytes()).isZero();
        }
        assertThat(budget.availableBytes()).isEqualTo(16 * MB);
    }

    @Test
    void aWaitingFileGoesOnWhenMemoryIsFreed() throws Exception {
        ParseMemoryBudget budget = budget(16 * MB, Duration.ofSeconds(20));
        ParseMemoryBudget.Lease first = budget.reserve("first", 3 * MB);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            try (ParseMemoryBudget.Lease lease = budget.reserve("second", 3 * MB)) {
                return budget.availableBytes();
            }
        });
        Thread.sleep(200);
        assertThat(second).isNotDone();
        first.close();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(4 * MB);
    }
}
