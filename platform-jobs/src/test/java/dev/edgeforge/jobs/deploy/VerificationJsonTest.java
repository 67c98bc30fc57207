package dev.edgeforge.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.jobs.JobJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The verification's JSON: the four outcomes write what they carry plus {@code status} and {@code verified}, and
 * the flat object every deployment stored before the outcomes were told apart (every member, zeros and nulls for the
 * ones that did not apply) still reads, as the outcome its {@code status} names.
 */
class VerificationJsonTest {

    /** A verified run as the firmware builder wrote it before (deployments.verification since V7). */
    private static final String STORED_VERIFIED = """
            {"board": "netduinoplus2-qemu", "failure": null, "status": "verified", "windows": 24, "matching": 24,
             "verified": true, "mismatches": [], "windowNote": "the model's test split", "counterUnit": "instr",
             "instructions": {"max": 51200, "min": 50800, "mean": 51000.5}, "windowSource": "test-set",
             "elapsedMillis": 2345, "mismatchCount": 0, "deviceAccuracy": 0.875, "serverAccuracy": 0.875,
             "labelledWindows": 24, "estimatedInstructions": 50000}""";

    private static final String STORED_MISMATCH = """
            {"board": "netduinoplus2-qemu", "failure": null, "status": "mismatch", "windows": 8, "matching": 7,
             "verified": false, "mismatches": [{"window": 3, "expected": [1, -2], "actual": [1, -3],
             "differingValues": 1, "firstDifference": 1, "maxDifference": 1}], "windowNote": "given windows",
             "counterUnit": "instr", "instructions": null, "windowSource": "given", "elapsedMillis": 900,
             "mismatchCount": 1, "deviceAccuracy": null, "serverAccuracy": null, "labelledWindows": 0,
             "estimatedInstructions": 1200}""";

    private static final String STORED_FAILED = """
            {"board": "netduinoplus2-qemu",
             "failure": "QEMU did not answer within 60 s (windows after 5 were not sent)",
             "status": "failed", "windows": 16, "matching": 5, "verified": false, "mismatches": [],
             "windowNote": "16 seeded random int8 windows", "counterUnit": "instr", "instructions": null,
             "windowSource": "random", "elapsedMillis": 60000, "mismatchCount": 0, "deviceAccuracy": null,
             "serverAccuracy": null, "labelledWindows": 0, "estimatedInstructions": 1200}""";

    private static final String STORED_NOT_EMULATED = """
            {"board": "nucleo-f446re", "failure": null, "status": "not-emulated", "windows": 0, "matching": 0,
             "verified": false, "mismatches": [],
             "windowNote": "16 seeded random int8 windows; NUCLEO-F446RE is not emulated",
             "counterUnit": "", "instructions": null, "windowSource": "random", "elapsedMillis": 0,
             "mismatchCount": 0, "deviceAccuracy": null, "serverAccuracy": null, "labelledWindows": 0,
             "estimatedInstructions": 1200}""";

    private static DeployResult.Verification read(String json) {
        return JobJson.mapper().readValue(json, DeployResult.Verification.class);
    }

    @Test
    void theStoredShapeOfEveryOutcomeStillReads() {
        assertThat(read(STORED_VERIFIED))
                .isEqualTo(new DeployResult.Verified(
                        "netduinoplus2-qemu",
                        "test-set",
                        "the model's test split",
                        24,
                        "instr",
                        new DeployResult.Instructions(50800, 51000.5, 51200),
                        50000L,
                        0.875,
                        0.875,
                        24,
                        2345,
                        DeployResult.EmulatedRun.PATH_FEATURES,
                        null,
                        null,
                        null));
        DeployResult.Verification mismatch = read(STORED_MISMATCH);
        assertThat(mismatch).isInstanceOf(DeployResult.OutputsDiffer.class);
        DeployResult.OutputsDiffer differ = (DeployResult.OutputsDiffer) mismatch;
        assertThat(differ.matching()).isEqualTo(7);
        assertThat(differ.mismatchCount()).isEqualTo(1);
        assertThat(differ.mismatches())
                .containsExactly(new DeployResult.Mismatch(3, List.of(1, -2), List.of(1, -3), 1, 1, 1));
        assertThat(differ.verified()).isFalse();

        DeployResult.Verification failed = read(STORED_FAILED);
        assertThat(failed).isInstanceOf(DeployResult.RunFailed.class);
        assertThat(((DeployResult.RunFailed) failed).failure()).startsWith("QEMU did not answer");
        assertThat(((DeployResult.RunFailed) failed).matching()).isEqualTo(5);

        assertThat(read(STORED_NOT_EMULATED))
                .isEqualTo(new DeployResult.NotEmulated(
                        "nucleo-f446re",
                        "random",
                        "16 seeded random int8 windows; NUCLEO-F446RE is not emulated",
                        1200L));
    }

