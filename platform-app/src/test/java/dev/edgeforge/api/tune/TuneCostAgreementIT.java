package dev.edgeforge.api.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #13 item 6: the costs the tuner returned for its confirmed candidates (the estimator's, kept as
 * {@code estimate}) agree within 15 % with the firmware of the same trained model built for the board and run in QEMU
 * (the tune-measure job: latency from the largest instruction count of one inference, RAM and flash of the image
 * linked for the board). A one-minute search on real gestures under the small NUCLEO-L4R5ZI budget.
 *
 * <p>It does not hold yet, so the suite leaves it out (issue #13 stays open): on 2026-12-08, with the estimator
 * calibrated per operator kind and the measured instructions timed at the estimator's cycles per instruction, small
 * uWave candidates were off on flash by 22-24 % (e.g. 18,700 B estimated, 23,920 B linked) and one on latency by
 * -19 %; RAM agreed within 4 %. Run it with {@code -Dit.test=TuneCostAgreementIT -Dedgeforge.tune-agreement=true}.
 */
@IntegrationTest
@EnabledIfSystemProperty(
        named = "edgeforge.tune-agreement",
        matches = "true",
        disabledReason = "the tuner's estimates are not yet within 15 % of the measured firmware (issue #13 item 6)")
class TuneCostAgreementIT {

    @LocalServerPort
    int port;

    @Test
    void confirmedCandidatesCostWhatTheirFirmwareMeasures() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "tune-costs");
        UUID projectId = TestUsers.createProject(client, owner, "Gestures");
        String base = "/api/v1/projects/" + projectId;
        UwaveUpload.upload(port, owner, projectId, UwaveUpload.zip(200));
        ApiClient.Response started = client.post(
                base + "/jobs/tune",
                Map.of(
                        "target",
                        "nucleo-l4r5zi",
                        "maxLatencyMs",
                        20,
                        "maxRamBytes",
                        32 * 1024,
                        "maxFlashBytes",
                        128 * 1024,
                        "budgetMinutes",
                        1,
                        "seed",
                        11),
                owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.text("jobId");

        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = client.get(base + "/jobs/tune/" + jobId, owner.auth()).json();
            String state = view.get("measurement").get("state").asString();
            boolean ended =
                    List.of("failed", "cancelled").contains(view.get("state").asString())
                            || (view.get("state").asString().equals("succeeded")
                                    && !List.of("pending", "queued", "running").contains(state));
            if (ended) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(view.get("measurement").get("state").asString())
                .as(view.toString())
                .isEqualTo("succeeded");
        List<String> deviations = new ArrayList<>();
        int confirmed = 0;
        for (JsonNode c : view.get("result").get("candidates")) {
            if (c.get("measured").asBoolean()
                    && c.get("measurement").get("verified").asBoolean()) {
                confirmed++;
                deviations.addAll(deviations(c.get("id").asString(), c.get("estimate"), c.get("measurement")));
            }
        }
        assertThat(confirmed).as("candidates confirmed in QEMU").isBetween(1, 3);
        assertThat(deviations)
                .as("estimates more than 15 % off the measured firmware")
                .isEmpty();
    }

    /** Within this share of the measured figure, an estimate agrees with the firmware (issue #13 item 6). */
    static final double AGREEMENT = 0.15;

    /** The costs whose estimate is off the measured firmware's by more than {@link #AGREEMENT}, in words. */
    static List<String> deviations(String id, JsonNode estimate, JsonNode measured) {
        List<String> off = new ArrayList<>();
        double[][] pairs = {
            {estimate.get("latencyMs").asDouble(), measured.get("latencyMs").asDouble()},
            {estimate.get("ramBytes").asDouble(), measured.get("ramBytes").asDouble()},
            {estimate.get("flashBytes").asDouble(), measured.get("flashBytes").asDouble()}
        };
        String[] names = {"latency", "RAM", "flash"};
        for (int i = 0; i < pairs.length; i++) {
            double relative = Math.abs(pairs[i][0] - pairs[i][1]) / pairs[i][1];
            if (relative > AGREEMENT) {
                off.add(String.format(
                        Locale.ROOT,
                        "%s %s: estimated %.4g, measured %.4g (%+.1f %%)",
                        id,
                        names[i],
                        pairs[i][0],
                        pairs[i][1],
                        100 * (pairs[i][0] - pairs[i][1]) / pairs[i][1]));
            }
        }
        return off;
    }
}
