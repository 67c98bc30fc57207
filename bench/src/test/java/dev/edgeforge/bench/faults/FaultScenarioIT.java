package dev.edgeforge.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault benchmark's scenario at a small size (issue #16, item 7): PostgreSQL, S3Proxy, the server, two training
 * workers and a firmware builder as separate processes; two devices upload and five jobs run through {@code kill -9}
 * of a training worker and of the server, a PostgreSQL restart and the object store away. Nothing acknowledged is
 * lost, no object is left without its row, every job finishes exactly once, no attempt is lost to the restart, and
 * devices get 503 while the store is away.
 */
class FaultScenarioIT {

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostAndEveryJobFinishesOnce() throws Exception {
        FaultReport report = new FaultScenario(FaultScenario.Settings.small(), System.out).run(dir);
        String notes = String.join("\n", report.notes());

        assertThat(report.acknowledged()).as(notes).isPositive();
        assertThat(report.lostSamples()).as(notes).isZero();
        assertThat(report.orphanObjects()).as(notes).isZero();
        assertThat(report.jobs()).isEqualTo(FaultScenario.Settings.small().jobs());
        assertThat(report.jobsExactlyOnce()).as(notes).isEqualTo(report.jobs());
        assertThat(report.runningAtDbRestart())
                .as("jobs running through the restart")
                .isPositive();
        assertThat(report.attemptsLostToDbRestart()).as(notes).isZero();
        assertThat(report.outageStatus()).as(report.outageStatuses().toString()).isEqualTo(503);
        assertThat(report.outageWithoutRetryAfter()).isZero();
    }
}
