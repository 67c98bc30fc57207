package dev.edgeforge.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentChecklistTest {

    private static final long CLOCK = 168_000_000;

    private static DeployResult.Sizes sizes(Long flash) {
        return new DeployResult.Sizes(flash, 1 << 20, flash == null ? null : 90_000L, 196_608, 4096, 4000, 50_000);
    }

    private static DeploymentEstimate estimate(long flash, double millis, long ram) {
        return new DeploymentEstimate(
                "netduinoplus2-qemu",
                "Netduino Plus 2",
                new DeploymentEstimate.Ram(ram, 196_608, 4096, 4000, 0, 0, 8192),
                new DeploymentEstimate.Flash(flash, 1 << 20, 50_000, 1000, 2000, 0, 10_000),
                new DeploymentEstimate.Latency(millis, millis, 0, 1_000_000, 1.2, CLOCK, false, true, "basis"),
                new DeploymentEstimate.Energy(100, 100, 0, 238, 3.3, "datasheet"));
    }

    private static DeployResult.Verified verified(long maxInstructions, Integer stack, Long peak, int windows) {
        return new DeployResult.Verified(
                "netduinoplus2-qemu",
                "test-set",
                "note",
                windows,
                "instr",
                new DeployResult.Instructions(maxInstructions - 10, maxInstructions - 5, maxInstructions),
                1_000_000L,
                null,
                null,
                0,
                1000,
                DeployResult.EmulatedRun.PATH_FEATURES,
                stack,
                24,
                peak);
    }

    private static DeploymentChecklist.Item item(DeploymentChecklist checklist, String id) {
        return checklist.items().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aVerifiedEmulatedImagePassesEveryItemWithMeasuredFigures() {
        DeploymentChecklist checklist = DeploymentChecklist.of(
                sizes(100_000L), verified(1_680_000, 2048, 70_000L, 24), CLOCK, estimate(1, 1, 1));

        assertThat(checklist.items())
                .extracting(DeploymentChecklist.Item::id)
                .containsExactly("flash", "latency", "peak-ram", "verified");
        assertThat(checklist.allPassed()).isTrue();
        assertThat(item(checklist, "flash").figure()).isEqualTo(100_000.0);
        assertThat(item(checklist, "flash").basis()).isEqualTo(DeploymentChecklist.MEASURED);
        // the largest count over the windows at the board's clock: 1.68 M instructions at 168 MHz = 10 ms
        assertThat(item(checklist, "latency").figure()).isEqualTo(10.0);
        assertThat(item(checklist, "latency").basis()).isEqualTo(DeploymentChecklist.MEASURED);
        assertThat(item(checklist, "peak-ram").figure()).isEqualTo(70_000.0);
        assertThat(item(checklist, "peak-ram").basis()).isEqualTo(DeploymentChecklist.MEASURED);
        assertThat(item(checklist, "verified").outcome()).isEqualTo(DeploymentChecklist.PASS);
    }

    @Test
    void theLimitsAreStrict() {
        DeploymentChecklist checklist = DeploymentChecklist.of(
                sizes(DeploymentChecklist.FLASH_LIMIT_BYTES), verified(16_800_000, 2048, 70_000L, 24), CLOCK, null);

        assertThat(item(checklist, "flash").outcome()).isEqualTo(DeploymentChecklist.FAIL);
        assertThat(item(checklist, "latency").figure()).isEqualTo(100.0);
        assertThat(item(checklist, "latency").outcome()).isEqualTo(DeploymentChecklist.FAIL);
        assertThat(checklist.allPassed()).isFalse();
    }

    @Test
    void aSourceBundleWithoutAnImageIsJudgedOnTheEstimateMarkedAsEstimated() {
        DeployResult.NotEmulated notRun =
                new DeployResult.NotEmulated("nucleo-f446re", "random", "not emulated", 1_000_000L);

        DeploymentChecklist checklist =
                DeploymentChecklist.of(sizes(null), notRun, CLOCK, estimate(300_000, 12.5, 60_000));

        DeploymentChecklist.Item flash = item(checklist, "flash");
        assertThat(flash.outcome()).isEqualTo(DeploymentChecklist.FAIL);
        assertThat(flash.figure()).isEqualTo(300_000.0);
        assertThat(flash.basis()).isEqualTo(DeploymentChecklist.ESTIMATED);
        DeploymentChecklist.Item latency = item(checklist, "latency");
        assertThat(latency.outcome()).isEqualTo(DeploymentChecklist.PASS);
        assertThat(latency.figure()).isEqualTo(12.5);
        assertThat(latency.basis()).isEqualTo(DeploymentChecklist.ESTIMATED);
        // the DSP block and the network apart, and how far the figure holds
        assertThat(latency.note())
                .contains("DSP block 0.00 ms + network 12.50 ms")
                .contains("network instructions calibrated, time on this board not");
        // an estimate never passes the peak-RAM item; its figure is shown, marked
        DeploymentChecklist.Item ram = item(checklist, "peak-ram");
        assertThat(ram.outcome()).isEqualTo(DeploymentChecklist.NOT_MEASURED);
        assertThat(ram.figure()).isEqualTo(60_000.0);
        assertThat(ram.basis()).isEqualTo(DeploymentChecklist.ESTIMATED);
        assertThat(item(checklist, "verified").outcome()).isEqualTo(DeploymentChecklist.NOT_MEASURED);
    }

    @Test
    void aRunWithoutAStackFigureHasNoPeakRamAndAMismatchFailsVerification() {
        DeployResult.OutputsDiffer differ = new DeployResult.OutputsDiffer(
                "netduinoplus2-qemu",
                "test-set",
                "note",
                24,
                20,
                4,
                List.of(),
                "instr",
                new DeployResult.Instructions(10, 10, 10),
                10L,
                null,
                null,
                0,
                1000,
                DeployResult.EmulatedRun.PATH_FEATURES,
                null,
                24,
                null);

        DeploymentChecklist checklist = DeploymentChecklist.of(sizes(100_000L), differ, CLOCK, null);

        assertThat(item(checklist, "peak-ram").outcome()).isEqualTo(DeploymentChecklist.NOT_MEASURED);
        assertThat(item(checklist, "peak-ram").figure()).isNull();
        assertThat(item(checklist, "verified").outcome()).isEqualTo(DeploymentChecklist.FAIL);
        assertThat(item(checklist, "verified").note()).contains("4 of 24 windows differ");
    }

    @Test
    void aFirstSampleSaysSoAndTheChecklistRoundTripsAsJson() throws Exception {
        DeploymentChecklist checklist =
                DeploymentChecklist.of(sizes(100_000L), verified(1000, 1024, 9000L, 8), CLOCK, null);

        assertThat(item(checklist, "verified").note()).contains("8 of 24 windows (a first sample");
        String json = JobJson.mapper().writeValueAsString(checklist);
        assertThat(JobJson.mapper().readValue(json, DeploymentChecklist.class)).isEqualTo(checklist);
    }
}