    @Test
    void everyOutcomeWritesItsStatusAndWhetherItIsVerifiedAndReadsBackAsItself() {
        List<DeployResult.Verification> outcomes =
                List.of(read(STORED_VERIFIED), read(STORED_MISMATCH), read(STORED_FAILED), read(STORED_NOT_EMULATED));
        for (DeployResult.Verification outcome : outcomes) {
            JsonNode json = JobJson.mapper().valueToTree(outcome);
            assertThat(json.path("status").asString()).isEqualTo(outcome.status());
            assertThat(json.path("verified").asBoolean()).isEqualTo(outcome instanceof DeployResult.Verified);
            assertThat(json.findValues("status")).as("status written once").hasSize(1);
            assertThat(read(json.toString())).isEqualTo(outcome);
        }
    }

    @Test
    void aRawRunWritesItsPathTheDspAndNetworkCountsApartAndItsStack() {
        DeployResult.Verified raw = new DeployResult.Verified(
                "netduinoplus2-qemu",
                "test-set",
                "24 windows",
                24,
                "instr",
                new DeployResult.Instructions(
                        3_500_000,
                        3_580_000.5,
                        3_600_000,
                        new DeployResult.Counts(1_500_000, 1_510_000.0, 1_520_000),
                        new DeployResult.Counts(2_000_000, 2_070_000.5, 2_080_000)),
                2_060_000L,
                0.9,
                0.9,
                24,
                1200,
                DeployResult.EmulatedRun.PATH_RAW,
                2048,
                null,
                61_440L);
        JsonNode json = JobJson.mapper().valueToTree(raw);

        assertThat(json.path("path").asString()).isEqualTo("raw");
        assertThat(json.path("stackBytes").asInt()).isEqualTo(2048);
        assertThat(json.path("peakRamBytes").asLong()).isEqualTo(61_440);
        assertThat(json.path("instructions").path("dsp").path("min").asLong()).isEqualTo(1_500_000);
        assertThat(json.path("instructions").path("network").path("mean").asDouble())
                .isEqualTo(2_070_000.5);
        assertThat(json.path("instructions").path("max").asLong()).isEqualTo(3_600_000);
        assertThat(read(json.toString())).isEqualTo(raw);
    }

    @Test
    void aRunStoredBeforeThePathWasRecordedReadsAsTheFeaturesPath() {
        DeployResult.EmulatedRun stored = (DeployResult.EmulatedRun) read(STORED_VERIFIED);

        assertThat(stored.path()).isEqualTo("features");
        assertThat(stored.stackBytes()).isNull();
        assertThat(stored.peakRamBytes()).isNull();
        assertThat(stored.instructions().dsp()).isNull();
        assertThat(((DeployResult.EmulatedRun) read(STORED_FAILED)).path()).isEqualTo("features");
    }

    @Test
    void aVerifiedRunStillTellsClientsItsCounts() {
        JsonNode json = JobJson.mapper().valueToTree(read(STORED_VERIFIED));

        // what the Deployment page and API clients read of every run
        assertThat(json.path("windows").asInt()).isEqualTo(24);
        assertThat(json.path("matching").asInt()).isEqualTo(24);
        assertThat(json.path("mismatchCount").asInt()).isZero();
        assertThat(json.path("mismatches").isArray()).isTrue();
        assertThat(json.has("failure")).as("a verified run has no failure").isFalse();
    }

    @Test
    void aBoardThatIsNotEmulatedCarriesNoRunFigures() {
        JsonNode json = JobJson.mapper().valueToTree(read(STORED_NOT_EMULATED));

        assertThat(json.has("windows")).isFalse();
        assertThat(json.has("instructions")).isFalse();
        assertThat(json.path("verified").asBoolean()).isFalse();
        assertThat(json.path("estimatedInstructions").asLong()).isEqualTo(1200);
    }

    @Test
    void aWholeResultWithAStoredVerificationReads() {
        String stored = """
                {"deploymentId": "5b1f0c1e-8d7a-4a52-9c35-2f1f7a9c0d11", "format": "firmware",
                 "target": "netduinoplus2-qemu", "bundle": null, "reportKey": "r", "sizes": null,
                 "memoryReport": null, "verification": %s, "build": null}""".formatted(STORED_NOT_EMULATED);

        DeployResult result = JobJson.mapper().readValue(stored, DeployResult.class);

        assertThat(result.verification()).isInstanceOf(DeployResult.NotEmulated.class);
    }
}
