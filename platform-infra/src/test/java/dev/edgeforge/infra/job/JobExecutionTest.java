package dev.edgeforge.infra.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JobExecutionTest {

    @Test
    void splitsTextIntoLogLines() {
        assertThat(JobExecution.splitLines("one")).containsExactly("one");
        assertThat(JobExecution.splitLines("a\nb\r\nc")).containsExactly("a", "b", "c");
        assertThat(JobExecution.splitLines("trailing\n")).containsExactly("trailing");
        assertThat(JobExecution.splitLines("")).containsExactly("");
        assertThat(JobExecution.splitLines("gap\n\nend")).containsExactly("gap", "", "end");
        assertThat(JobExecution.splitLines(null)).containsExactly("null");
    }

    @Test
    void cutsOverlongLinesAndReplacesNul() {
        String line = JobExecution.splitLines("x".repeat(10_000)).get(0);
        assertThat(line).hasSize(JobExecution.MAX_LINE_LENGTH + 1).endsWith("…");
        assertThat(JobExecution.splitLines("a\u0000b")).containsExactly("a\uFFFDb");
    }

    @Test
    void describesFailuresWithTheirCausesButNoStackTrace() {
        Exception failure =
                new IllegalStateException("training diverged", new IOException("disk full", new RuntimeException()));

        assertThat(JobExecution.describe(failure))
                .isEqualTo("IllegalStateException: training diverged (caused by IOException: disk full "
                        + "(caused by RuntimeException))");
        assertThat(JobExecution.describe(new NonRetryableJobException("no such impulse")))
                .isEqualTo("no such impulse");
        assertThat(JobExecution.describe(new RuntimeException("x".repeat(5_000))))
                .hasSize(JobExecution.MAX_ERROR_LENGTH + 1);
    }
}
